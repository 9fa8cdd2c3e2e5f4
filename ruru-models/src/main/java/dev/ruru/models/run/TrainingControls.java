package dev.ruru.models.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.optim.CosineWithWarmup;
import dev.ruru.optim.ExponentialDecay;
import dev.ruru.optim.OneCycle;
import dev.ruru.optim.ReduceOnPlateau;
import dev.ruru.optim.StepDecay;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.callbacks.EarlyStopping;
import dev.ruru.train.callbacks.LearningRateScheduling;
import dev.ruru.train.callbacks.Monitor;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ruru train} can add to a run besides the optimiser, as Keras's callbacks do: a
 * learning-rate schedule ({@code --lr-schedule}), early stopping on the validation loss
 * ({@code --early-stopping PATIENCE}) and gradient clipping by global norm ({@code --clip-norm X}).
 * Saved with the run's settings, so a resumed run keeps them. Schedules, with the learning rate lr:
 * <pre>
 *   constant               lr throughout (the default)
 *   step[:E[:G]]           lr·G^⌊epoch/E⌋; E = a third of the epochs, G = 0.1 unless given
 *   exponential[:G]        lr·G^epoch; G = 0.9 unless given
 *   cosine[:W]             linear warm-up over the share W of all steps (0.05), then cosine to 0, per step
 *   onecycle               up to lr and down again over all steps (Smith's one-cycle), per step
 *   plateau                lr × 0.1 after 10 epochs without a lower validation loss
 * </pre>
 * Cosine, one-cycle and step without its period are laid out over the run's length ({@link #dependsOnEpochs}),
 * so a resumed run must keep its number of epochs to keep its schedule.
 */
public record TrainingControls(String schedule, int earlyStopping, double clipNorm) {
  // SCHEDULES first: NONE's constructor reads it during class initialisation.
  private static final List<String> SCHEDULES = List.of("constant", "step", "exponential", "cosine", "onecycle", "plateau");
  public static final TrainingControls NONE = new TrainingControls("constant", 0, 0);

  public TrainingControls {
    schedule = schedule == null ? "constant" : schedule.strip().toLowerCase(Locale.ROOT);
    String[] parts = schedule.split(":", -1);
    if (!SCHEDULES.contains(parts[0]) || parts.length > maxParts(parts[0])) {
      throw new IllegalArgumentException("Invalid --lr-schedule: '" + schedule + "'; expected constant, step[:EPOCHS[:GAMMA]], "
          + "exponential[:GAMMA], cosine[:WARMUP_SHARE], onecycle or plateau");
    }
    for (int i = 1; i < parts.length; i++) {
      number(parts, i, schedule);
    }
    if (earlyStopping < 0) {
      throw new IllegalArgumentException("Invalid --early-stopping: " + earlyStopping + " (epochs of patience, >= 1; 0 is off)");
    }
    if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
      throw new IllegalArgumentException("Invalid --clip-norm: " + clipNorm + " (must be > 0; 0 is off)");
    }
  }

  private static int maxParts(String name) {
    return switch (name) {
      case "step" -> 3;
      case "exponential", "cosine" -> 2;
      default -> 1;
    };
  }

  private static double number(String[] parts, int index, String schedule) {
    try {
      double value = Double.parseDouble(parts[index]);
      if (value > 0 && Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("Invalid --lr-schedule: '" + schedule + "': '" + parts[index] + "' is not a positive number");
  }

  private double parameter(int index, double otherwise) {
    String[] parts = schedule.split(":");
    return parts.length > index ? number(parts, index, schedule) : otherwise;
  }

  /** Adds the callbacks and clipping to {@code builder} for a run of {@code epochs} epochs of {@code batches} steps. */
  public TrainerBuilder applyTo(TrainerBuilder builder, double learningRate, int epochs, int batches, boolean hasValidation) {
    if ((earlyStopping > 0 || schedule.equals("plateau")) && !hasValidation) {
      throw new IllegalArgumentException((earlyStopping > 0 ? "--early-stopping" : "--lr-schedule plateau")
          + " watches the validation loss; give a --validation-split above 0");
    }
    int steps = Math.max(1, epochs * batches);
    switch (schedule.split(":")[0]) {
      case "step" -> builder.callbacks(LearningRateScheduling.perEpoch(new StepDecay(learningRate,
          (int) parameter(1, Math.max(1, epochs / 3)), parameter(2, 0.1))));
      case "exponential" -> builder.callbacks(LearningRateScheduling.perEpoch(new ExponentialDecay(learningRate, parameter(1, 0.9))));
      case "cosine" -> builder.callbacks(LearningRateScheduling.perBatch(new CosineWithWarmup(learningRate,
          (int) Math.round(steps * Math.min(1, parameter(1, 0.05))), steps)));
      case "onecycle" -> builder.callbacks(LearningRateScheduling.perBatch(new OneCycle(learningRate, steps)));
      case "plateau" -> builder.callbacks(LearningRateScheduling.onPlateau(ReduceOnPlateau.minimizing(learningRate), Monitor.VALIDATION_LOSS));
      default -> { }
    }
    if (earlyStopping > 0) {
      builder.callbacks(new EarlyStopping(Monitor.VALIDATION_LOSS, earlyStopping, 0));
    }
    return clipNorm > 0 ? builder.clipGradientNorm(clipNorm) : builder;
  }

  /**
   * Whether the schedule is laid out over the run's epochs (cosine and one-cycle over all its steps, step's
   * default period a third of them): changing the run's length midway would bend the schedule it follows.
   */
  public boolean dependsOnEpochs() {
    String[] parts = schedule.split(":");
    return switch (parts[0]) {
      case "cosine", "onecycle" -> true;
      case "step" -> parts.length < 2;
      default -> false;
    };
  }

  /** ", lr schedule cosine, early stopping after 3, gradient norm clipped at 1.0", or "" for none. */
  public String describe() {
    return (schedule.equals("constant") ? "" : ", lr schedule " + schedule) + (earlyStopping > 0 ? ", early stopping after " + earlyStopping : "")
        + (clipNorm > 0 ? ", gradient norm clipped at " + clipNorm : "");
  }

  public void writeTo(ObjectNode node) {
    node.put("lr_schedule", schedule);
    node.put("early_stopping", earlyStopping);
    node.put("clip_norm", clipNorm);
  }

  /** The controls {@link #writeTo} saved; none for settings written before they existed. */
  public static TrainingControls readFrom(JsonNode node) {
    return new TrainingControls(node.path("lr_schedule").asText("constant"), node.path("early_stopping").asInt(0),
        node.path("clip_norm").asDouble(0));
  }
}
