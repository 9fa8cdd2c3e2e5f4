package dev.ruru.data.text;

import dev.ruru.array.NDArray;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Picks the next token from a language model's logits, as Hugging Face's {@code generate} samples:
 * <ol>
 *   <li><b>temperature</b>: {@code z = logits / T} (with {@code T = 0}, the answer is the argmax of the
 *       logits, the lowest id among ties, and the steps below do not apply);</li>
 *   <li><b>top-k</b>: logits below the {@code k}-th largest {@code z} become {@code −∞};</li>
 *   <li><b>top-p</b>: {@code q = softmax(z)} over what top-k kept; going through the tokens from the most
 *       to the least likely (ties: lower id first), keep tokens while the mass kept before them is below
 *       {@code p}, that is the smallest such set whose mass reaches {@code p}, never fewer than one;</li>
 *   <li><b>renormalise and sample</b>: {@code P = q} restricted to the kept tokens, divided by its sum; a
 *       uniform draw {@code u = rng.nextDouble()} picks the first id whose cumulative {@code P} exceeds
 *       {@code u}, so the same generator seed gives the same text.</li>
 * </ol>
 * The computation is in double whatever the logits' dtype. Logits must be finite or {@code −∞} (a masked
 * token), with at least one finite. The sampler holds no state: randomness comes only from the generator.
 *
 * <pre>{@code
 * TokenSampler sampler = new TokenSampler(new SamplingSettings(0.8, 40, 0.95));
 * RandomGenerator rng = new SplittableRandom(seed);
 * int next = sampler.sample(logits, rng);        // logits [V], or [..., V]: the last row is used
 * }</pre>
 */
public final class TokenSampler {
  private final SamplingSettings settings;

  public TokenSampler(SamplingSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public SamplingSettings settings() {
    return settings;
  }

  /**
   * The next token for {@code logits}, float32 or float64, of shape {@code [V]} or {@code [..., V]} (then
   * the last row: the prediction after the last position of the last sequence). Inputs are not modified.
   */
  public int sample(NDArray logits, RandomGenerator rng) {
    return sample(lastRow(logits), rng);
  }

  /** The next token for {@code logits} ({@code [V]}); the array is not modified. */
  public int sample(double[] logits, RandomGenerator rng) {
    Objects.requireNonNull(rng, "rng");
    double[] probabilities = probabilities(logits);
    if (settings.isGreedy()) {
      return argmax(probabilities);
    }
    double u = rng.nextDouble();
    double cumulative = 0;
    int last = -1;
    for (int id = 0; id < probabilities.length; id++) {
      if (probabilities[id] > 0) {
        cumulative += probabilities[id];
        last = id;
        if (u < cumulative) {
          return id;
        }
      }
    }
    return last; // u fell in the rounding gap below 1: the last kept token
  }

  /**
   * The distribution the next token is drawn from: temperature, top-k and top-p applied to
   * {@code logits} and renormalised, as the class comment defines ({@code [V]}, summing to 1; one-hot at
   * the argmax when greedy). The array is not modified.
   */
  public double[] probabilities(double[] logits) {
    check(logits);
    if (settings.isGreedy()) {
      double[] oneHot = new double[logits.length];
      oneHot[argmax(logits)] = 1;
      return oneHot;
    }
    // (logits - max) / T rather than logits / T: a tiny T then sends logits to -∞, never to +∞ (NaN in softmax).
    double max = logits[argmax(logits)];
    double[] z = new double[logits.length];
    for (int id = 0; id < z.length; id++) {
      z[id] = (logits[id] - max) / settings.temperature();
    }
    if (settings.topK() > 0 && settings.topK() < z.length) {
      double[] sorted = z.clone();
      Arrays.sort(sorted);
      double threshold = sorted[sorted.length - settings.topK()];
      for (int id = 0; id < z.length; id++) {
        z[id] = z[id] < threshold ? Double.NEGATIVE_INFINITY : z[id];
      }
    }
    double[] q = softmax(z);
    if (settings.topP() < 1) {
      keepNucleus(q, settings.topP());
    }
    return q;
  }

  /** Zeroes every token outside the nucleus of {@code q} (mass {@code p}), then rescales what is left to sum to 1. */
  private static void keepNucleus(double[] q, double p) {
    Integer[] order = IntStream.range(0, q.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer id) -> -q[id]).thenComparingInt(id -> id));
    double kept = 0;
    int keep = 0;
    while (keep < order.length && (keep == 0 || kept < p) && q[order[keep]] > 0) {
      kept += q[order[keep]];
      keep++;
    }
    for (int rank = keep; rank < order.length; rank++) {
      q[order[rank]] = 0;
    }
    for (int id = 0; id < q.length; id++) {
      q[id] /= kept;
    }
  }

  /** softmax(z) with the max subtracted, so exp never overflows; −∞ gives exactly 0. */
  private static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : z) {
      max = Math.max(max, value);
    }
    double[] q = new double[z.length];
    double sum = 0;
    for (int id = 0; id < z.length; id++) {
      q[id] = Math.exp(z[id] - max);
      sum += q[id];
    }
    for (int id = 0; id < z.length; id++) {
      q[id] /= sum;
    }
    return q;
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int id = 1; id < values.length; id++) {
      if (values[id] > values[best]) {
        best = id;
      }
    }
    return best;
  }

  private static void check(double[] logits) {
    Objects.requireNonNull(logits, "logits");
    if (logits.length == 0) {
      throw new IllegalArgumentException("TokenSampler: logits are empty; expected one per vocabulary token");
    }
    boolean anyFinite = false;
    for (int id = 0; id < logits.length; id++) {
      if (Double.isNaN(logits[id]) || logits[id] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("TokenSampler: logit " + id + " is " + logits[id] + "; logits must be finite or -Infinity");
      }
      anyFinite |= Double.isFinite(logits[id]);
    }
    if (!anyFinite) {
      throw new IllegalArgumentException("TokenSampler: all " + logits.length + " logits are -Infinity; no token can be chosen");
    }
  }

  /** The last row of {@code logits} ({@code [V]} or {@code [..., V]}) as doubles. */
  private static double[] lastRow(NDArray logits) {
    Objects.requireNonNull(logits, "logits");
    if (!logits.dtype().isFloating() || logits.rank() == 0) {
      throw new IllegalArgumentException("TokenSampler: expected float32 or float64 logits of shape [V] or [..., V], got "
          + logits.dtype().numpyName() + " " + logits.shape());
    }
    NDArray row = logits;
    while (row.rank() > 1) {
      if (row.dim(0) == 0) {
        throw new IllegalArgumentException("TokenSampler: logits " + logits.shape() + " have no rows");
      }
      row = row.slice(0, row.dim(0) - 1, row.dim(0), 1).squeeze(0);
    }
    return row.toDoubleArray();
  }
}
