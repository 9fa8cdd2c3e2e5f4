package dev.ruru.train.callbacks;

import dev.ruru.train.Callback;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainingDivergedException;
import dev.ruru.array.NDArray;
import dev.ruru.train.metrics.EpochMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@link Trainer#checkpoint()} to a file after every good epoch, atomically: the file always holds
 * the last good epoch, so a crash (or a diverged loss) leaves it in place and {@link Trainer#resume}
 * continues from it. An epoch is good when its losses are finite (on the validation set, or on the
 * training batches when there is none) and so are its weights: a loss that every batch kept finite can
 * still end an epoch whose last steps blew the weights up (to 1e18, or to infinity), and a checkpoint of
 * those would be resumed as if nothing had happened. Such an epoch is not written; training stops there with
 * a {@link TrainingDivergedException} that says why, since every later epoch would start from the same
 * garbage. Extra metadata strings (a model description, the settings) can be stored with it. Optionally a
 * second file keeps the epoch with the best monitored value.
 *
 * <pre>{@code
 * new Checkpointing(out.resolve("checkpoint.safetensors")).keepBest(out.resolve("best.safetensors"), Monitor.VALIDATION_LOSS);
 * }</pre>
 */
public final class Checkpointing implements Callback {
  private final Path file;
  private final Map<String, String> extra;
  private Path bestFile;
  private Monitor monitor;
  private double best;
  private int lastSaved;

  public Checkpointing(Path file) {
    this(file, Map.of());
  }

  /** Checkpoints that also carry {@code extra} metadata strings. */
  public Checkpointing(Path file, Map<String, String> extra) {
    this.file = Objects.requireNonNull(file, "file");
    this.extra = new LinkedHashMap<>(extra);
  }

  /** Also writes the checkpoint of the best epoch by {@code by} to {@code path}. */
  public Checkpointing keepBest(Path path, Monitor by) {
    this.bestFile = Objects.requireNonNull(path, "path");
    this.monitor = Objects.requireNonNull(by, "monitor");
    this.best = by.worst();
    return this;
  }

  public Path file() {
    return file;
  }

  /** The epoch of the last checkpoint written (0 before any). */
  public int lastSavedEpoch() {
    return lastSaved;
  }

  @Override
  public void onResume(Trainer trainer, List<EpochMetrics> history) {
    lastSaved = history.size();
    if (monitor != null) {
      best = monitor.worst();
      for (EpochMetrics metrics : history) {
        best = monitor.improves(monitor.of(metrics), best, 0) ? monitor.of(metrics) : best;
      }
    }
  }

  @Override
  public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
    Checkpoint checkpoint = trainer.checkpoint();
    String problem = notFinite(checkpoint, metrics);
    if (problem != null) {
      throw new TrainingDivergedException(metrics.epoch(), problem + ", so its checkpoint is not written", trainer.history());
    }
    checkpoint = checkpoint.withExtras(extra);
    try {
      checkpoint.write(file);
      lastSaved = metrics.epoch();
      if (monitor != null && monitor.improves(monitor.of(metrics), best, 0)) {
        best = monitor.of(metrics);
        checkpoint.write(bestFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("checkpoint: cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Why the checkpoint after {@code metrics}' epoch is no good to continue from, or null: a loss ({@code loss}
   * or {@code <phase>_loss}) that is NaN or infinite, or a model tensor that holds a NaN or an infinity.
   */
  static String notFinite(Checkpoint checkpoint, EpochMetrics metrics) {
    String set = metrics.hasValidation() ? "validation" : "training";
    for (Map.Entry<String, Double> metric : (metrics.hasValidation() ? metrics.validation() : metrics.train()).entrySet()) {
      boolean loss = metric.getKey().equals("loss") || metric.getKey().endsWith("_loss");
      if (loss && !Double.isFinite(metric.getValue())) {
        return "the " + set + " " + metric.getKey() + " is " + metric.getValue() + " after epoch " + metrics.epoch();
      }
    }
    for (Map.Entry<String, Map<String, NDArray>> model : checkpoint.models().entrySet()) {
      for (Map.Entry<String, NDArray> tensor : model.getValue().entrySet()) {
        long count = nonFinite(tensor.getValue());
        if (count > 0) {
          return "after epoch " + metrics.epoch() + " the weights are not finite (" + model.getKey() + " tensor '" + tensor.getKey() + "' "
              + tensor.getValue().shape() + " holds " + count + " NaN or infinite value" + (count == 1 ? "" : "s") + ")";
        }
      }
    }
    return null;
  }

  private static long nonFinite(NDArray tensor) {
    if (!tensor.dtype().isFloating()) {
      return 0;
    }
    long count = 0;
    for (double value : tensor.toDoubleArray()) {
      count += Double.isFinite(value) ? 0 : 1;
    }
    return count;
  }
}
