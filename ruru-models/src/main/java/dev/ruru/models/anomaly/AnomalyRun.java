package dev.ruru.models.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.SplitFractions;
import dev.ruru.data.Splits;
import dev.ruru.data.Standardizer;
import dev.ruru.data.Stratification;
import dev.ruru.data.csv.CsvData;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.nn.Layer;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * One one-class run, {@code ruru anomaly train}: take the training images of the normal class, hold out
 * a share of them, fit the detector on the rest (a PCA, or Deep SVDD trained by the one {@link Trainer}),
 * choose the threshold on the held-out normal images' scores for the target false-positive rate, score
 * every test image, and write the detector, metrics.json, the ROC curve and the extremes grid.
 *
 * <pre>{@code
 * OneClassEvaluation result = new AnomalyRun(Path.of("runs/anomaly"), out).train(data, AnomalyRun.Settings.pca(0));
 * }</pre>
 */
public final class AnomalyRun {
  /** The share of the normal training images held out to choose the threshold on. */
  static final double HELD_OUT = 0.1;

  private final Path directory;
  private final PrintWriter out;

  /**
   * @param detector {@code pca}, {@code deep-svdd}, {@code autoencoder} or {@code vae}
   * @param normalClass the class taken as normal
   * @param components the PCA's components, or the autoencoder's or VAE's code size
   * @param epochs the networks' training epochs
   * @param learningRate the networks' Adam rate
   * @param batchSize the networks' batch
   * @param falsePositiveRate the threshold's target share of normal images flagged
   * @param seed the held-out split's and the network's seed
   */
  public record Settings(String detector, int normalClass, int components, int epochs, double learningRate, int batchSize,
      double falsePositiveRate, long seed) {
    public Settings {
      if (!AnomalyModelFiles.DETECTORS.contains(detector)) {
        throw new IllegalArgumentException("anomaly: unknown detector '" + detector + "'; expected one of " + AnomalyModelFiles.DETECTORS);
      }
      if (components < 1 || epochs < 1 || batchSize < 2 || !(learningRate > 0)) {
        throw new IllegalArgumentException("anomaly: components, epochs and the learning rate must be positive and the batch at least 2, got "
            + components + ", " + epochs + ", " + learningRate + ", " + batchSize);
      }
      new Threshold(0, falsePositiveRate);
    }

    /** PCA with 32 components, 5 % false positives. */
    public static Settings pca(int normalClass) {
      return new Settings(AnomalyModelFiles.PCA, normalClass, 32, 1, 1e-4, 200, 0.05, 0);
    }
  }

  public AnomalyRun(Path directory, PrintWriter out) {
    this.directory = directory;
    this.out = out;
  }

  /** The detector fitted on the normal class's training images, with the threshold from the held-out ones. */
  public record Fitted(AnomalyDetector detector, Threshold threshold) {}

  /** Fits the detector of {@code settings} on the normal class of {@code train}; quiet unless {@code progress} is given. */
  public static Fitted fit(ArrayDataset train, Settings settings, ProgressBar progress) {
    checkClass(train, settings.normalClass());
    long[] labels = train.labels().toLongArray();
    List<Integer> normal = new ArrayList<>(IntStream.range(0, labels.length).filter(i -> labels[i] == settings.normalClass()).boxed().toList());
    java.util.Collections.shuffle(normal, new Random(settings.seed()));
    int heldOut = Math.max(1, (int) Math.round(HELD_OUT * normal.size()));
    ArrayDataset threshold = train.subset(normal.subList(0, heldOut).stream().mapToInt(Integer::intValue).toArray());
    ArrayDataset fitting = train.subset(normal.subList(heldOut, normal.size()).stream().mapToInt(Integer::intValue).toArray());
    AnomalyDetector detector = train.features().rank() == 2 ? fitTable(fitting, settings, progress) : fitImages(fitting, settings, progress);
    return new Fitted(detector, Threshold.forFalsePositiveRate(detector.scores(threshold.features()).toDoubleArray(), settings.falsePositiveRate()));
  }

  private static void checkClass(ArrayDataset train, int normalClass) {
    int classes = train.classCount();
    if (normalClass < 0 || normalClass >= classes) {
      throw new IllegalArgumentException("anomaly: --normal-class " + normalClass + " is not one of the data's classes 0.." + (classes - 1));
    }
  }

  private static AnomalyDetector fitImages(ArrayDataset normal, Settings settings, ProgressBar progress) {
    return switch (settings.detector()) {
      case AnomalyModelFiles.PCA -> PcaDetector.fit(normal.features(), Math.min(settings.components(), normal.size()));
      case AnomalyModelFiles.DEEP_SVDD -> trainDeepSvdd(normal, settings, progress, DeepSvdd::network, Shape.of(28, 28));
      default -> LatentDetector.train(normal, settings, false, progress);
    };
  }

  /** Table rows [n, features]: standardised by the normal rows' statistics, then the detector (Deep SVDD's with its table network, code of --components). */
  private static AnomalyDetector fitTable(ArrayDataset normal, Settings settings, ProgressBar progress) {
    int features = normal.features().dim(1);
    if (settings.components() >= features) {
      throw new IllegalArgumentException("anomaly: --components " + settings.components() + " must be below the table's " + features
          + " feature columns (a code as wide as the input reconstructs everything)");
    }
    Standardizer columns = Standardizer.fit(normal.features().astype(DType.FLOAT32));
    ArrayDataset standardised = normal.mapFeatures(rows -> columns.apply(rows.astype(DType.FLOAT32)));
    AnomalyDetector detector = switch (settings.detector()) {
      case AnomalyModelFiles.PCA -> PcaDetector.fit(standardised.features(), settings.components());
      case AnomalyModelFiles.DEEP_SVDD -> trainDeepSvdd(standardised, settings, progress,
          random -> DeepSvdd.tableNetwork(features, settings.components(), random), Shape.of(features));
      default -> LatentDetector.train(standardised, settings, true, progress);
    };
    return new TabularDetector(columns, detector);
  }

  private static DeepSvdd trainDeepSvdd(ArrayDataset normal, Settings settings, ProgressBar progress, Function<RandomGenerator, Layer> build,
      Shape input) {
    ResumableRandom random = new ResumableRandom(settings.seed());
    Layer network = build.apply(random);
    DeepSvddObjective objective = new DeepSvddObjective(network, DeepSvdd.centre(network, normal.features()), settings.learningRate(), input);
    var builder = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed()).random(random);
    (progress == null ? builder.quiet() : builder.progress(progress)).build().fit(normal, null, settings.epochs());
    return objective.detector();
  }

  /** Runs the whole protocol on {@code data} and writes the outputs into the directory. */
  public OneClassEvaluation train(MnistData data, Settings settings) throws IOException {
    checkClass(data.train(), settings.normalClass());
    out.println("data: " + data.source() + "; normal class " + settings.normalClass() + " ("
        + data.variant().classNames().get(settings.normalClass()) + ")");
    return evaluate(data.train(), data.test(), settings, data.test().features());
  }

  /**
   * Runs the protocol on a table read from CSV (numeric feature columns, an integer or text label): a
   * seeded share {@code testShare} of the rows, stratified by label, is the test set; the rest is the
   * training set whose normal rows fit the detector and choose its threshold.
   */
  public OneClassEvaluation train(CsvData table, String source, Settings settings, double testShare) throws IOException {
    if (!(testShare > 0 && testShare < 1)) {
      throw new IllegalArgumentException("anomaly: the test share must be in (0, 1), got " + testShare);
    }
    checkClass(table.dataset(), settings.normalClass());
    Splits parts = Splits.of(table.dataset(), SplitFractions.trainValidation(testShare), settings.seed(), Stratification.BY_LABEL);
    String name = table.classNames().isEmpty() ? "" : " (" + table.classNames().get(settings.normalClass()) + ")";
    out.printf(Locale.ROOT, "data: %s, %d rows of %d columns; normal class %d%s; %d training and %d test rows%n", source, table.dataset().size(),
        table.featureNames().size(), settings.normalClass(), name, parts.train().size(), parts.validation().size());
    return evaluate(parts.train(), parts.validation(), settings, null);
  }

  /** Fits on {@code train}'s normal class, scores {@code test}, writes everything; {@code images} for the extremes grid, or null for a table. */
  private OneClassEvaluation evaluate(ArrayDataset train, ArrayDataset test, Settings settings, NDArray images) throws IOException {
    long start = System.nanoTime();
    Fitted fitted = fit(train, settings, new ProgressBar(out, ProgressStyle.detect()));
    OneClassEvaluation evaluation = OneClassEvaluation.of(fitted.detector(), test.features(), test.labels(), settings.normalClass(),
        fitted.threshold());
    Files.createDirectories(directory);
    AnomalyModelFiles.save(directory, fitted.detector(), settings.normalClass(), fitted.threshold());
    List<Path> pictures = AnomalyPictures.write(directory, evaluation, images, fitted.detector().describe());
    writeMetrics(evaluation, fitted.detector());
    out.println(fitted.detector().describe() + ", " + evaluation.describe());
    StringBuilder names = new StringBuilder();
    pictures.forEach(picture -> names.append(", ").append(picture.getFileName()));
    out.printf(Locale.ROOT, "wrote model.json, model.safetensors, metrics.json%s to %s in %.1f s%n", names, directory,
        (System.nanoTime() - start) / 1e9);
    out.flush();
    return evaluation;
  }

  private void writeMetrics(OneClassEvaluation evaluation, AnomalyDetector detector) throws IOException {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("detector", detector.describe());
    root.put("normal_class", evaluation.normalClass());
    root.put("auroc", evaluation.auroc());
    root.put("auprc", evaluation.auprc());
    root.put("threshold", evaluation.threshold().value());
    root.put("target_false_positive_rate", evaluation.threshold().falsePositiveRate());
    root.put("test_false_positive_rate", evaluation.falsePositiveRate());
    root.put("test_true_positive_rate", evaluation.truePositiveRate());
    AtomicFile.writeString(directory.resolve("metrics.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n");
  }

  /** The scores of {@code images} [n, 28, 28] (or table rows [n, features]) with the saved detector's verdicts, as CSV lines {@code name,score,verdict}. */
  public static List<String> scoreLines(AnomalyModelFiles.Loaded saved, NDArray images, List<String> names) {
    double[] scores = saved.detector().scores(images).toDoubleArray();
    List<String> lines = new ArrayList<>();
    lines.add("input,score,verdict");
    for (int i = 0; i < scores.length; i++) {
      lines.add(names.get(i) + "," + String.format(Locale.ROOT, "%.6g", scores[i]) + ","
          + (saved.threshold().isAnomalous(scores[i]) ? "anomalous" : "normal"));
    }
    return lines;
  }
}
