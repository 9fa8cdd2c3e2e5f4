package dev.ruru.train.callbacks;

import dev.ruru.train.Callback;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@link Trainer#checkpoint()} to a file after every epoch, atomically: the file always holds the
 * last completed epoch, so a crash (or a diverged loss) leaves the last good checkpoint in place and
 * {@link Trainer#resume} continues from it. Extra metadata strings (a model description, the settings) can
 * be stored with it. Optionally a second file keeps the epoch with the best monitored value.
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
    for (Map.Entry<String, String> entry : extra.entrySet()) {
      checkpoint = checkpoint.withExtra(entry.getKey(), entry.getValue());
    }
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
}
