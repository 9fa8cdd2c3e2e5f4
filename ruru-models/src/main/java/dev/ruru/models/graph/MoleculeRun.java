package dev.ruru.models.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.DataLoader;
import dev.ruru.data.graph.MoleculeGraph;
import dev.ruru.data.graph.MoleculeSet;
import dev.ruru.data.graph.NodeSplit;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.train.Callback;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.MetricsJson;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.plot.LearningCurves;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Learning a number or a class per molecule: {@code ruru train --model gin --task regression --graph tpsa}
 * (the polar surface area of 4,999 NCI molecules, which is a sum over atoms and their neighbours, so a
 * graph network can learn it almost exactly) and {@code --task graph --graph bzr} (is a
 * benzodiazepine-receptor ligand active: pIC50 at least the threshold). A {@link GraphClassifier} of
 * {@value #LAYERS} GIN layers over {@link MoleculeGraph}'s atom features, trained with the one
 * {@link Trainer} on 80 % of the molecules (seeded shuffle), 10 % to validate, 10 % held out; the
 * report gives the held-out error beside the baseline's (predicting the training mean, or the
 * majority class). With an output directory the run keeps a checkpoint after every epoch, and
 * {@link #resume} continues it exactly (the weights, Adam's state and the shuffling are restored).
 */
public final class MoleculeRun {
  /** The two molecule tasks. */
  public enum Task { REGRESSION, CLASSIFICATION }

  /** The network's depth: three bonds away is as far as a polar surface area's contributions look, plus one. */
  static final int LAYERS = 4;
  static final int BATCH = 64;
  /** The checkpoint entry holding the run's task, data and settings. */
  static final String KEY = "ruru.graph.molecules";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What a run measured: the held-out error (mean absolute error, or accuracy) beside the baseline's.
   *
   * @param test held-out MAE (regression) or accuracy (classification)
   * @param baseline the same figure for predicting the training mean, or the training majority class
   */
  public record MoleculeReport(Task task, int molecules, int trainCount, int testCount, double test, double baseline,
      double secondsPerEpoch) {}

  private final Path directory;
  private final PrintWriter out;

  /** A run writing into {@code directory} (null: no files), printing to {@code out} (null: silent). */
  public MoleculeRun(Path directory, PrintWriter out) {
    this.directory = directory;
    this.out = out;
  }

  /**
   * Trains on {@code set} for {@code task}; classification labels a molecule 1 when its value is at
   * least {@code threshold} (for BZR's pIC50, 7 is an IC50 of at most 100 nM).
   */
  public MoleculeReport train(MoleculeSet set, Task task, double threshold, GraphSettings settings) throws IOException {
    return run(set, task, threshold, settings, null);
  }

  /** Whether {@code checkpoint} is a molecule run's. */
  public static boolean isMoleculeRun(Checkpoint checkpoint) {
    return checkpoint.extra().containsKey(KEY);
  }

  /** Continues the run whose checkpoint this is, on the molecules it names, up to {@code epochs} (else its planned epochs). */
  public MoleculeReport resume(Checkpoint checkpoint, OptionalInt epochs) throws IOException {
    JsonNode saved = JSON.readTree(checkpoint.extra().get(KEY));
    int reach = RunCheckpoint.epochsToReach(directory, checkpoint, epochs, TrainingControls.NONE);
    GraphSettings settings = new GraphSettings(GraphModel.GIN, saved.get("data").asText(), saved.get("hidden").asInt(), 0,
        saved.get("lr").asDouble(), saved.get("weight_decay").asDouble(), reach, saved.get("seed").asLong());
    MoleculeSet set = MoleculeSet.read(saved.get("data").asText(), saved.get("property").isNull() ? null : saved.get("property").asText());
    return run(set, Task.valueOf(saved.get("task").asText()), saved.get("threshold").asDouble(), settings, checkpoint);
  }

  private String describe(MoleculeSet set, Task task, double threshold, GraphSettings settings) {
    ObjectNode node = JSON.createObjectNode();
    node.put("task", task.name());
    node.put("data", set.spec());
    node.put("property", set.property());
    node.put("threshold", threshold);
    node.put("hidden", settings.hidden());
    node.put("lr", settings.learningRate());
    node.put("weight_decay", settings.weightDecay());
    node.put("seed", settings.seed());
    return node.toString();
  }

  private MoleculeReport run(MoleculeSet set, Task task, double threshold, GraphSettings settings, Checkpoint checkpoint)
      throws IOException {
    int n = set.size();
    double[] values = set.targets();
    long[] ids = new long[n];
    Arrays.setAll(ids, i -> i);
    NDArray labels = task == Task.REGRESSION ? NDArray.of(ids, n) : NDArray.of(classes(values, threshold), n);
    ArrayDataset all = new ArrayDataset(NDArray.of(ids, n), labels);
    NodeSplit split = GraphRun.randomSplit(n, settings.seed(), 0.8, 0.1);
    double[] trainValues = Arrays.stream(split.train()).mapToDouble(i -> values[i]).toArray();
    Objective objective = objective(set, task, settings, trainValues);
    print("%s, %s: %d molecules; %d to train, %d to validate, %d held out%n", set.source(), task.name().toLowerCase(Locale.ROOT), n,
        split.train().length, split.validation().length, split.test().length);
    RunCheckpoint checkpoints = directory == null ? null
        : new RunCheckpoint(directory, settings.epochs(), Map.of(KEY, describe(set, task, threshold, settings)), out);
    Trainer trainer = Trainer.builder(objective).quiet().seed(settings.seed())
        .callbacks(checkpoints == null ? new Callback[0] : new Callback[] {checkpoints.callback()}).build();
    if (checkpoint != null) {
      checkpoints.resume(trainer, checkpoint, settings.epochs());
    }
    Supplier<History> fit = () -> trainer.fit(DataLoader.of(all.subset(split.train()), BATCH).shuffled(settings.seed()),
        DataLoader.of(all.subset(split.validation()), 256), settings.epochs());
    History history = checkpoints == null ? fit.get() : checkpoints.fit(trainer, settings.epochs(), fit);
    String metric = task == Task.REGRESSION ? "mae" : "accuracy";
    history.epochs().stream().filter(m -> m.epoch() % Math.max(1, settings.epochs() / 10) == 0).forEach(m ->
        print("epoch %3d: train loss %.4f %s %.4f, validation %s %.4f%n", m.epoch(), m.trainLoss(), metric, m.train().get(metric), metric,
            m.validation().get(metric)));
    double test = Trainer.evaluate(objective, DataLoader.of(all.subset(split.test()), 256)).values().get(metric);
    double[] testValues = Arrays.stream(split.test()).mapToDouble(i -> values[i]).toArray();
    double baseline = task == Task.REGRESSION ? meanAbsoluteDeviation(testValues, mean(trainValues))
        : majorityAccuracy(classes(trainValues, threshold), classes(testValues, threshold));
    MoleculeReport report = new MoleculeReport(task, n, split.train().length, split.test().length, test, baseline,
        history.epochs().stream().mapToDouble(m -> m.seconds()).average().orElse(Double.NaN));
    print("held-out %s %.4f (baseline %.4f); %.2f s per epoch%n", metric, test, baseline, report.secondsPerEpoch());
    if (directory != null) {
      write(report, history, settings);
    }
    return report;
  }

  /** The network and its objective: regression standardised by the training values, or classification. */
  private static Objective objective(MoleculeSet set, Task task, GraphSettings settings, double[] trainValues) {
    ResumableRandom random = new ResumableRandom(settings.seed());
    GraphClassifier model = new GraphClassifier(MoleculeGraph.ATOM_FEATURES, settings.hidden(), LAYERS,
        task == Task.REGRESSION ? 1 : 2, random);
    Adam adam = new Adam(model.parameters(), AdamConfig.adam(settings.learningRate()).withWeightDecay(settings.weightDecay()));
    return task == Task.REGRESSION
        ? new GraphRegression(model, set.graphs(), set.targets(), adam, mean(trainValues), standardDeviation(trainValues))
        : new GraphClassification(model, set.graphs(), adam);
  }


  private static long[] classes(double[] values, double threshold) {
    return Arrays.stream(values).mapToLong(v -> v >= threshold ? 1 : 0).toArray();
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static double standardDeviation(double[] values) {
    double mean = mean(values);
    return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(Double.NaN));
  }

  private static double meanAbsoluteDeviation(double[] values, double center) {
    return Arrays.stream(values).map(v -> Math.abs(v - center)).average().orElse(Double.NaN);
  }

  private static double majorityAccuracy(long[] train, long[] test) {
    long majority = Arrays.stream(train).sum() * 2 >= train.length ? 1 : 0;
    return Arrays.stream(test).filter(c -> c == majority).count() / (double) Math.max(1, test.length);
  }

  private void write(MoleculeReport report, History history, GraphSettings settings) throws IOException {
    Files.createDirectories(directory);
    ObjectNode root = JSON.createObjectNode();
    root.put("task", report.task() == Task.REGRESSION ? "graph-regression" : "graph-classification");
    root.put("model", "gin");
    root.put("graph", settings.graph());
    root.put("molecules", report.molecules());
    root.put("seed", settings.seed());
    var list = root.putArray("epochs");
    history.epochs().forEach(epoch -> list.add(MetricsJson.epoch(epoch)));
    String metric = report.task() == Task.REGRESSION ? "test_mae" : "test_accuracy";
    MetricsJson.number(root, metric, report.test());
    MetricsJson.number(root, "baseline_" + metric, report.baseline());
    MetricsJson.number(root, "seconds_per_epoch", report.secondsPerEpoch());
    AtomicFile.writeString(directory.resolve(GraphReport.METRICS), JSON.writeValueAsString(root) + "\n");
    LearningCurves.write(directory.resolve(GraphRun.CURVES), history.epochs());
    print("wrote %s%nwrote %s%n", directory.resolve(GraphReport.METRICS), directory.resolve(GraphRun.CURVES));
  }

  private void print(String format, Object... values) {
    if (out != null) {
      out.printf(Locale.ROOT, format, values);
      out.flush();
    }
  }
}
