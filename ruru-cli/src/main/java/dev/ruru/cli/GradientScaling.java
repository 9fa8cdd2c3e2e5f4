package dev.ruru.cli;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.GradientMethod;
import dev.ruru.autodiff.Tensor;
import dev.ruru.autodiff.TensorFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How the cost of a gradient grows with the number of inputs n, for each {@link GradientMethod}: the
 * reason deep learning uses reverse mode. The function is a one-layer network's output summed,
 * f(x) = Σᵢ tanh((W·x + b)ᵢ) with W: [16, n] and b: [16] fixed and seeded, so one evaluation costs
 * M = O(16·n). Reverse mode then costs O(M) = O(n), forward mode n passes = O(n·M) = O(n²), and central
 * differences 2n evaluations = O(n²) as well.
 *
 * <p>A method whose full gradient is predicted (from one forward pass or two evaluations at that n,
 * times n) to take longer than {@code budgetSeconds} is skipped at that n and every larger one, so that
 * the whole run stays short.
 */
final class GradientScaling {
  /** Rows of W: the network's hidden units. */
  static final int HIDDEN_UNITS = 16;
  static final long SEED = 42;
  /** Repeat short measurements until this much time is spent, and report their median. */
  private static final double SAMPLE_SECONDS = 0.25;
  private static final int MAX_REPEATS = 15;

  private final double budgetSeconds;

  GradientScaling(double budgetSeconds) {
    this.budgetSeconds = budgetSeconds;
  }

  /** What happened to one method at one n: it was measured or skipped. */
  sealed interface Outcome permits Measurement, Skip {
    GradientMethod method();

    int n();
  }

  /** One method's median time for a whole gradient at one n, and how far its gradient is from reverse mode's. */
  record Measurement(GradientMethod method, int n, double seconds, int repeats, double maxAbsDifferenceFromReverse)
      implements Outcome {}

  /**
   * A method not run at n because it was predicted to take {@code predictedSeconds}: measured from one
   * unit of work at the first n skipped, extrapolated as n² beyond it.
   */
  record Skip(GradientMethod method, int n, double predictedSeconds) implements Outcome {}

  /** The median seconds of {@code repeats} timed calls. */
  private record Sample(double seconds, int repeats) {}

  /** Everything one run found, in the order it was found. */
  record Result(List<Integer> sizes, List<Measurement> measurements, List<Skip> skipped) {
    Result {
      sizes = List.copyOf(sizes);
      measurements = List.copyOf(measurements);
      skipped = List.copyOf(skipped);
    }
  }

  /** 1, 10, 100, … up to {@code maxN}, and {@code maxN} itself when it is not a power of ten. */
  static List<Integer> sizes(int maxN) {
    if (maxN < 1) {
      throw new IllegalArgumentException("--max-n must be positive; got " + maxN);
    }
    List<Integer> sizes = new ArrayList<>();
    for (long n = 1; n <= maxN; n *= 10) {
      sizes.add((int) n);
    }
    if (sizes.getLast() != maxN) {
      sizes.add(maxN);
    }
    return sizes;
  }

  /** Times every method at every size; {@code progress} hears of each measurement and skip as it happens. */
  Result run(List<Integer> sizes, Consumer<Outcome> progress) {
    warmUp();
    List<Measurement> measurements = new ArrayList<>();
    List<Skip> skipped = new ArrayList<>();
    List<GradientMethod> running = new ArrayList<>(List.of(GradientMethod.values()));
    for (int n : sizes) {
      TensorFunction f = network(n);
      NDArray x = NDArray.normal(Shape.of(n), 0, 1, DType.FLOAT64, new SplittableRandom(SEED + 1));
      NDArray reference = null;
      for (GradientMethod method : List.copyOf(running)) {
        double predicted = predictedSeconds(method, f, x);
        if (predicted > budgetSeconds) {
          // Costs only grow with n: once over budget, a method stays skipped.
          running.remove(method);
          sizes.stream().filter(m -> m >= n).forEach(m -> record(skipped, new Skip(method, m, m == n ? predicted
              : predicted * ((double) m / n) * ((double) m / n)), progress));
          continue;
        }
        NDArray[] gradient = new NDArray[1];
        Sample sample = time(() -> gradient[0] = method.gradients(f, x)[0]);
        // Reverse mode runs first at every n, so its gradient is the one the others are compared with.
        reference = reference == null ? gradient[0] : reference;
        double difference = maxAbsDifference(gradient[0], reference);
        record(measurements, new Measurement(method, n, sample.seconds(), sample.repeats(), difference), progress);
      }
    }
    return new Result(sizes, measurements, skipped);
  }

  private static <T extends Outcome> void record(List<T> list, T item, Consumer<Outcome> progress) {
    list.add(item);
    progress.accept(item);
  }

  /**
   * f(x) = Σ tanh(W·x + b): W ~ N(0, 1/n) keeps W·x of order one at every n, so tanh stays off its
   * flat tails and the gradient does not vanish.
   */
  static TensorFunction network(int n) {
    SplittableRandom rng = new SplittableRandom(SEED);
    Tensor weights = Tensor.constant(NDArray.normal(Shape.of(HIDDEN_UNITS, n), 0, 1 / Math.sqrt(n), DType.FLOAT64, rng));
    Tensor bias = Tensor.constant(NDArray.normal(Shape.of(HIDDEN_UNITS), 0, 1, DType.FLOAT64, rng));
    return in -> weights.matmul(in[0].reshape(n, 1)).reshape(HIDDEN_UNITS).add(bias).tanh().sum();
  }

  /**
   * A full gradient's time, predicted from its unit of work at this n: n forward passes of one
   * direction each, or 2n evaluations. Reverse mode is one pass whatever n, so it always runs.
   */
  private static double predictedSeconds(GradientMethod method, TensorFunction f, NDArray x) {
    int n = x.size();
    return switch (method) {
      case REVERSE -> 0;
      case FORWARD -> {
        NDArray direction = NDArray.zeros(x.shape(), DType.FLOAT64);
        direction.setInPlace(1, 0);
        yield n * time(() -> Autodiff.jvp(f, x, direction)).seconds();
      }
      case NUMERIC -> 2 * n * time(() -> Autodiff.noGrad(() -> f.apply(Tensor.constant(x)))).seconds();
    };
  }

  /**
   * The median seconds per call and the number of calls timed: one call when a call is slow (the
   * warm-up at small n has compiled the code already), otherwise as many as fit in {@link #SAMPLE_SECONDS}.
   */
  private static Sample time(Supplier<?> call) {
    long start = System.nanoTime();
    call.get();
    double first = (System.nanoTime() - start) / 1e9;
    if (first >= SAMPLE_SECONDS) {
      return new Sample(first, 1);
    }
    int repeats = (int) Math.clamp(SAMPLE_SECONDS / Math.max(first, 1e-9), 3, MAX_REPEATS);
    double[] seconds = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      long begin = System.nanoTime();
      call.get();
      seconds[r] = (System.nanoTime() - begin) / 1e9;
    }
    return new Sample(Timing.median(seconds), repeats);
  }

  /** Runs every method at a small n until the JIT has compiled the code, so that n = 1 is not timing the compiler. */
  private static void warmUp() {
    TensorFunction f = network(100);
    NDArray x = NDArray.ones(Shape.of(100), DType.FLOAT64);
    long start = System.nanoTime();
    while (System.nanoTime() - start < 500_000_000L) {
      for (GradientMethod method : GradientMethod.values()) {
        method.gradients(f, x);
      }
    }
  }

  private static double maxAbsDifference(NDArray a, NDArray b) {
    double[] left = a.toDoubleArray();
    double[] right = b.toDoubleArray();
    double largest = 0;
    for (int i = 0; i < left.length; i++) {
      largest = Math.max(largest, Math.abs(left[i] - right[i]));
    }
    return largest;
  }
}
