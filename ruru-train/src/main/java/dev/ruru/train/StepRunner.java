package dev.ruru.train;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.train.metrics.EpochMetrics;
import java.util.List;
import java.util.Map;

/**
 * How a {@link Trainer} turns one batch of an epoch into updates of its objective's models. The default
 * runs every phase on this machine (loss, backward, clipping, the optimiser's step); a data-parallel
 * runner (ruru-spark's) spreads the same phases over workers. Whichever runs the steps, the epochs,
 * progress, callbacks, checkpoints and metrics stay the trainer's: there is one training loop.
 */
public interface StepRunner {
  /**
   * Runs batch {@code index} (1-based) of {@code batches} in epoch {@code epoch} and returns the step's
   * metrics, each phase's loss under its name.
   *
   * @param history the epochs completed so far, for the message of a divergence
   * @throws TrainingDivergedException when a phase's loss is NaN or infinite; that phase changes nothing
   */
  Map<String, Double> run(Batch batch, int epoch, int index, int batches, List<EpochMetrics> history);

  /**
   * Optimiser state the runner keeps beside the objective's (a data-parallel driver's outer momentum), by
   * its name in checkpoints: the trainer saves it with the objective's optimisers and gives it back on
   * resume, so the run continues exactly. The names must not change during a run. None by default.
   */
  default Map<String, Map<String, NDArray>> optimizerStates() {
    return Map.of();
  }

  /** Restores what {@link #optimizerStates} returned, by the same names; checked by the trainer first. */
  default void loadOptimizerStates(Map<String, Map<String, NDArray>> states) {}
}
