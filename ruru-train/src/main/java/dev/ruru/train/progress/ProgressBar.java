package dev.ruru.train.progress;

import dev.ruru.train.metrics.EpochMetrics;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A progress bar for one epoch at a time: batches done, mean loss and accuracy so far, samples per
 * second and the time left (ETA, from the rate so far).
 * <pre>
 * epoch 2/5 [==========&gt;         ] 215/422 loss 0.4821 acc 82.91% 18,211 samples/s ETA 0:01
 * </pre>
 * On a terminal ({@link ProgressStyle#TERMINAL}) the line is redrawn in place with a carriage return, at
 * most every {@value #REDRAW_MILLIS} ms; elsewhere ({@link ProgressStyle#LINES}) a plain line is printed
 * at most every {@value #LINE_SECONDS} seconds, so logs stay readable. Each epoch ends with one line,
 * {@link #endEpoch}, that stays.
 *
 * <p>A redrawn line must fit the terminal: one that wraps leaves a row behind at every redraw, because a
 * carriage return only goes back to the start of the last row. So on a terminal the bar is kept shorter
 * than its width in columns ({@code COLUMNS} when the environment sets it, else 80): it drops the rate,
 * then the bar, then the ETA, and truncates what is still too long. Plain lines for logs stay whole.
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.standardOutput();                      // what a Trainer prints by default
 * ProgressBar bar = new ProgressBar(new PrintWriter(System.out, true), ProgressStyle.detect());
 * bar.startEpoch(1, 5, loader.batchCount(), train.size());
 * bar.update(batch + 1, seen, Map.of("loss", meanLoss));      // after each batch
 * bar.endEpoch("epoch 1/5 loss 0.52 acc 81.3% | val_loss 0.47 val_acc 83.0% | 3.1 s");
 * }</pre>
 */
public final class ProgressBar {
  static final int REDRAW_MILLIS = 100;
  static final int LINE_SECONDS = 5;
  private static final int WIDTH = 24;
  static final int MIN_CELLS = 10;
  static final int DEFAULT_COLUMNS = 80;

  private final PrintWriter out;
  private final ProgressStyle style;
  private final LongSupplier nanoTime;
  private final String unit;
  private final long unitsPerSample;
  private final int columns;
  private int epoch;
  private int epochs;
  private int totalBatches;
  private long totalSamples;
  private long startNanos;
  private long lastDrawNanos;
  private int lastLength;

  public ProgressBar(PrintWriter out, ProgressStyle style) {
    this(out, style, System::nanoTime);
  }

  /** A bar reading time from {@code nanoTime} (tests pass a fake clock), as wide as the terminal's {@link #columns(String) columns}. */
  public ProgressBar(PrintWriter out, ProgressStyle style, LongSupplier nanoTime) {
    this(out, style, nanoTime, columns(System.getenv("COLUMNS")));
  }

  /** A bar for a terminal {@code columns} wide. */
  public ProgressBar(PrintWriter out, ProgressStyle style, LongSupplier nanoTime, int columns) {
    this(out, style, nanoTime, "samples", 1, columns);
  }

  private ProgressBar(PrintWriter out, ProgressStyle style, LongSupplier nanoTime, String unit, long unitsPerSample, int columns) {
    if (columns < 2) {
      throw new IllegalArgumentException("ProgressBar: the terminal must be at least 2 columns wide, got " + columns);
    }
    this.out = Objects.requireNonNull(out, "out");
    this.style = Objects.requireNonNull(style, "style");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.unit = unit;
    this.unitsPerSample = unitsPerSample;
    this.columns = columns;
  }

  /**
   * Progress on standard output, the default of a {@code Trainer}: redrawn in place on a terminal, plain lines
   * in a pipe or a file ({@link ProgressStyle#detect()}).
   */
  public static ProgressBar standardOutput() {
    return new ProgressBar(new PrintWriter(System.out, true), ProgressStyle.detect());
  }

  /** A bar that prints nothing, for a program or a test that wants training to stay quiet. */
  public static ProgressBar silent() {
    return new ProgressBar(new PrintWriter(Writer.nullWriter()), ProgressStyle.SILENT);
  }

  /**
   * The terminal's width: {@code columnsVariable} (the {@code COLUMNS} environment variable) when it is a
   * number of at least 2, else 80. Asking the terminal itself would mean starting {@code stty} or {@code tput}, and
   * 80 columns is what a terminal opens with; a user with a narrower one can export {@code COLUMNS}.
   */
  public static int columns(String columnsVariable) {
    if (columnsVariable != null) {
      try {
        int parsed = Integer.parseInt(columnsVariable.strip());
        if (parsed >= 2) {
          return parsed;
        }
      } catch (NumberFormatException notANumber) {
        // Falls through to the default: a bad COLUMNS should not stop training.
      }
    }
    return DEFAULT_COLUMNS;
  }

  /** This bar counting throughput in {@code unit}s, {@code perSample} per example: a language model's 64-token window is 64 tokens. */
  public ProgressBar countingIn(String unit, long perSample) {
    if (perSample < 1) {
      throw new IllegalArgumentException("ProgressBar: units per sample must be >= 1, got " + perSample);
    }
    return new ProgressBar(out, style, nanoTime, unit, perSample, columns);
  }

  /** The throughput of {@code samples} examples in {@code seconds}, e.g. {@code "12,345 tokens/s"}. */
  public String rate(long samples, double seconds) {
    return String.format(Locale.ROOT, "%,d %s/s", Math.round(samples * unitsPerSample / Math.max(1e-9, seconds)), unit);
  }

  public ProgressStyle style() {
    return style;
  }

  /** Starts epoch {@code epoch} (from 1) of {@code epochs}, which will see {@code totalSamples} in {@code totalBatches} batches. */
  public void startEpoch(int epoch, int epochs, int totalBatches, long totalSamples) {
    this.epoch = epoch;
    this.epochs = epochs;
    this.totalBatches = totalBatches;
    this.totalSamples = totalSamples;
    this.startNanos = nanoTime.getAsLong();
    this.lastDrawNanos = startNanos;
    this.lastLength = 0;
  }

  /** Reports that {@code batches} batches holding {@code samples} examples are done, with the running metrics (means so far). */
  public void update(int batches, long samples, Map<String, Double> metrics) {
    update(batches, samples, () -> metrics);
  }

  /**
   * As {@link #update(int, long, Map)}, asking for the metrics only when a line is drawn: a training loop
   * reports every batch, and most reports draw nothing.
   */
  public void update(int batches, long samples, Supplier<Map<String, Double>> metrics) {
    long now = nanoTime.getAsLong();
    boolean last = batches >= totalBatches;
    switch (style) {
      case TERMINAL -> {
        if (last || now - lastDrawNanos >= REDRAW_MILLIS * 1_000_000L) {
          String line = fitted(batches, samples, metrics.get(), now);
          // Spaces cover what a longer previous line left behind.
          out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
          out.flush();
          lastLength = line.length();
          lastDrawNanos = now;
        }
      }
      case LINES -> {
        if (!last && now - lastDrawNanos >= LINE_SECONDS * 1_000_000_000L) {
          out.println(line(batches, samples, metrics.get(), now));
          out.flush();
          lastDrawNanos = now;
        }
      }
      case EPOCHS_ONLY, SILENT -> { }
    }
  }

  /** Ends the epoch with {@code summary}, which replaces the bar on a terminal and stays. */
  public void endEpoch(String summary) {
    if (style == ProgressStyle.SILENT) {
      return;
    }
    if (style == ProgressStyle.TERMINAL) {
      out.print("\r" + summary + " ".repeat(Math.max(0, lastLength - summary.length())) + System.lineSeparator());
    } else {
      out.println(summary);
    }
    out.flush();
    lastLength = 0;
  }

  /** The bar's text at time {@code now}, whole. */
  String line(int batches, long samples, Map<String, Double> metrics, long now) {
    Parts parts = parts(batches, samples, metrics, now);
    return parts.head + bar(batches, WIDTH) + parts.progress + parts.rate + parts.eta;
  }

  /**
   * The bar's text at time {@code now}, shorter than the terminal is wide; one column stays free because some
   * terminals wrap as soon as the last column is written. The rate goes first, then the bar shrinks to as
   * few as {@value #MIN_CELLS} cells and goes, then the ETA; what is still too long is cut.
   */
  String fitted(int batches, long samples, Map<String, Double> metrics, long now) {
    Parts parts = parts(batches, samples, metrics, now);
    String whole = parts.head + bar(batches, WIDTH) + parts.progress + parts.rate + parts.eta;
    String rest = parts.progress + parts.eta;
    // " [" and "]" take three columns around the cells.
    int cells = Math.min(WIDTH, columns - 1 - parts.head.length() - rest.length() - 3);
    for (String candidate : new String[] {whole, cells >= MIN_CELLS ? parts.head + bar(batches, cells) + rest : whole,
        parts.head + rest, parts.head + parts.progress}) {
      if (candidate.length() < columns) {
        return candidate;
      }
    }
    return (parts.head + parts.progress).substring(0, columns - 1);
  }

  /** The pieces of the bar's text, each but the head starting with a space. */
  private record Parts(String head, String progress, String rate, String eta) {}

  private Parts parts(int batches, long samples, Map<String, Double> metrics, long now) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    long remaining = Math.max(0, totalSamples - samples);
    String eta = " ETA " + (samples == 0 ? "?" : clock(remaining / (samples / seconds)));
    // The count is padded to the total's width so that the line keeps its length while it is redrawn.
    String count = String.format(Locale.ROOT, " %" + String.valueOf(totalBatches).length() + "d/%d", batches, totalBatches);
    String progress = count + (metrics.isEmpty() ? "" : " " + format(metrics, ""));
    return new Parts("epoch " + epoch + "/" + epochs, progress, " " + rate(samples, seconds), eta);
  }

  /** {@code " [=====>    ]"} with {@code cells} cells between the brackets. */
  private String bar(int batches, int cells) {
    int filled = totalBatches == 0 ? cells : (int) ((long) cells * batches / totalBatches);
    return " [" + "=".repeat(filled) + (filled < cells ? ">" + " ".repeat(cells - filled - 1) : "") + "]";
  }

  /** An epoch's closing line: {@code epoch 1/5 loss 0.5200 acc 81.30% | val_loss 0.4700 val_acc 83.00% | 3.1 s (12,345 samples/s)}. */
  public static String summary(EpochMetrics metrics, int epochs, String rate) {
    String text = "epoch " + metrics.epoch() + "/" + epochs + " " + format(metrics.train(), "");
    if (metrics.hasValidation()) {
      text += " | " + format(metrics.validation(), "val_");
    }
    return text + String.format(Locale.ROOT, " | %.1f s (%s)", metrics.seconds(), rate);
  }

  /** 4 decimals, or 4 significant digits with an exponent from 10⁵ on: a diverging loss of 2e33 is not a 38-digit number. */
  static String number(double value) {
    return String.format(Locale.ROOT, Math.abs(value) >= 1e5 ? "%.4e" : "%.4f", value);
  }

  /** Metrics as Keras prints them: {@code loss 0.5200 acc 81.30%}; accuracies in percent, everything else to 4 decimals. */
  static String format(Map<String, Double> metrics, String prefix) {
    StringJoiner text = new StringJoiner(" ");
    metrics.forEach((name, value) -> {
      boolean accuracy = name.equals("accuracy") || name.endsWith("_accuracy");
      String label = prefix + (name.equals("accuracy") ? "acc" : name);
      text.add(accuracy ? String.format(Locale.ROOT, "%s %.2f%%", label, 100 * value) : label + " " + number(value));
    });
    return text.toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
  static String clock(double seconds) {
    long total = Math.round(seconds);
    long hours = total / 3600;
    long minutes = total / 60 % 60;
    long secs = total % 60;
    return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs) : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
  }
}
