package dev.ruru.models.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.train.MetricsJson;
import dev.ruru.train.metrics.ClassScores;
import dev.ruru.train.metrics.ConfusionMatrix;
import dev.ruru.train.metrics.Diagnosis;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.plot.ConfusionHeatMap;
import dev.ruru.train.plot.LearningCurves;
import dev.ruru.train.plot.MisclassifiedGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's report into its output directory, each file atomically:
 * <ul>
 *   <li>{@code metrics.json}: {@code {"task", "dataset", "train_size", "validation_size", "test_size",
 *       "epochs": [{"epoch", "train_loss", "train_accuracy", "validation_loss", "validation_accuracy",
 *       "seconds", "learning_rate"}], "test_accuracy", "samples_per_second"}} — the schema of
 *       {@code ruru perceptron}, with losses — followed by {@code "test_loss"}, {@code "test_top2_accuracy"},
 *       {@code "model"}, {@code "optimizer"}, {@code "diagnosis": {"verdict", "summary", "details"}} and
 *       {@code "per_class": [{"class", "name", "precision", "recall", "f1", "support"}]};</li>
 *   <li>{@code learning_curves.png}, {@code confusion_matrix.png}, {@code misclassified.png}.</li>
 * </ul>
 */
public final class RunReport {
  public static final String METRICS = "metrics.json";
  public static final String CURVES = "learning_curves.png";
  public static final String CONFUSION = "confusion_matrix.png";
  public static final String MISCLASSIFIED = "misclassified.png";
  /** How many misclassified images the grid shows, and per row. */
  static final int MISTAKES_SHOWN = 36;
  static final int MISTAKES_PER_ROW = 6;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReport() {}

  /**
   * Writes the report of {@code run} into {@code directory}; {@code testImages [n, rows, columns]} are the
   * test examples in the order of {@code run.test()}, for the picture of mistakes. Returns the files written.
   */
  public static List<Path> write(Path directory, RunSummary run, NDArray testImages) throws IOException {
    Path metrics = directory.resolve(METRICS);
    AtomicFile.writeString(metrics, JSON.writeValueAsString(toJson(run)) + "\n");
    Path curves = directory.resolve(CURVES);
    LearningCurves.write(curves, run.epochs(), run.steps());
    Path confusion = directory.resolve(CONFUSION);
    ConfusionHeatMap.write(confusion, run.test().confusionMatrix(), run.classNames());
    Path mistakes = directory.resolve(MISCLASSIFIED);
    MisclassifiedGrid.write(mistakes, testImages, run.test().labels(), run.test().predicted(), run.classNames(), MISTAKES_SHOWN,
        MISTAKES_PER_ROW);
    return List.of(metrics, curves, confusion, mistakes);
  }

  /** The content of metrics.json. */
  public static ObjectNode toJson(RunSummary run) {
    ObjectNode root = JSON.createObjectNode();
    root.put("task", run.task());
    root.put("dataset", run.dataset());
    root.put("train_size", run.trainSize());
    root.put("validation_size", run.validationSize());
    root.put("test_size", run.test().labels().dim(0));
    ArrayNode epochs = root.putArray("epochs");
    for (EpochMetrics epoch : run.epochs()) {
      epochs.add(MetricsJson.epoch(epoch));
    }
    MetricsJson.number(root, "test_accuracy", run.test().accuracy());
    MetricsJson.number(root, "samples_per_second", run.samplesPerSecond());
    MetricsJson.number(root, "test_loss", run.test().loss());
    MetricsJson.number(root, "test_top2_accuracy", run.test().outputs().dim(1) >= 2 ? run.test().topKAccuracy(2) : Double.NaN);
    root.put("model", run.model());
    root.put("optimizer", run.optimizer());
    Diagnosis diagnosis = Diagnosis.of(run.epochs(), (int) run.test().outputs().dim(1));
    ObjectNode verdict = root.putObject("diagnosis");
    verdict.put("verdict", diagnosis.verdict().name().toLowerCase(java.util.Locale.ROOT));
    verdict.put("summary", diagnosis.summary());
    diagnosis.details().forEach(verdict.putArray("details")::add);
    ArrayNode perClass = root.putArray("per_class");
    ConfusionMatrix matrix = run.test().confusionMatrix();
    for (ClassScores scores : matrix.perClass(run.classNames())) {
      ObjectNode node = perClass.addObject();
      node.put("class", scores.label());
      node.put("name", scores.name());
      node.put("precision", scores.precision());
      node.put("recall", scores.recall());
      node.put("f1", scores.f1());
      node.put("support", scores.support());
    }
    return root;
  }
}
