package dev.ruru.perceptron;

import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.data.Preprocessing;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Workload W1 of {@code shared/anchors}: the multi-class perceptron 784 → 10 with the course's batched
 * rule, batch 100, λ = 1.0, weights from 0, the full Fashion-MNIST training set in file order, timed as
 * {@code w1_perceptron.py} times NumPy: one pass over the 60,000 images per epoch with the data already
 * in memory, then the test accuracy (not timed).
 *
 * <p>Java compiles its code while it runs and NumPy's is compiled already, so a throw-away model first
 * trains for at least {@link #WARMUP_EPOCHS} epochs and {@link #WARMUP_NANOS}, starting afresh every
 * {@link #WARMUP_EPOCHS_PER_MODEL} epochs; that time is never measured. Threads: {@code BENCH_THREADS} (default
 * 1), as for the anchor scripts.
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -cp ... dev.ruru.perceptron.PerceptronBenchmark [epochs=5] [data-dir]
 * </pre>
 * It prints one line per epoch and a {@code RESULT {json}} line shaped like the anchor scripts'.
 */
public final class PerceptronBenchmark {
  /** W1's settings. */
  static final int BATCH = 100;
  static final double LEARNING_RATE = 1.0;
  /**
   * Untimed training before the timed run, so that the timed one runs fully compiled code: HotSpot's
   * optimising compiler takes a method after about 15,000 calls, and an epoch calls the update 600
   * times. A fresh model takes other branches than a trained one (every score ties, most of a batch is
   * wrong), and code compiled on a trained model only is thrown away and compiled anew when they are
   * first taken: with one warm-up model the first four timed epochs took 0.045–0.052 s at two threads
   * (where the compiler shares the cores with the kernels), the rest 0.025 s. So the warm-up starts a
   * fresh model every {@link #WARMUP_EPOCHS_PER_MODEL} epochs.
   */
  static final long WARMUP_NANOS = 3_000_000_000L;
  static final int WARMUP_EPOCHS = 60;
  static final int WARMUP_EPOCHS_PER_MODEL = 15;

  /**
   * The outcome of a run.
   *
   * @param secondsPerEpoch wall time of each epoch's training pass
   * @param testAccuracy test accuracy after each epoch
   */
  public record Result(double[] secondsPerEpoch, double[] testAccuracy) {
    public Result {
      secondsPerEpoch = secondsPerEpoch.clone();
      testAccuracy = testAccuracy.clone();
    }

    @Override
    public double[] secondsPerEpoch() {
      return secondsPerEpoch.clone();
    }

    @Override
    public double[] testAccuracy() {
      return testAccuracy.clone();
    }

    /** The median epoch time, as the anchor scripts report it. */
    public double medianSeconds() {
      double[] sorted = secondsPerEpoch.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Result r && Arrays.equals(secondsPerEpoch, r.secondsPerEpoch) && Arrays.equals(testAccuracy, r.testAccuracy);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(secondsPerEpoch) + Arrays.hashCode(testAccuracy);
    }

    @Override
    public String toString() {
      return "Result(seconds " + Arrays.toString(secondsPerEpoch) + ", test accuracy " + Arrays.toString(testAccuracy) + ")";
    }
  }

  private PerceptronBenchmark() {}

  public static void main(String[] args) throws IOException {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    MnistLoader loader = MnistLoader.of(MnistVariant.FASHION_MNIST).ifMissing(IfMissing.FAIL);
    if (args.length > 1) {
      loader = loader.directory(Path.of(args[1]));
    }
    String threadsValue = System.getenv("BENCH_THREADS");
    int threads = threadsValue == null || threadsValue.isBlank() ? 1 : Integer.parseInt(threadsValue.trim());
    Parallel.setThreads(threads);
    MnistData data;
    try {
      data = loader.load();
    } catch (IllegalArgumentException e) {
      // W1 is defined on the full dataset: no embedded sample here.
      System.err.println("w1: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("# data: " + data.source() + "; threads " + threads);
    Result result = run(data, epochs, System.out);
    System.out.println(String.format(Locale.ROOT,
        "RESULT {\"bench\": \"w1_perceptron\", \"lib\": \"ruru\", \"threads\": %d, \"sec_per_epoch_median\": %.4f, "
            + "\"sec_per_epoch_all\": %s, \"samples_per_s\": %d, \"test_acc_ep1\": %s, \"test_acc_ep5\": %s}",
        threads, result.medianSeconds(), format(result.secondsPerEpoch()),
        Math.round(data.train().size() / result.medianSeconds()), accuracyAfter(result, 1), accuracyAfter(result, 5)));
  }

  /** Warms up, then trains a fresh perceptron for {@code epochs} timed epochs, printing each to {@code out}. */
  public static Result run(MnistData data, int epochs, PrintStream out) {
    return run(data, epochs, WARMUP_EPOCHS, WARMUP_NANOS, out);
  }

  /** {@link #run(MnistData, int, PrintStream)} with a given warm-up: at least that many epochs and nanoseconds. */
  static Result run(MnistData data, int epochs, int warmupEpochs, long warmupNanos, PrintStream out) {
    NDArray images = Preprocessing.flatten(data.train().features());
    NDArray labels = data.train().labels();
    NDArray testImages = Preprocessing.flatten(data.test().features());
    NDArray testLabels = data.test().labels();
    long warmupStart = System.nanoTime();
    MulticlassPerceptron warmup = null;
    for (int epoch = 0; epoch < warmupEpochs || System.nanoTime() - warmupStart < warmupNanos; epoch++) {
      if (epoch % WARMUP_EPOCHS_PER_MODEL == 0) {
        warmup = new MulticlassPerceptron(images.dim(1), data.variant().classCount());
      }
      trainEpoch(warmup, images, labels);
      warmup.accuracy(testImages, testLabels);
    }
    MulticlassPerceptron model = new MulticlassPerceptron(images.dim(1), data.variant().classCount());
    double[] seconds = new double[epochs];
    double[] accuracy = new double[epochs];
    for (int epoch = 0; epoch < epochs; epoch++) {
      long start = System.nanoTime();
      trainEpoch(model, images, labels);
      seconds[epoch] = (System.nanoTime() - start) / 1e9;
      accuracy[epoch] = model.accuracy(testImages, testLabels);
      out.println(String.format(Locale.ROOT, "# epoch %d: %.3fs test_acc=%.4f", epoch + 1, seconds[epoch], accuracy[epoch]));
    }
    return new Result(seconds, accuracy);
  }

  /** One pass in file order: batches are views of consecutive rows, as NumPy's slices are. */
  static void trainEpoch(MulticlassPerceptron model, NDArray images, NDArray labels) {
    int n = images.dim(0);
    for (int start = 0; start < n; start += BATCH) {
      int end = Math.min(n, start + BATCH);
      model.updateInPlace(images.slice(0, start, end, 1), labels.slice(0, start, end, 1), LEARNING_RATE);
    }
  }

  private static String accuracyAfter(Result result, int epoch) {
    double[] accuracy = result.testAccuracy();
    return epoch <= accuracy.length ? String.format(Locale.ROOT, "%.4f", accuracy[epoch - 1]) : "null";
  }

  private static String format(double[] values) {
    List<String> parts = new ArrayList<>();
    for (double value : values) {
      parts.add(String.format(Locale.ROOT, "%.4f", value));
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
