package dev.ruru.models.run;

import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainingDivergedException;
import dev.ruru.train.callbacks.Checkpointing;
import dev.ruru.train.metrics.EpochMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * A run's checkpoint, {@code checkpoint.safetensors} in its output directory, the same for every model
 * family: written after every good epoch by {@link Checkpointing} (which refuses an epoch whose loss or
 * weights are not finite), read back by {@code --resume}, and named when the run diverges.
 *
 * <p>The epochs the run plans are stored with it ({@code ruru.train.epochs}), so that a resumed run keeps
 * them: {@code --resume} alone trains up to them, and a run that has them all (killed after its last
 * checkpoint, while it wrote its model and reports) trains nothing and writes its outputs from the
 * checkpoint. {@code --epochs N} sets a new total, except below the epochs already trained or where the
 * learning-rate schedule is laid out over the planned ones ({@link TrainingControls#dependsOnEpochs}).
 *
 * <pre>{@code
 * RunCheckpoint checkpoints = new RunCheckpoint(out, epochs, Map.of(SETTINGS_KEY, settings.toJson()), printer);
 * Trainer trainer = Trainer.builder(objective).callbacks(checkpoints.callback()).build();
 * History history = checkpoints.fit(trainer, epochs, () -> trainer.fit(train, validation, epochs));
 * }</pre>
 */
public final class RunCheckpoint {
  /** The checkpoint's file name in a run's output directory. */
  public static final String FILE = "checkpoint.safetensors";
  static final String EPOCHS_KEY = "ruru.train.epochs";
  private final Path file;
  private final Checkpointing checkpointing;
  private final PrintWriter out;

  /** The checkpoint of a run of {@code epochs} epochs in {@code directory}, carrying {@code extra}; says what it does on {@code out}. */
  public RunCheckpoint(Path directory, int epochs, Map<String, String> extra, PrintWriter out) {
    if (epochs < 1) {
      throw new IllegalArgumentException("Invalid epochs: " + epochs + " (must be >= 1)");
    }
    Map<String, String> stored = new LinkedHashMap<>(extra);
    stored.put(EPOCHS_KEY, Integer.toString(epochs));
    this.file = directory.resolve(FILE);
    this.checkpointing = new Checkpointing(file, stored);
    this.out = out;
  }

  public Path file() {
    return file;
  }

  /** The callback that writes the checkpoint after every good epoch. */
  public Checkpointing callback() {
    return checkpointing;
  }

  /** The checkpoint of the run in {@code directory}, for {@code --resume}; says what to do when there is none. */
  public static Checkpoint read(Path directory) throws IOException {
    Path file = directory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--resume: no checkpoint " + file + " to continue from; train without --resume first");
    }
    return Checkpoint.read(file);
  }

  /**
   * The epochs a resumed run trains up to: {@code asked} when given, else the epochs it planned (for a
   * checkpoint written before they were stored, the epochs it has: it finishes). A schedule laid out over
   * the planned epochs keeps them: resuming with other epochs would bend it midway, so that is refused, as
   * is asking for fewer epochs than the run has.
   */
  public static int epochsToReach(Path directory, Checkpoint checkpoint, OptionalInt asked, TrainingControls controls) {
    String stored = checkpoint.extra().get(EPOCHS_KEY);
    int planned = stored == null ? checkpoint.epoch() : planned(stored, directory);
    int epochs = asked.orElse(planned);
    if (stored != null && epochs != planned && controls.dependsOnEpochs()) {
      throw new IllegalArgumentException("--resume: the run in " + directory + " follows --lr-schedule " + controls.schedule() + " over its "
          + planned + " epochs; --epochs " + epochs + " would change the schedule midway; leave --epochs out (or give " + planned
          + "), or start a new run");
    }
    if (epochs < checkpoint.epoch()) {
      throw new IllegalArgumentException("--resume: the run in " + directory + " already has " + checkpoint.epoch() + " epochs; --epochs "
          + epochs + " asks for fewer; leave --epochs out to finish it, or ask for more");
    }
    return epochs;
  }

  private static int planned(String stored, Path directory) {
    try {
      int epochs = Integer.parseInt(stored);
      if (epochs >= 1) {
        return epochs;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--resume: the checkpoint in " + directory + " says the run plans '" + stored + "' epochs (" + EPOCHS_KEY
        + "); expected a whole number >= 1");
  }

  /** Restores {@code trainer} from {@code checkpoint} and says what the run does next: continue, or only write its outputs. */
  public void resume(Trainer trainer, Checkpoint checkpoint, int epochs) {
    trainer.resume(checkpoint);
    if (checkpoint.epoch() >= epochs) {
      out.printf(Locale.ROOT, "finishing %s: its %d epoch%s trained; writing the model and reports from it%n", file, checkpoint.epoch(),
          checkpoint.epoch() == 1 ? " is" : "s are");
    } else {
      out.printf(Locale.ROOT, "resuming %s after epoch %d of %d%n", file, checkpoint.epoch(), epochs);
    }
    out.flush();
  }

  /**
   * Runs {@code training}, {@code trainer}'s fit up to {@code epochs}, unless the trainer has them all
   * already (a resumed run that only has its outputs to write). A divergence becomes one message that
   * also says which checkpoint is kept, of which epoch and why, or that there is none.
   *
   * @throws RunDivergedException when the loss, or an epoch's validation loss or weights, became NaN or infinite
   */
  public History fit(Trainer trainer, int epochs, Supplier<History> training) {
    List<EpochMetrics> trained = trainer.history();
    if (trained.size() >= epochs) {
      return new History(trained, History.StopReason.COMPLETED, trained.size() + " epochs completed");
    }
    try {
      return training.get();
    } catch (TrainingDivergedException e) {
      throw new RunDivergedException(e.getMessage() + "; " + kept(e), e);
    }
  }

  private String kept(TrainingDivergedException e) {
    int epoch = checkpointing.lastSavedEpoch();
    if (epoch == 0) {
      return e.completedEpochs().isEmpty() ? "no epoch completed, so there is no checkpoint"
          : "no epoch ended with a finite loss and finite weights, so there is no checkpoint";
    }
    EpochMetrics metrics = e.completedEpochs().get(epoch - 1);
    boolean validated = metrics.hasValidation() && !Double.isNaN(metrics.validationLoss());
    double loss = validated ? metrics.validationLoss() : metrics.trainLoss();
    String why = Double.isNaN(loss) ? "its losses and weights finite"
        : String.format(Locale.ROOT, "%s loss %.4f, weights finite", validated ? "validation" : "training", loss);
    return "the last good checkpoint, of epoch " + epoch + " (" + why + "), is kept in " + file;
  }
}
