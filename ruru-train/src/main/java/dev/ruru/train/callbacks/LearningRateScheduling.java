package dev.ruru.train.callbacks;

import dev.ruru.optim.LearningRateSchedule;
import dev.ruru.optim.Optimizer;
import dev.ruru.optim.ReduceOnPlateau;
import dev.ruru.train.Callback;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sets the optimiser's learning rate as training goes: from a {@link LearningRateSchedule} at the start of
 * every epoch (step = epoch − 1) or before every batch (step = batches so far, for warm-up and one-cycle
 * schedules), or from a {@link ReduceOnPlateau} policy after every epoch, fed the monitored number.
 *
 * <pre>{@code
 * LearningRateScheduling.perEpoch(new StepDecay(0.1, 10, 0.5));
 * LearningRateScheduling.perBatch(new CosineWithWarmup(0.1, 100, stepsInAll));
 * LearningRateScheduling.onPlateau(ReduceOnPlateau.minimizing(0.1), Monitor.VALIDATION_LOSS);
 * }</pre>
 */
public final class LearningRateScheduling implements Callback {
  /** When the rate changes. */
  private enum Timing { EPOCH, BATCH, PLATEAU }

  private final Timing timing;
  private final LearningRateSchedule schedule;
  private final ReduceOnPlateau plateau;
  private final Monitor monitor;
  private final ReduceOnPlateau.State initial;
  /** The optimiser whose rate this sets, by name; null: the objective's only one. */
  private final String optimizerName;

  private LearningRateScheduling(Timing timing, LearningRateSchedule schedule, ReduceOnPlateau plateau, Monitor monitor, String optimizerName) {
    this.timing = timing;
    this.schedule = schedule;
    this.plateau = plateau;
    this.monitor = monitor;
    this.initial = plateau == null ? null : plateau.state();
    this.optimizerName = optimizerName;
  }

  /** This schedule applied to the optimiser named {@code name} (objectives with several, such as a GAN's two). */
  public LearningRateScheduling forOptimizer(String name) {
    return new LearningRateScheduling(timing, schedule, plateau, monitor, Objects.requireNonNull(name, "name"));
  }

  private Optimizer target(Trainer trainer) {
    Map<String, Optimizer> optimizers = trainer.optimizers();
    if (optimizerName == null && optimizers.size() == 1) {
      return optimizers.values().iterator().next();
    }
    Optimizer optimizer = optimizers.get(optimizerName);
    if (optimizer == null) {
      throw new IllegalArgumentException("LearningRateScheduling: " + (optimizerName == null ? "the objective has several optimisers "
          + optimizers.keySet() + "; name one with forOptimizer(name)" : "no optimiser is named '" + optimizerName + "'; the objective has "
          + optimizers.keySet()));
    }
    return optimizer;
  }

  /** {@code schedule.learningRate(epoch - 1)} at the start of each epoch. */
  public static LearningRateScheduling perEpoch(LearningRateSchedule schedule) {
    return new LearningRateScheduling(Timing.EPOCH, Objects.requireNonNull(schedule, "schedule"), null, null, null);
  }

  /** {@code schedule.learningRate(step)} before each batch, {@code step} counting batches from 0 over the run. */
  public static LearningRateScheduling perBatch(LearningRateSchedule schedule) {
    return new LearningRateScheduling(Timing.BATCH, Objects.requireNonNull(schedule, "schedule"), null, null, null);
  }

  /** After each epoch, {@code policy.observe(monitored value)} becomes the learning rate. */
  public static LearningRateScheduling onPlateau(ReduceOnPlateau policy, Monitor monitored) {
    return new LearningRateScheduling(Timing.PLATEAU, null, Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(monitored, "monitor"), null);
  }

  /** The plateau policy's state is a function of the metrics it saw: replaying them rebuilds it. */
  @Override
  public void onResume(Trainer trainer, List<EpochMetrics> history) {
    if (timing == Timing.PLATEAU) {
      plateau.restore(initial);
      history.forEach(metrics -> plateau.observe(monitor.of(metrics)));
    }
  }

  @Override
  public void onEpochStart(Trainer trainer, int epoch) {
    if (timing == Timing.EPOCH) {
      schedule.applyTo(target(trainer), epoch - 1);
    }
  }

  @Override
  public void onBatchStart(Trainer trainer, long step) {
    if (timing == Timing.BATCH) {
      schedule.applyTo(target(trainer), Math.toIntExact(step));
    }
  }

  @Override
  public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
    if (timing == Timing.PLATEAU) {
      target(trainer).setLearningRate(plateau.observe(monitor.of(metrics)));
    }
  }
}
