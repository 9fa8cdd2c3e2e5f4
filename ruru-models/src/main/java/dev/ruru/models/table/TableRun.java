package dev.ruru.models.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.io.AtomicFile;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.Batch;
import dev.ruru.data.BatchSource;
import dev.ruru.data.DataLoader;
import dev.ruru.data.Dataset;
import dev.ruru.data.SplitFractions;
import dev.ruru.data.Splits;
import dev.ruru.data.Stratification;
import dev.ruru.data.csv.CsvTable;
import dev.ruru.models.run.ClusterTraining;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.Recipe;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.models.run.TrainingRecipe;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Params;
import dev.ruru.train.Evaluation;
import dev.ruru.train.History;
import dev.ruru.train.MetricsJson;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.TrainingDivergedException;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.metrics.RegressionScores;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Supervised;
import dev.ruru.train.plot.ConfusionHeatMap;
import dev.ruru.train.plot.LearningCurves;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run on a user's own table, {@code ruru train --csv FILE --target COLUMN}, top to bottom: read the CSV,
 * hold out seeded test and validation rows, fit the {@link TableEncoding} on the training rows (numeric
 * columns standardised, categorical ones one-hot), train a {@link TableModel} with the one {@link Trainer}
 * (cross-entropy for a classification, mean squared error of the standardised target for a regression),
 * score it on the test rows (accuracy and a confusion matrix; or MSE, MAE and R² in the target's units),
 * and write model.safetensors, model.json, metrics.json, the learning curves and confusion_matrix.png or
 * predicted_against_true.png.
 *
 * <pre>{@code
 * new TableRun(Path.of("runs/table"), out).train(settings, 50);
 * }</pre>
 */
public final class TableRun {
  /** The picture of a regression's test predictions. */
  public static final String PREDICTIONS = "predicted_against_true.png";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final PrintWriter out;
  private ClusterTraining cluster;

  public TableRun(Path directory, PrintWriter out) {
    this.directory = directory;
    this.out = out;
  }

  /** Examples as encoded features and targets (class ids {@code [n]} or numbers {@code [n, 1]}). */
  record Rows(NDArray features, NDArray targets) implements Dataset {
    @Override public int size() { return features.dim(0); }

    @Override public Batch batch(int[] indices) {
      NDArray picks = NDArray.of(indices, indices.length);
      return new Batch(features.take(picks, 0), targets.take(picks, 0));
    }

    Rows subset(int[] rows) {
      Batch picked = batch(rows);
      return new Rows(picked.features(), picked.labels());
    }
  }

  /** Runs the steps on {@code cluster} instead of on this machine; each worker reads the CSV, which every node must reach. */
  public TableRun onCluster(ClusterTraining cluster) {
    this.cluster = cluster;
    return this;
  }

  /** Trains {@code epochs} epochs as {@code settings} say; returns the trained model. */
  public TableModel train(TableSettings settings, int epochs) throws IOException {
    Prepared prepared = Prepared.of(settings);
    int[][] parts = prepared.parts();
    TableEncoding encoding = prepared.encoding();
    Rows train = prepared.all().subset(parts[0]);
    Rows validation = prepared.all().subset(parts[1]);
    Rows test = prepared.all().subset(parts[2]);
    ResumableRandom random = new ResumableRandom(settings.seed());
    Supervised objective = objective(settings, encoding, random);
    Layer network = objective.model();
    TableModel model = new TableModel(encoding, settings.hidden(), settings.dropout(), network);
    TrainerBuilder builder = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed()).random(random)
        .progress(new ProgressBar(out, ProgressStyle.detect()));
    TrainingRecipe recipe = cluster == null ? null : trainingRecipe(settings);
    BatchSource batches = cluster == null ? DataLoader.of(train, settings.batchSize()).shuffled(settings.seed())
        : cluster.attach(builder, objective, recipe.objective(), recipe.data(), settings.batchSize(), settings.seed());
    Trainer trainer = settings.controls().applyTo(builder, settings.learningRate(), epochs, batches.batchCount(), validation.size() > 0).build();
    describe(prepared.table(), encoding, model, network, parts, settings, epochs);
    History history;
    try {
      history = trainer.fit(batches, validation.size() > 0 ? DataLoader.of(validation, settings.batchSize()) : null, epochs);
    } catch (TrainingDivergedException e) {
      throw new IllegalArgumentException("training diverged: " + e.getMessage() + "; lower the learning rate (--lr)", e);
    }
    Evaluation scored = objective.evaluate(test, settings.batchSize());
    List<Path> written = write(model, history, trainer, scored, parts);
    out.println("wrote " + String.join(", ", written.stream().map(file -> directory.relativize(file).toString()).toList()) + " to " + directory);
    out.println("next: ruru predict --model-dir " + directory + " --input ROWS.csv");
    out.flush();
    return model;
  }

  /** The network of {@code settings} over {@code encoding}, initialised from {@code random}, with its optimiser and loss. */
  private static Supervised objective(TableSettings settings, TableEncoding encoding, ResumableRandom random) {
    Layer network = TableModel.build(encoding.width(), settings.hidden(), settings.dropout(), encoding.outputs(), random);
    return new Supervised(network, settings.optimizer().create(network.parameters(), settings.learningRate(), settings.momentum(),
        settings.weightDecay()), encoding.task() == TableTask.CLASSIFICATION ? Loss.crossEntropy() : Loss.mse());
  }

  /**
   * What a cluster's nodes make of a run of {@code settings}: the objective with the run's initial weights,
   * and the training rows. The driver reads, splits and encodes the CSV (the standardisation needs every
   * training row) and sends the encoding; each worker reads only its byte range of the file (every node
   * must reach its path) and keeps its training rows ({@link TableShards}).
   */
  public static TrainingRecipe trainingRecipe(TableSettings settings) {
    // The settings are not serialisable (a Path, an Optional); their parts are.
    String csv = settings.csv().toString();
    String target = settings.target();
    TableTask task = settings.task().orElse(null);
    List<Integer> hidden = settings.hidden();
    double dropout = settings.dropout();
    OptimizerChoice optimizer = settings.optimizer();
    double[] numbers = {settings.learningRate(), settings.momentum(), settings.weightDecay(), settings.validationSplit(), settings.testShare()};
    int batchSize = settings.batchSize();
    long seed = settings.seed();
    Recipe<TableSettings> remade = () -> new TableSettings(Path.of(csv), target, Optional.ofNullable(task), hidden, dropout, optimizer, numbers[0],
        numbers[1], numbers[2], batchSize, numbers[3], numbers[4], seed, TrainingControls.NONE);
    Prepared driver = prepared(settings);
    TableShards shards;
    try {
      shards = TableShards.of(settings.csv(), driver.parts()[0], driver.encoding());
    } catch (IOException e) {
      throw new UncheckedIOException("table: " + settings.csv() + ": " + e.getMessage(), e);
    }
    // The driver's encoding, so that no worker reads the whole file to fit it again.
    String encoding = TableShards.toJson(driver.encoding());
    Recipe<Objective> objective = () -> objective(remade.make(), TableShards.fromJson(encoding), new ResumableRandom(seed));
    return new TrainingRecipe(objective, shards);
  }

  private static Prepared prepared(TableSettings settings) {
    try {
      return Prepared.of(settings);
    } catch (IOException e) {
      throw new UncheckedIOException("table: " + settings.csv() + ": " + e.getMessage(), e);
    }
  }

  /** The table read, split and encoded as a run does it: the same on the driver and on every worker. */
  private record Prepared(CsvTable table, int[][] parts, TableEncoding encoding, Rows all) {
    static Prepared of(TableSettings settings) throws IOException {
      CsvTable table = CsvTable.read(settings.csv(), ',');
      int[][] parts = split(table.rows().size(), settings);
      TableEncoding encoding = TableEncoding.fit(table, settings.target(), settings.task(), parts[0]);
      return new Prepared(table, parts, encoding, new Rows(encoding.features(table), encoding.targets(table)));
    }
  }

  /** Row indices of training, validation and test, seeded. */
  private static int[][] split(int rows, TableSettings settings) {
    if (Math.round(rows * settings.testShare()) < 1 || rows < 5) {
      throw new IllegalArgumentException("the table has " + rows + " rows; a run needs at least 5, to train on some and test on others");
    }
    NDArray index = NDArray.of(java.util.stream.IntStream.range(0, rows).asLongStream().toArray(), rows, 1);
    Splits splits = Splits.of(new ArrayDataset(index, NDArray.zeros(dev.ruru.array.Shape.of(rows), DType.INT64)),
        new SplitFractions(1 - settings.validationSplit() - settings.testShare(), settings.validationSplit(), settings.testShare()),
        settings.seed(), Stratification.NONE);
    return new int[][] {rowsOf(splits.train()), rowsOf(splits.validation()), rowsOf(splits.test())};
  }

  private static int[] rowsOf(ArrayDataset part) {
    return java.util.Arrays.stream(part.features().reshape(part.size()).toLongArray()).mapToInt(Math::toIntExact).toArray();
  }

  private void describe(CsvTable table, TableEncoding encoding, TableModel model, Layer network, int[][] parts, TableSettings settings,
      int epochs) {
    out.printf(Locale.ROOT, "data: %s, %d rows; target '%s': %s%n", table.source(), table.rows().size(), encoding.target(),
        encoding.task() == TableTask.CLASSIFICATION ? "classification into " + encoding.classes().size() + " classes"
            + (settings.task().isEmpty() ? " (--task regression to predict it as a number)" : "")
            : "regression" + (settings.task().isEmpty() ? " (--task classification to treat its values as classes)" : ""));
    out.println("columns: " + String.join(", ", encoding.inputs().stream().map(TableColumn::describe).toList()));
    out.printf(Locale.ROOT, "model: %s (%,d parameters)%n", model.describe(), Params.count(network.parameters()));
    out.printf(Locale.ROOT, "training %d, validation %d, test %d rows; %d epoch%s, batch %d, %s, seed %d%n", parts[0].length, parts[1].length,
        parts[2].length, epochs, epochs == 1 ? "" : "s", settings.batchSize(), settings.optimizer().describe(settings.learningRate(),
            settings.momentum(), settings.weightDecay()) + settings.controls().describe(), settings.seed());
    out.flush();
  }

  private List<Path> write(TableModel model, History history, Trainer trainer, Evaluation scored, int[][] parts) throws IOException {
    List<Path> written = new ArrayList<>();
    model.save(directory);
    written.add(directory.resolve("model.safetensors"));
    written.add(directory.resolve("model.json"));
    ObjectNode metrics = JSON.createObjectNode();
    TableEncoding encoding = model.encoding();
    metrics.put("task", encoding.task().id());
    metrics.put("target", encoding.target());
    metrics.put("train_size", parts[0].length);
    metrics.put("validation_size", parts[1].length);
    metrics.put("test_size", parts[2].length);
    for (EpochMetrics epoch : history.epochs()) {
      metrics.withArray("epochs").add(MetricsJson.epoch(epoch));
    }
    metrics.put("model", model.describe());
    written.add(testScores(metrics, encoding, scored));
    Path curves = directory.resolve("learning_curves.png");
    LearningCurves.write(curves, history.epochs(), trainer.steps());
    written.add(curves);
    Path file = directory.resolve("metrics.json");
    AtomicFile.writeString(file, JSON.writeValueAsString(metrics) + "\n");
    written.add(file);
    return written;
  }

  /** Prints and records the test scores, and draws their picture; returns the picture's path. */
  private Path testScores(ObjectNode metrics, TableEncoding encoding, Evaluation scored) throws IOException {
    if (encoding.task() == TableTask.CLASSIFICATION) {
      MetricsJson.number(metrics, "test_loss", scored.loss());
      MetricsJson.number(metrics, "test_accuracy", scored.accuracy());
      out.printf(Locale.ROOT, "test: loss %.4f, accuracy %.2f%% on %d rows%n%n", scored.loss(), 100 * scored.accuracy(), scored.labels().dim(0));
      out.print(scored.confusionMatrix().report(encoding.classes()));
      Path picture = directory.resolve("confusion_matrix.png");
      ConfusionHeatMap.write(picture, scored.confusionMatrix(), encoding.classes());
      return picture;
    }
    NDArray predicted = encoding.inTargetUnits(scored.outputs());
    NDArray truth = encoding.inTargetUnits(scored.labels());
    RegressionScores scores = RegressionScores.of(predicted, truth);
    MetricsJson.number(metrics, "test_mse", scores.mse());
    MetricsJson.number(metrics, "test_mae", scores.mae());
    MetricsJson.number(metrics, "test_r2", scores.r2());
    out.printf(Locale.ROOT, "test: MSE %.6g, MAE %.6g, R\u00b2 %.4f on %d rows (in the units of %s)%n", scores.mse(), scores.mae(), scores.r2(),
        truth.dim(0), encoding.target());
    Path picture = directory.resolve(PREDICTIONS);
    PredictionPlot.write(picture, predicted.astype(DType.FLOAT64).reshape(predicted.size()).toDoubleArray(),
        truth.astype(DType.FLOAT64).reshape(truth.size()).toDoubleArray(), encoding.target(), scores.r2());
    return picture;
  }
}
