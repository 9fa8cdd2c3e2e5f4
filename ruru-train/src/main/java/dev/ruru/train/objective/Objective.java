package dev.ruru.train.objective;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.train.ResumableRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one training step optimises: given a batch, each {@link Phase} computes a loss tensor and named
 * metrics; the trainer differentiates the loss by the phase optimiser's parameters and lets it step.
 * Evaluation is the same computation in {@link Mode#EVAL} without gradients, summed up over a whole pass
 * by {@link #newPass()} (which adds what needs the whole pass: accuracy over all labels, perplexity).
 *
 * <p>A user's own objective is a few lines: a classifier with an auxiliary reconstruction loss,
 * <pre>{@code
 * Objective objective = new Objective() {
 *   public Map<String, Layer> models() { return Map.of("model", net); }
 *   public List<Phase> phases() { return List.of(Phase.of(adam)); }
 *   public Result compute(Batch batch, Phase phase, Mode mode) {
 *     Tensor code = encoder.forward(Tensor.constant(batch.features()), mode);
 *     Tensor classify = Losses.crossEntropy(head.forward(code, mode), batch.labels());
 *     Tensor reconstruct = Losses.mse(decoder.forward(code, mode), Tensor.constant(batch.features()));
 *     return Result.of(classify.add(reconstruct.mul(0.1))).with("classification", classify).with("reconstruction", reconstruct);
 *   }
 * };
 * }</pre>
 *
 * <p>Checkpoints hold every model's state dictionary under its name, every optimiser's under its phase's
 * optimiser name, and every generator of {@link #generators()}: a resumed run continues exactly.
 */
public interface Objective {
  /** The models trained, by name (letters, digits, '_'): a checkpoint stores each under its name. */
  Map<String, Layer> models();

  /** The phases of a step, in the order they run; one for most objectives. */
  List<Phase> phases();

  /**
   * The loss of {@code phase} on {@code batch} in {@code mode}, and the metrics to report with it. In
   * {@link Mode#EVAL} the trainer calls it without recording gradients and uses only the metrics.
   */
  Result compute(Batch batch, Phase phase, Mode mode);

  /** Called before a pass over a batch source (a training epoch, an evaluation): a place to reset carried state. */
  default void startPass(Mode mode) {}

  /** A fresh accumulator of one pass's metrics; by default their means over examples. */
  default PassMetrics newPass() {
    return new PassMetrics.Means();
  }

  /** Random generators drawn from while training (dropout, noise, latent samples), by name: checkpoints save their states. */
  default Map<String, ResumableRandom> generators() {
    return Map.of();
  }

  /**
   * A phase's loss and named metrics on one batch. The loss's own value is reported under the phase's
   * loss name; {@code metrics} add to it (per-term losses, accuracy) as means over the batch's examples.
   *
   * @param loss a scalar tensor
   * @param metrics further numbers, by name
   * @param outputs the model's outputs for the batch when a pass needs them (a classifier's scores), else null
   */
  record Result(Tensor loss, Map<String, Double> metrics, NDArray outputs) {
    public Result {
      if (loss.rank() != 0 && loss.shape().size() != 1) {
        throw new IllegalArgumentException("objective: the loss must be a scalar, got shape " + loss.shape());
      }
      metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A loss alone. */
    public static Result of(Tensor loss) {
      return new Result(loss, Map.of(), null);
    }

    /** This result with one more metric: the value of a named term of the loss (a scalar tensor) or any number. */
    public Result with(String name, Tensor term) {
      return with(name, term.item());
    }

    /** This result with one more metric. */
    public Result with(String name, double value) {
      Map<String, Double> more = new LinkedHashMap<>(metrics);
      more.put(name, value);
      return new Result(loss, more, outputs);
    }
  }
}
