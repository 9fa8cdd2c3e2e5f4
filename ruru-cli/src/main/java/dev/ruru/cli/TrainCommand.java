package dev.ruru.cli;

import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.SplitFractions;
import dev.ruru.data.Splits;
import dev.ruru.data.Stratification;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.data.text.TextCorpus;
import dev.ruru.data.text.Vocabulary;
import dev.ruru.models.classify.ConvolutionReport;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.models.classify.RunReport;
import dev.ruru.models.classify.RunSummary;
import dev.ruru.models.text.CharModelSpec;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Module;
import dev.ruru.nn.Params;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.TrainingDivergedException;
import dev.ruru.train.callbacks.Checkpointing;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.objective.Supervised;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ruru train}: the project's main job. Loads MNIST or Fashion-MNIST (the embedded Fashion-MNIST
 * sample when no dataset is found, and says so), holds out a stratified, seeded validation split, trains a
 * multi-layer perceptron ({@code --model mlp}) or a convolutional network ({@code --model cnn}, W3 by default)
 * with a progress bar, checkpointing after every epoch, evaluates it on the test set and writes the model
 * (model.safetensors + model.json), metrics.json and three pictures to the output directory; for a CNN also
 * its first convolution's filters and feature maps. {@code --resume} continues an interrupted run from its
 * checkpoint, exactly.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Trains a multi-layer perceptron or a CNN on Fashion-MNIST or MNIST, or a character language model on a text,",
        "and writes the model, metrics.json and pictures.",
        "With no options: a 784-128-10 MLP, Adam, " + TrainCommand.DEFAULT_EPOCHS + " epochs, on the data found (or the embedded sample).",
        "--model cnn: W3, 3x3 convolutions of 16 and 32 channels, each with ReLU",
        "and 2x2 max-pooling, then Linear(1568->128)-ReLU, Linear(128->10).",
        "--model char-lstm|char-gru|char-transformer: embedding, recurrent layers or a causal Transformer, then a",
        "linear head over the characters; unless given, --hidden 256, --batch-size 32 and Adam's --lr 0.002 (W4's settings)."})
final class TrainCommand implements Callable<Integer> {
  static final int DEFAULT_EPOCHS = 5;
  static final String CHECKPOINT = "checkpoint.safetensors";
  /** Options that define a run: --resume takes them from the checkpoint, so giving them too is a mistake. */
  private static final List<String> RUN_OPTIONS = List.of("--model", "--channels", "--hidden", "--dropout", "--dataset", "--batch-size",
      "--validation-split", "--optimizer", "--lr", "--momentum", "--weight-decay", "--seed", "--seq-len", "--embedding", "--layers",
      "--heads", "--steps", "--bptt", "--clip-norm", "--lr-schedule", "--early-stopping");
  static final int DEFAULT_TEXT_STEPS = 300;

  @Option(names = "--model", paramLabel = "NAME", defaultValue = "mlp",
      description = "The model: mlp (default), cnn, or a character language model: char-lstm, char-gru, char-transformer.")
  private String model;

  @Option(names = "--text", paramLabel = "FILE",
      description = "char-* models: a UTF-8 text file, or a directory whose files are joined (default: the embedded sample of Newton's Opticks).")
  private Path textPath;

  @Option(names = "--seq-len", paramLabel = "L", defaultValue = "64", description = "char-* models: training window length (default: ${DEFAULT-VALUE}).")
  private int seqLen;

  @Option(names = "--embedding", paramLabel = "E", defaultValue = "64", description = "char-* models: embedding width (default: ${DEFAULT-VALUE}).")
  private int embedding;

  @Option(names = "--layers", paramLabel = "K", defaultValue = "1", description = "char-* models: recurrent or Transformer layers (default: ${DEFAULT-VALUE}).")
  private int layers;

  @Option(names = "--heads", paramLabel = "N", defaultValue = "4", description = "char-transformer: attention heads (default: ${DEFAULT-VALUE}).")
  private int heads;

  @Option(names = "--steps", paramLabel = "N",
      description = "char-* models: train N batches of random windows instead of --epochs over the text (default: " + DEFAULT_TEXT_STEPS + ").")
  private Integer steps;

  @Option(names = "--bptt",
      description = "char-lstm, char-gru: truncated backpropagation through time: --batch-size parallel streams of the text read in"
          + " --seq-len chunks, the state carried from chunk to chunk, by --epochs (default: independent windows).")
  private boolean bptt;

  @Option(names = "--lr-schedule", paramLabel = "NAME", defaultValue = "constant",
      description = "constant (default), step[:EPOCHS[:GAMMA]], exponential[:GAMMA], cosine[:WARMUP_SHARE], onecycle or plateau.")
  private String schedule;

  @Option(names = "--early-stopping", paramLabel = "P", defaultValue = "0",
      description = "Stop after P epochs without a lower validation loss (default: 0, off).")
  private int earlyStopping;

  @Option(names = "--clip-norm", paramLabel = "X", defaultValue = "0", description = "Clip the gradients' global norm at X (default: 0, off).")
  private double clipNorm;

  @Option(names = "--channels", paramLabel = "C,C", split = ",", defaultValue = "16,32",
      description = "Convolution widths of --model cnn, one 3x3 convolution and 2x2 max-pool each (default: ${DEFAULT-VALUE}).")
  private List<Integer> channels;

  @Option(names = "--hidden", paramLabel = "W,W", split = ",", defaultValue = "128",
      description = "Hidden layer widths (default: ${DEFAULT-VALUE}); e.g. 256,128. char-* models: one width, the recurrent state"
          + " or the Transformer's feed-forward (default: 256).")
  private List<Integer> hidden;

  @Option(names = "--dropout", paramLabel = "P", defaultValue = "0", description = "Dropout after each hidden layer (default: 0).")
  private double dropout;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist", description = "fashion-mnist (default) or mnist.")
  private String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Look here first for the four IDX files (then $RURU_DATA, ~/.ruru/data/NAME, system directories).")
  private Path dataDirectory;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + DEFAULT_EPOCHS,
      description = "Epochs in all (default: ${DEFAULT-VALUE}); with --resume, the total to reach.")
  private int epochs;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64",
      description = "Examples per step (default: ${DEFAULT-VALUE}; char-* models: 32 windows).")
  private int batchSize;

  @Option(names = "--validation-split", paramLabel = "F", defaultValue = "0.1",
      description = "Share of the training set held out for validation, in [0, 1) (default: ${DEFAULT-VALUE}).")
  private double validationSplit;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
      description = "sgd, adam (default), adamw, rmsprop or adagrad.")
  private String optimizer;

  @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: sgd 0.1, adam/adamw/rmsprop 0.001, adagrad 0.01).")
  private Double learningRate;

  @Option(names = "--momentum", paramLabel = "M", description = "Momentum of sgd (default 0.9) or rmsprop (default 0).")
  private Double momentum;

  @Option(names = "--weight-decay", paramLabel = "W", description = "Weight decay, biases spared (default: 0; adamw 0.01).")
  private Double weightDecay;

  @Option(names = "--threads", paramLabel = "T", description = "Threads for array kernels and BLAS (default: all cores).")
  private Integer threads;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the split, initial weights, dropout and shuffles (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/MODEL, e.g. runs/mlp).")
  private Path outputDirectory;

  @Option(names = "--resume", description = "Continue the run in --out from its checkpoint, with its settings, up to --epochs.")
  private boolean resume;

  @Spec private CommandSpec spec;

  /** Adjusts the dataset loader before use; tests restrict its search path so that the embedded sample is used. */
  UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    if (threads != null) {
      if (threads < 1) {
        throw new IllegalArgumentException("Invalid --threads: " + threads + " (must be >= 1)");
      }
      Parallel.setThreads(threads);
    }
    if (!ModelSpec.ARCHITECTURES.contains(model) && !CharModelSpec.ARCHITECTURES.contains(model)) {
      throw new IllegalArgumentException("unknown model '" + model + "'; expected " + String.join(", ", ModelSpec.ARCHITECTURES) + " or "
          + String.join(", ", CharModelSpec.ARCHITECTURES));
    }
    if (outputDirectory == null) {
      outputDirectory = Path.of("runs", model);
    }
    Path checkpointFile = outputDirectory.resolve(CHECKPOINT);
    if (CharModelSpec.ARCHITECTURES.contains(model) || resume && isTextRun(checkpointFile)) {
      return trainText(out, checkpointFile, start);
    }
    Checkpoint checkpoint = resume ? readCheckpoint(checkpointFile) : null;
    RunSettings saved = checkpoint == null ? null : savedSettings(checkpoint, checkpointFile);
    MnistData data = load(saved == null ? dataset : saved.dataset());
    String dataName = data.variant().id() + (data.isEmbeddedSample() ? "-sample" : "");
    out.println("data: " + data.source() + (data.isEmbeddedSample() ? " (no full dataset found; see --data-dir)" : ""));
    if (saved != null && !saved.dataName().equals(dataName)) {
      throw new IllegalArgumentException("--resume: the run in " + outputDirectory + " trained on " + saved.dataName() + " but now "
          + dataName + " was found; point --data-dir at the data it used");
    }
    RunSettings settings = saved != null ? saved : settingsFromOptions(dataName);
    return train(out, data, settings, checkpoint, checkpointFile, start);
  }

  private int train(PrintWriter out, MnistData data, RunSettings settings, Checkpoint checkpoint, Path checkpointFile, long start)
      throws IOException {
    Splits parts = split(data.train(), settings);
    ModelSpec modelSpec = modelSpec(settings, data);
    ResumableRandom random = new ResumableRandom(settings.seed());
    Module network = modelSpec.build(random);
    Supervised objective = new Supervised(network, settings.optimizer().create(network.parameters(), settings.learningRate(),
        settings.momentum(), settings.weightDecay()), Loss.crossEntropy());
    TrainerBuilder builder = Trainer.builder(objective)
        .batchSize(settings.batchSize()).seed(settings.seed()).random(random)
        .progress(new ProgressBar(out, ProgressStyle.detect()))
        .callbacks(new Checkpointing(checkpointFile, Map.of(RunSettings.KEY, settings.toJson())));
    int batches = (parts.train().size() + settings.batchSize() - 1) / settings.batchSize();
    Trainer trainer = settings.controls().applyTo(builder, settings.learningRate(), epochs, batches, parts.validation().size() > 0).build();
    describeRun(out, modelSpec, network, parts, data, settings);
    if (checkpoint != null) {
      trainer.resume(checkpoint);
      out.printf(Locale.ROOT, "resuming %s after epoch %d of %d%n", checkpointFile, checkpoint.epoch(), epochs);
    }
    History history;
    try {
      history = trainer.fit(parts.train(), parts.validation().size() == 0 ? null : parts.validation(), epochs);
    } catch (TrainingDivergedException e) {
      spec.commandLine().getErr().println("ruru train: " + e.getMessage() + keptCheckpoint(e, checkpointFile));
      return Ruru.USAGE_ERROR;
    }
    RunSummary summary = new RunSummary(settings.model(), settings.dataName(), modelSpec.describe(),
        settings.optimizer().describe(settings.learningRate(), settings.momentum(), settings.weightDecay()), parts.train().size(),
        parts.validation().size(), history.epochs(), trainer.steps(), objective.evaluate(data.test(), settings.batchSize()), data.variant().classNames());
    List<Path> written = writeResults(modelSpec, network, summary, settings, data.test().features());
    written.add(checkpointFile);
    RunResults.print(out, summary, history, written, outputDirectory, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** The network the settings describe, over the data's images. */
  private static ModelSpec modelSpec(RunSettings settings, MnistData data) {
    List<Integer> imageShape = List.of(data.train().features().dim(1), data.train().features().dim(2));
    List<String> classNames = data.variant().classNames();
    ModelSpec architecture = settings.model().equals(ModelSpec.CNN)
        ? ModelSpec.cnn(imageShape, settings.channels(), settings.hidden(), classNames)
        : ModelSpec.mlp(imageShape, settings.hidden(), classNames);
    return architecture.withDropout(settings.dropout());
  }

  /** The model, the report and, for a CNN, the pictures of its first convolution; returns the files written. */
  private List<Path> writeResults(ModelSpec modelSpec, Module network, RunSummary summary, RunSettings settings, NDArray testImages)
      throws IOException {
    List<Path> written = new ArrayList<>();
    ModelFiles.save(outputDirectory, modelSpec, network, Map.of("dataset", settings.dataset(), "trained_on", settings.dataName()));
    written.add(outputDirectory.resolve(ModelDirectory.WEIGHTS));
    written.add(outputDirectory.resolve(ModelDirectory.DESCRIPTION));
    written.addAll(RunReport.write(outputDirectory, summary, testImages));
    if (settings.model().equals(ModelSpec.CNN)) {
      written.addAll(ConvolutionReport.write(outputDirectory, network, testImages));
    }
    return written;
  }

  private void describeRun(PrintWriter out, ModelSpec modelSpec, Module network, Splits parts, MnistData data, RunSettings settings) {
    out.printf(Locale.ROOT, "model: %s (%,d parameters)%n", modelSpec.describe(), Params.count(network.parameters()));
    out.printf(Locale.ROOT, "training %d, validation %d, test %d examples; %d epoch%s, batch %d, %s, seed %d, %d thread%s%n",
        parts.train().size(), parts.validation().size(), data.test().size(), epochs, epochs == 1 ? "" : "s", settings.batchSize(),
        settings.optimizer().describe(settings.learningRate(), settings.momentum(), settings.weightDecay()) + settings.controls().describe(),
        settings.seed(), Parallel.threads(), Parallel.threads() == 1 ? "" : "s");
    out.flush();
  }

  private String keptCheckpoint(TrainingDivergedException e, Path checkpointFile) {
    return e.completedEpochs().isEmpty() || !Files.isRegularFile(checkpointFile) ? "; no epoch completed, so there is no checkpoint"
        : "; the last good checkpoint (epoch " + e.completedEpochs().size() + ") is kept in " + checkpointFile;
  }

  /** A language model: the settings from the options (W4's batch 32 and Adam 2e-3 unless given) or the checkpoint. */
  private int trainText(PrintWriter out, Path checkpointFile, long start) throws IOException {
    Checkpoint checkpoint = resume ? readCheckpoint(checkpointFile) : null;
    TextCorpus corpus = TextTraining.readText(textPath);
    TextRunSettings settings;
    Vocabulary vocabulary = null;
    if (checkpoint != null) {
      settings = TextRunSettings.fromJson(checkpoint.extra().get(TextRunSettings.KEY), checkpointFile.toString());
      if (!settings.textSha256().equals(TextTraining.sha256(corpus.text()))) {
        throw new IllegalArgumentException("--resume: the run in " + outputDirectory + " trained on " + settings.text()
            + " but " + corpus.source() + " differs from it; pass the same --text");
      }
      vocabulary = Vocabulary.fromJson(checkpoint.extra().get(TextRunSettings.VOCABULARY_KEY), checkpointFile.toString());
    } else {
      settings = textSettingsFromOptions(corpus);
    }
    return new TextTraining(out, outputDirectory, settings.steps() > 0 ? 1 : epochs).run(corpus, settings, vocabulary, checkpoint,
        checkpointFile, start);
  }

  private boolean isTextRun(Path checkpointFile) throws IOException {
    return Files.isRegularFile(checkpointFile) && Checkpoint.read(checkpointFile).extra().containsKey(TextRunSettings.KEY);
  }

  private TextRunSettings textSettingsFromOptions(TextCorpus corpus) {
    var parsed = spec.commandLine().getParseResult();
    if (steps != null && parsed.hasMatchedOption("--epochs")) {
      throw new IllegalArgumentException("give --steps or --epochs, not both");
    }
    for (String imageOnly : List.of("--channels", "--dataset", "--data-dir")) {
      if (parsed.hasMatchedOption(imageOnly)) {
        throw new IllegalArgumentException(imageOnly + " applies to the image models (mlp, cnn), not " + model);
      }
    }
    if (hidden.size() != 1 || hidden.get(0) == null || hidden.get(0) < 1) {
      throw new IllegalArgumentException("Invalid --hidden for " + model + ": " + hidden + " (one width >= 1)");
    }
    OptimizerChoice choice = OptimizerChoice.fromName(optimizer);
    if (momentum != null && !choice.hasMomentum()) {
      throw new IllegalArgumentException("--momentum applies to sgd and rmsprop, not " + choice.id());
    }
    int width = parsed.hasMatchedOption("--hidden") ? hidden.get(0) : 256;
    int batch = parsed.hasMatchedOption("--batch-size") ? batchSize : 32;
    double rate = learningRate != null ? learningRate : choice == OptimizerChoice.ADAM ? 2e-3 : choice.defaultLearningRate();
    int totalSteps = steps != null ? steps : parsed.hasMatchedOption("--epochs") || bptt ? 0 : DEFAULT_TEXT_STEPS;
    if (bptt && !model.equals(CharModelSpec.LSTM) && !model.equals(CharModelSpec.GRU)) {
      throw new IllegalArgumentException("--bptt carries a recurrent state from chunk to chunk; " + model + " has none (use char-lstm or char-gru)");
    }
    if (steps != null && steps < 1) {
      throw new IllegalArgumentException("Invalid --steps: " + steps + " (must be >= 1)");
    }
    return new TextRunSettings(model, textPath == null ? "embedded:opticks" : textPath.toString(), TextTraining.sha256(corpus.text()), seqLen,
        embedding, width, layers, heads, dropout, choice, rate, momentum != null ? momentum : choice.defaultMomentum(),
        weightDecay != null ? weightDecay : choice.defaultWeightDecay(), batch, validationSplit, totalSteps, bptt, seed,
        new TrainingControls(schedule, earlyStopping, clipNorm));
  }

  private RunSettings settingsFromOptions(String dataName) {
    OptimizerChoice choice = OptimizerChoice.fromName(optimizer);
    if (momentum != null && !choice.hasMomentum()) {
      throw new IllegalArgumentException("--momentum applies to sgd and rmsprop, not " + choice.id());
    }
    if (hidden.stream().anyMatch(width -> width == null || width < 1)) {
      throw new IllegalArgumentException("Invalid --hidden: " + hidden + " (widths must be >= 1)");
    }
    boolean convolutional = model.equals(ModelSpec.CNN);
    if (!convolutional && spec.commandLine().getParseResult().hasMatchedOption("--channels")) {
      throw new IllegalArgumentException("--channels applies to --model cnn, not " + model);
    }
    if (convolutional && channels.stream().anyMatch(width -> width == null || width < 1)) {
      throw new IllegalArgumentException("Invalid --channels: " + channels + " (widths must be >= 1)");
    }
    return new RunSettings(dataset, dataName, model, convolutional ? channels : List.of(), hidden, dropout, choice,
        learningRate != null ? learningRate : choice.defaultLearningRate(), momentum != null ? momentum : choice.defaultMomentum(),
        weightDecay != null ? weightDecay : choice.defaultWeightDecay(), batchSize,
        validationSplit, seed, new TrainingControls(schedule, earlyStopping, clipNorm));
  }

  private Checkpoint readCheckpoint(Path file) throws IOException {
    List<String> given = RUN_OPTIONS.stream().filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("--resume continues the run in " + outputDirectory + " with the settings it started with;"
          + " leave out " + String.join(", ", given) + " (or start a new run without --resume)");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--resume: no checkpoint " + file + " to continue from; train without --resume first");
    }
    Checkpoint checkpoint = Checkpoint.read(file);
    if (checkpoint.epoch() >= epochs && checkpoint.extra().containsKey(TextRunSettings.KEY)) {
      throw new IllegalArgumentException("--resume: the run in " + outputDirectory + " already has " + checkpoint.epoch()
          + " epochs; ask for more with --epochs");
    }
    return checkpoint;
  }

  private RunSettings savedSettings(Checkpoint checkpoint, Path file) {
    String json = checkpoint.extra().get(RunSettings.KEY);
    if (json == null) {
      throw new IllegalArgumentException("--resume: " + file + " was not written by ruru train (no " + RunSettings.KEY + ")");
    }
    if (checkpoint.epoch() >= epochs) {
      throw new IllegalArgumentException("--resume: the run in " + outputDirectory + " already has " + checkpoint.epoch()
          + " epochs; ask for more with --epochs");
    }
    return RunSettings.fromJson(json, file.toString());
  }

  /** Training and validation parts, stratified and seeded; all training when the split is 0. */
  private static Splits split(ArrayDataset all, RunSettings settings) {
    if (settings.validationSplit() == 0) {
      ArrayDataset none = all.subset(new int[0]);
      return new Splits(all, none, none);
    }
    return Splits.of(all, SplitFractions.trainValidation(settings.validationSplit()), settings.seed(), Stratification.BY_LABEL);
  }

  private MnistData load(String datasetId) throws IOException {
    // Fashion-MNIST falls back to the sample inside the jar; for MNIST the loader says where it looked.
    MnistLoader loader = MnistLoader.of(MnistVariant.fromId(datasetId)).ifMissing(IfMissing.EMBEDDED_SAMPLE);
    if (dataDirectory != null) {
      loader = loader.directory(dataDirectory);
    }
    return loaderSetup.apply(loader).load();
  }
}
