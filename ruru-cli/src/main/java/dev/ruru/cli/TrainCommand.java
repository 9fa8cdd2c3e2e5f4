package dev.ruru.cli;

import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.data.text.TextCorpus;
import dev.ruru.models.classify.ClassifierRun;
import dev.ruru.models.classify.ClassifierSettings;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.models.gan.GanRun;
import dev.ruru.models.graph.MoleculeRun;
import dev.ruru.models.latent.LatentRun;
import dev.ruru.models.latent.LatentSettings;
import dev.ruru.models.latent.LatentSpec;
import dev.ruru.models.run.ClusterTraining;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.RunDivergedException;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.models.table.TableRun;
import dev.ruru.models.text.CharModelSpec;
import dev.ruru.models.text.LanguageModelRun;
import dev.ruru.models.text.LanguageModelSettings;
import dev.ruru.train.Checkpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ruru train}: the project's main job. Parses and checks the options, loads MNIST or Fashion-MNIST
 * (the embedded Fashion-MNIST sample when no dataset is found) or reads the text, and hands the run to its
 * model family: a {@link ClassifierRun} for a multi-layer perceptron ({@code --model mlp}) or a
 * convolutional network ({@code --model cnn}, W3 by default), a {@link LanguageModelRun} for a character
 * language model. {@code --resume} continues an interrupted run from its checkpoint, exactly, with the
 * settings, data and epochs it started with. A run that diverges ends with one line on stderr naming the
 * epoch, the operation and the checkpoint kept, and exit code 2, whatever the family.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Trains a multi-layer perceptron or a CNN on Fashion-MNIST or MNIST, a character language model on a text,",
        "or a multi-layer perceptron on your own table (--csv FILE --target COLUMN),",
        "and writes the model, metrics.json and pictures.",
        "With no options: a 784-128-10 MLP, Adam, " + TrainCommand.DEFAULT_EPOCHS + " epochs, on the data found (or the embedded sample).",
        "--model cnn: 3x3 convolutions of 16 and 32 channels, each with ReLU",
        "and 2x2 max-pooling, then Linear(1568->128)-ReLU, Linear(128->10).",
        "--model char-lstm|char-gru|char-transformer: embedding, recurrent layers or a causal Transformer, then a",
        "linear head over the characters; unless given, --hidden 256, --batch-size 32 and Adam's --lr 0.002.",
        "--model autoencoder|conv-autoencoder|vae|conv-vae: latent-space models (--latent, --beta, --noise, --conditional, ...).",
        "--model gan: a DCGAN (--latent, --conditional, --gan-width); a sample grid per epoch and samples.gif."})
final class TrainCommand implements Callable<Integer> {
  static final int DEFAULT_EPOCHS = 5;
  /** Options that define a run: --resume takes them from the checkpoint, so giving them too is a mistake. */
  private static final List<String> RUN_OPTIONS = Stream.concat(LatentOptions.RUN_OPTIONS.stream(), Stream.of("--model", "--channels", "--hidden", "--dropout", "--dataset", "--batch-size",
      "--validation-split", "--optimizer", "--lr", "--momentum", "--weight-decay", "--seed", "--seq-len", "--embedding", "--layers",
      "--heads", "--steps", "--bptt", "--clip-norm", "--lr-schedule", "--early-stopping", "--gan-width")).toList();
  static final int DEFAULT_TEXT_STEPS = 300;

  @Option(names = "--model", paramLabel = "NAME", defaultValue = "mlp",
      description = "The model: mlp (default), cnn, a character language model: char-lstm, char-gru, char-transformer, a latent"
          + " model: autoencoder, conv-autoencoder, vae, conv-vae, gan, a graph network: gcn, gat, sage, gin, a video model: convlstm, convgru"
          + " (on --dataset moving-fashion-mnist), a spoken-digit classifier: audio-cnn, or wavenet or spec-vae (--data-dir).")
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
      description = "Read the four IDX files from DIR, and only there (default: search $RURU_DATA, ~/.ruru/data/NAME, /usr/share/datasets/NAME).")
  private Path dataDirectory;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + DEFAULT_EPOCHS,
      description = "Epochs in all (default: ${DEFAULT-VALUE}); with --resume, a new total to reach (default: the run's own).")
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

  @Mixin private ThreadsOption threads;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the split, initial weights, dropout and shuffles (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/MODEL, e.g. runs/mlp).")
  private Path outputDirectory;

  @Option(names = "--resume", description = "Continue the run in --out from its checkpoint, with its settings, up to its epochs (or"
      + " --epochs); a run that has them all writes its model and reports from the checkpoint.")
  private boolean resume;

  @Mixin private SparkOptions spark = new SparkOptions();
  @Mixin private LatentOptions latent;
  @Mixin private TableOptions table = new TableOptions();
  @Mixin private GanOptions gan = new GanOptions();

  @Spec private CommandSpec spec;

  @Mixin private GraphOptions graphOptions = new GraphOptions();
  @Mixin private VideoOptions video = new VideoOptions();
  @Mixin private AudioOptions audio = new AudioOptions();
  @Mixin private WaveNetOptions waveNet = new WaveNetOptions();

  /** Adjusts the dataset loader before use; tests restrict its search path so that the embedded sample is used. */
  UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    threads.apply();
    checkModelAndOptions();
    try {
      train(out, start);
    } catch (RunDivergedException e) {
      // One line for every family, like any other input the user has to change (the learning rate).
      spec.commandLine().getErr().println("ruru train: " + e.getMessage());
      return Ruru.USAGE_ERROR;
    }
    return 0;
  }

  /** Settles --model (a --csv alone means a table) and --out, and refuses options the model's family does not use. */
  private void checkModelAndOptions() {
    if (table.csv != null && !spec.commandLine().getParseResult().hasMatchedOption("--model")) {
      model = TableOptions.MODEL;
    }
    if (!FamilyOptions.knownModels().contains(model)) {
      throw new IllegalArgumentException("unknown model '" + model + "'; expected one of " + String.join(", ", FamilyOptions.knownModels())
          + " (table: your own CSV with --csv)");
    }
    latent.checkApplicable(model, spec.commandLine().getParseResult());
    if (outputDirectory == null) {
      outputDirectory = Path.of("runs", model);
    }
    if (GraphOptions.MODELS.contains(model)) {
      spark.refuseGraph();
    }
    if (!resume) {
      FamilyOptions.check(model, spec.commandLine().getParseResult());
    }
  }

  /** Hands the run to its family: the families that read --resume themselves first, then the checkpoint's family, then new runs. */
  private void train(PrintWriter out, long start) throws IOException {
    var parsed = spec.commandLine().getParseResult();
    if (GraphOptions.MODELS.contains(model)) {
      graphOptions.train(model, outputDirectory, out, parsed);
    } else if (VideoOptions.handles(model, resume, outputDirectory)) {
      video.train(model, outputDirectory, out, parsed, dataset, this::load);
    } else if (audio.handles(model, resume, outputDirectory)) {
      audio.train(outputDirectory, out, parsed, start);
    } else if (WaveNetOptions.handles(model, resume, outputDirectory)) {
      waveNet.train(outputDirectory, out, parsed);
    } else if (SpectrogramVaeOptions.handles(model, resume, outputDirectory)) {
      new SpectrogramVaeOptions().train(outputDirectory, out, parsed);
    } else if (resume) {
      resume(out, start);
    } else if (model.equals(TableOptions.MODEL)) {
      trainTable(out);
    } else if (model.equals(GanOptions.MODEL)) {
      try (ClusterTraining cluster = spark.cluster(parsed, outputDirectory)) {
        new GanRun(outputDirectory, out).onCluster(cluster, cluster == null ? null : dataFolder(dataset)).train(load(dataset),
            gan.settings(parsed, latent, batchSize, learningRate, seed), epochs);
      }
    } else if (CharModelSpec.ARCHITECTURES.contains(model)) {
      TextCorpus corpus = LanguageModelRun.readText(textPath);
      try (ClusterTraining cluster = spark.cluster(parsed, outputDirectory)) {
        new LanguageModelRun(outputDirectory, out, start).onCluster(cluster, textPath).train(corpus, textSettingsFromOptions(corpus), epochs);
      }
    } else if (LatentSpec.ARCHITECTURES.contains(model)) {
      trainLatent(out, start);
    } else {
      trainClassifier(out, start);
    }
  }

  private void trainClassifier(PrintWriter out, long start) throws IOException {
    MnistData data = load(dataset);
    ClassifierSettings settings = settingsFromOptions(data);
    try (ClusterTraining cluster = spark.cluster(spec.commandLine().getParseResult(), outputDirectory)) {
      new ClassifierRun(outputDirectory, out, start).onCluster(cluster, cluster == null ? null : dataFolder(dataset))
          .train(data, settings, epochs);
    }
  }

  /** Continues the run in --out: its family, settings and data come from its checkpoint; --epochs alone may be given. */
  private void resume(PrintWriter out, long start) throws IOException {
    var parsed = spec.commandLine().getParseResult();
    FamilyOptions.refuseOnResume(RUN_OPTIONS, parsed, outputDirectory);
    Checkpoint checkpoint = RunCheckpoint.read(outputDirectory);
    OptionalInt asked = parsed.hasMatchedOption("--epochs") ? OptionalInt.of(epochs) : OptionalInt.empty();
    if (GanRun.isGanRun(checkpoint)) {
      try (ClusterTraining cluster = spark.cluster(parsed, outputDirectory)) {
        String saved = GanRun.datasetOf(checkpoint);
        new GanRun(outputDirectory, out).onCluster(cluster, cluster == null ? null : dataFolder(saved)).resume(load(saved), checkpoint, asked);
      }
    } else if (LanguageModelRun.isLanguageModelRun(checkpoint)) {
      try (ClusterTraining cluster = spark.cluster(parsed, outputDirectory)) {
        new LanguageModelRun(outputDirectory, out, start).onCluster(cluster, textPath).resume(LanguageModelRun.readText(textPath), checkpoint, asked);
      }
    } else if (LatentRun.isLatentRun(checkpoint)) {
      String saved = LatentRun.settingsOf(checkpoint, outputDirectory).dataset();
      try (ClusterTraining cluster = spark.cluster(parsed, outputDirectory)) {
        new LatentRun(outputDirectory, out, start).onCluster(cluster, cluster == null ? null : dataFolder(saved)).resume(load(saved), checkpoint, asked);
      }
    } else if (MoleculeRun.isMoleculeRun(checkpoint)) {
      spark.refuseGraph();
      new MoleculeRun(outputDirectory, out).resume(checkpoint, asked);
    } else {
      ClassifierSettings saved = ClassifierSettings.of(checkpoint, outputDirectory.resolve(RunCheckpoint.FILE));
      try (ClusterTraining cluster = spark.cluster(parsed, outputDirectory)) {
        new ClassifierRun(outputDirectory, out, start).onCluster(cluster, cluster == null ? null : dataFolder(saved.dataset()))
            .resume(load(saved.dataset()), checkpoint, asked);
      }
    }
  }

  /** A language model's settings: W4's --hidden 256, --batch-size 32 and Adam's --lr 0.002 unless given. */
  private LanguageModelSettings textSettingsFromOptions(TextCorpus corpus) {
    var parsed = spec.commandLine().getParseResult();
    if (steps != null && parsed.hasMatchedOption("--epochs")) {
      throw new IllegalArgumentException("give --steps or --epochs, not both");
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
    if (steps != null && steps < 1) {
      throw new IllegalArgumentException("Invalid --steps: " + steps + " (must be >= 1)");
    }
    return new LanguageModelSettings(model, textPath == null ? "embedded:opticks" : textPath.toString(),
        LanguageModelSettings.sha256(corpus.text()), seqLen, embedding, width, layers, heads, dropout, choice, rate,
        momentum != null ? momentum : choice.defaultMomentum(), weightDecay != null ? weightDecay : choice.defaultWeightDecay(), batch,
        validationSplit, totalSteps, bptt, seed, new TrainingControls(schedule, earlyStopping, clipNorm));
  }

  private void trainLatent(PrintWriter out, long start) throws IOException {
    MnistData data = load(dataset);
    LatentSettings settings = latentSettingsFromOptions(data);
    try (ClusterTraining cluster = spark.cluster(spec.commandLine().getParseResult(), outputDirectory)) {
      new LatentRun(outputDirectory, out, start).onCluster(cluster, cluster == null ? null : dataFolder(dataset)).train(data, settings, epochs);
    }
  }

  private void trainTable(PrintWriter out) throws IOException {
    OptimizerChoice choice = OptimizerChoice.fromName(optimizer);
    boolean hiddenGiven = spec.commandLine().getParseResult().hasMatchedOption("--hidden");
    try (ClusterTraining cluster = spark.cluster(spec.commandLine().getParseResult(), outputDirectory)) {
      new TableRun(outputDirectory, out).onCluster(cluster).train(table.settings(hidden, hiddenGiven, dropout, choice, learningRate != null ? learningRate
        : choice.defaultLearningRate(), momentum != null ? momentum : choice.defaultMomentum(), weightDecay != null ? weightDecay
        : choice.defaultWeightDecay(), batchSize, validationSplit, seed, new TrainingControls(schedule, earlyStopping, clipNorm)),
          spec.commandLine().getParseResult().hasMatchedOption("--epochs") ? epochs : TableOptions.DEFAULT_EPOCHS);
    }
  }

  private ClassifierSettings settingsFromOptions(MnistData data) {
    OptimizerChoice choice = OptimizerChoice.fromName(optimizer);
    if (momentum != null && !choice.hasMomentum()) {
      throw new IllegalArgumentException("--momentum applies to sgd and rmsprop, not " + choice.id());
    }
    if (hidden.stream().anyMatch(width -> width == null || width < 1)) {
      throw new IllegalArgumentException("Invalid --hidden: " + hidden + " (widths must be >= 1)");
    }
    boolean convolutional = model.equals(ModelSpec.CNN);
    if (convolutional && channels.stream().anyMatch(width -> width == null || width < 1)) {
      throw new IllegalArgumentException("Invalid --channels: " + channels + " (widths must be >= 1)");
    }
    String dataName = data.variant().id() + (data.isEmbeddedSample() ? "-sample" : "");
    return new ClassifierSettings(dataset, dataName, model, convolutional ? channels : List.of(), hidden, dropout, choice,
        learningRate != null ? learningRate : choice.defaultLearningRate(), momentum != null ? momentum : choice.defaultMomentum(),
        weightDecay != null ? weightDecay : choice.defaultWeightDecay(), batchSize,
        validationSplit, seed, new TrainingControls(schedule, earlyStopping, clipNorm));
  }

  /** Where the workers read the data from: the folder the loader finds, or null for the sample in the jar. */
  private Path dataFolder(String datasetId) {
    MnistLoader loader = MnistLoader.of(MnistVariant.fromId(datasetId));
    return loaderSetup.apply(dataDirectory != null ? loader.directory(dataDirectory) : loader).find().map(Path::toAbsolutePath).orElse(null);
  }

  private LatentSettings latentSettingsFromOptions(MnistData data) {
    var parsed = spec.commandLine().getParseResult();
    OptimizerChoice choice = OptimizerChoice.fromName(optimizer);
    if (momentum != null && !choice.hasMomentum()) {
      throw new IllegalArgumentException("--momentum applies to sgd and rmsprop, not " + choice.id());
    }
    if (parsed.hasMatchedOption("--channels") || parsed.hasMatchedOption("--dropout")) {
      throw new IllegalArgumentException((parsed.hasMatchedOption("--channels") ? "--channels" : "--dropout") + " applies to mlp and cnn, not " + model);
    }
    if (parsed.hasMatchedOption("--hidden") && model.startsWith("conv-")) {
      throw new IllegalArgumentException("--hidden applies to the dense latent models (autoencoder, vae), not " + model
          + " (its convolutions have 32 and 64 channels)");
    }
    if (parsed.hasMatchedOption("--hidden") && hidden.size() != 1) {
      throw new IllegalArgumentException("Invalid --hidden for " + model + ": " + hidden + " (one width: the dense layers')");
    }
    String dataName = data.variant().id() + (data.isEmbeddedSample() ? "-sample" : "");
    return latent.settings(model, dataset, dataName, parsed.hasMatchedOption("--hidden") ? hidden.get(0) : null, choice, learningRate, momentum,
        weightDecay, batchSize, validationSplit, seed, new TrainingControls(schedule, earlyStopping, clipNorm));
  }

  private MnistData load(String datasetId) throws IOException {
    // Fashion-MNIST falls back to the sample inside the jar; for MNIST the loader says where it looked.
    MnistLoader loader = MnistLoader.of(MnistVariant.fromId(datasetId)).ifMissing(IfMissing.EMBEDDED_SAMPLE);
    // A directory the user named is the data or an error: never a silent fallback to another copy.
    return dataDirectory == null ? loaderSetup.apply(loader).load() : loaderSetup.apply(loader).loadOnly(dataDirectory);
  }
}
