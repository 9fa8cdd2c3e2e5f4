package dev.ruru.train;

import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Supervised;
import dev.ruru.train.progress.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link Trainer}. Defaults: batch size 32, seed 0, no gradient clipping, progress on standard
 * output ({@link ProgressBar#standardOutput()}: a bar redrawn in place on a terminal, a line every few seconds
 * and one per epoch in a pipe or a file), anomaly detection on a diverged batch, no callbacks; for a model and
 * an optimiser without an objective, a {@link Supervised} objective with softmax cross-entropy.
 * {@link #quiet()} turns the progress off, for a library or a test that must not print.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(objective).batchSize(128).seed(42).random(rng)
 *     .callbacks(new Checkpointing(dir.resolve("checkpoint.safetensors")))
 *     .build();
 * Trainer silent = Trainer.builder(model, optimizer).quiet().build();
 * }</pre>
 */
public final class TrainerBuilder {
  /**
   * Whether a diverged batch is re-run under {@code Autodiff.detectAnomaly} to name the operation. The re-run
   * repeats the phase's forward pass in training mode (with the same dropout masks), so BatchNorm's running
   * statistics see that batch twice; training has stopped by then, and checkpoints are not touched.
   */
  public enum AnomalyCheck { ON_DIVERGENCE, OFF }

  private final Objective objective;
  private final Layer model;
  private final Optimizer optimizer;
  private Loss loss = Loss.crossEntropy();
  int batchSize = 32;
  long seed;
  ResumableRandom random;
  double clipNorm = Double.NaN;
  // Made in build() when none is given, so that it writes to the System.out of that moment.
  ProgressBar progress;
  AnomalyCheck anomalyCheck = AnomalyCheck.ON_DIVERGENCE;
  final List<Callback> callbacks = new ArrayList<>();
  StepRunner stepRunner;

  TrainerBuilder(Objective objective) {
    this.objective = Objects.requireNonNull(objective, "objective");
    this.model = null;
    this.optimizer = null;
    if (objective.phases().isEmpty()) {
      throw new IllegalArgumentException("Trainer: the objective has no phases; a step needs at least one loss and its optimiser");
    }
  }

  TrainerBuilder(Layer model, Optimizer optimizer) {
    this.objective = null;
    this.model = Objects.requireNonNull(model, "model");
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
  }

  /** The loss of the {@link Supervised} objective made for a model and an optimiser: a scalar from the outputs and the labels. */
  public TrainerBuilder loss(Loss objectiveLoss) {
    if (objective != null) {
      throw new IllegalStateException("Trainer: this builder trains an objective, which defines its own losses");
    }
    this.loss = Objects.requireNonNull(objectiveLoss, "loss");
    return this;
  }

  public TrainerBuilder batchSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("Invalid batch size: " + size + " (must be >= 1)");
    }
    this.batchSize = size;
    return this;
  }

  /** The shuffling seed: epoch {@code e} visits the training set in an order fixed by (seed, e). */
  public TrainerBuilder seed(long shuffleSeed) {
    this.seed = shuffleSeed;
    return this;
  }

  /** The generator the model draws from during training (dropout), saved in checkpoints as {@code "random"} so a resume continues it. */
  public TrainerBuilder random(ResumableRandom generator) {
    this.random = Objects.requireNonNull(generator, "random");
    return this;
  }

  /** Rescales each phase's gradients whose global L2 norm exceeds {@code maxNorm} (torch.nn.utils.clip_grad_norm_). */
  public TrainerBuilder clipGradientNorm(double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("Invalid gradient clipping norm: " + maxNorm + " (must be > 0)");
    }
    this.clipNorm = maxNorm;
    return this;
  }

  /** Where and how progress is printed, instead of the default {@link ProgressBar#standardOutput()}. */
  public TrainerBuilder progress(ProgressBar bar) {
    this.progress = Objects.requireNonNull(bar, "progress");
    return this;
  }

  /** No progress output at all: {@code progress(ProgressBar.silent())}. */
  public TrainerBuilder quiet() {
    return progress(ProgressBar.silent());
  }

  public TrainerBuilder anomalyCheck(AnomalyCheck check) {
    this.anomalyCheck = Objects.requireNonNull(check, "anomalyCheck");
    return this;
  }

  /** Adds callbacks, called in the order given. */
  public TrainerBuilder callbacks(Callback... more) {
    for (Callback callback : more) {
      callbacks.add(Objects.requireNonNull(callback, "callback"));
    }
    return this;
  }

  /**
   * Runs each step with {@code runner} instead of on this machine: a data-parallel runner (ruru-spark's)
   * spreads the objective's phases over workers while the epochs, progress, callbacks and checkpoints
   * stay this trainer's. Gradient clipping and anomaly checks are then the runner's to apply.
   */
  public TrainerBuilder steps(StepRunner runner) {
    this.stepRunner = Objects.requireNonNull(runner, "runner");
    return this;
  }

  public Trainer build() {
    if (progress == null) {
      progress = ProgressBar.standardOutput();
    }
    return new Trainer(this, objective != null ? objective : new Supervised(model, optimizer, loss));
  }
}
