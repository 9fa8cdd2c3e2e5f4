package dev.ruru.train;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.AnomalyException;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.GradientBuffers;
import dev.ruru.autodiff.Gradients;
import dev.ruru.data.Batch;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.optim.GradientClipping;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One optimisation step of an objective on one batch: each phase in turn computes its loss, is checked
 * for NaN and infinity before anything changes, is differentiated by its optimiser's parameters (into
 * the step's reused gradient arrays), clipped when asked, and stepped. The one place where
 * {@code backward} meets an optimiser.
 */
final class TrainingStep implements StepRunner {
  private final Objective objective;
  private final double clipNorm;
  private final TrainerBuilder.AnomalyCheck anomalyCheck;
  private final List<ResumableRandom> generators;
  /** The generators' states before the running phase, for re-running it under anomaly detection; reused every phase. */
  private final long[] statesBefore;
  /** Where each step's weight gradients are written: the optimisers do not keep them past their steps. */
  private final GradientBuffers gradientBuffers = new GradientBuffers();

  TrainingStep(Objective objective, double clipNorm, TrainerBuilder.AnomalyCheck anomalyCheck, Map<String, ResumableRandom> generators) {
    this.objective = objective;
    this.clipNorm = clipNorm;
    this.anomalyCheck = anomalyCheck;
    this.generators = List.copyOf(generators.values());
    this.statesBefore = new long[this.generators.size()];
  }

  /**
   * Runs every phase on {@code batch} and returns their metrics, each loss under its phase's name.
   *
   * @throws TrainingDivergedException when a phase's loss is NaN or infinite; that phase changes nothing
   */
  @Override
  public Map<String, Double> run(Batch batch, int epoch, int index, int batches, List<EpochMetrics> history) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Phase phase : objective.phases()) {
      for (int k = 0; k < statesBefore.length; k++) {
        statesBefore[k] = generators.get(k).state();
      }
      Objective.Result result = objective.compute(batch, phase, Mode.TRAIN);
      double loss = result.loss().item();
      if (!Double.isFinite(loss)) {
        String operation = locateAnomaly(batch, phase);
        throw new TrainingDivergedException(epoch, index, batches, lossIs(phase, loss), operation, history);
      }
      // Frozen parameters are not leaves: backward then skips their gradients' work.
      Map<String, Parameter> parameters = Params.trainable(phase.optimizer().parameters());
      Gradients gradients = result.loss().backward(Params.tensors(parameters), gradientBuffers);
      Map<Parameter, NDArray> byParameter = Params.gradients(parameters, gradients);
      if (!Double.isNaN(clipNorm)) {
        byParameter = GradientClipping.byGlobalNorm(byParameter, clipNorm).gradients();
      }
      phase.optimizer().step(byParameter);
      metrics.put(phase.lossName(), loss);
      metrics.putAll(result.metrics());
    }
    return metrics;
  }

  /** "the loss is NaN", or with several phases "the loss discriminator_loss is NaN". */
  private String lossIs(Phase phase, double loss) {
    return (objective.phases().size() == 1 ? "the loss" : "the loss " + phase.lossName()) + " is " + loss;
  }

  /** Re-runs the phase under anomaly detection, with the same random states, to name the operation. */
  private String locateAnomaly(Batch batch, Phase phase) {
    if (anomalyCheck == TrainerBuilder.AnomalyCheck.OFF) {
      return "anomaly detection was off";
    }
    for (int k = 0; k < statesBefore.length; k++) {
      generators.get(k).setState(statesBefore[k]);
    }
    try {
      Autodiff.detectAnomaly(() -> objective.compute(batch, phase, Mode.TRAIN).loss().backward(Params.tensors(phase.optimizer().parameters())));
      return "anomaly detection found no operation that made NaN or Inf from finite inputs (the inputs or weights already held them)";
    } catch (AnomalyException e) {
      return e.getMessage();
    }
  }
}
