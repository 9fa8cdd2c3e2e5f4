package dev.ruru.models.text;

import dev.ruru.array.Parallel;
import dev.ruru.data.BatchSource;
import dev.ruru.data.DataLoader;
import dev.ruru.data.Dataset;
import dev.ruru.data.text.CharTokenizer;
import dev.ruru.data.text.EmbeddedText;
import dev.ruru.data.text.InvalidUtf8;
import dev.ruru.data.text.SamplingSettings;
import dev.ruru.data.text.TextCorpus;
import dev.ruru.data.text.TextSplit;
import dev.ruru.data.text.TextWindows;
import dev.ruru.data.text.TokenStreams;
import dev.ruru.data.text.Vocabulary;
import dev.ruru.models.run.ClusterTraining;
import dev.ruru.models.run.Recipe;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.ShardedData;
import dev.ruru.models.run.TrainingRecipe;
import dev.ruru.models.run.RunDivergedException;
import dev.ruru.nn.Params;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.objective.Objective;
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
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * One language-model run, {@code ruru train --model char-lstm|char-gru|char-transformer}, top to bottom:
 * fits a character vocabulary to the text (a file, a directory of files, or the embedded sample), holds
 * out the text's tail for validation, trains the {@link LanguageModelling} objective with the one
 * {@link Trainer} (by epochs over the text's windows, {@code --steps} batches of random windows, or
 * {@code --bptt} epochs of truncated backpropagation through time over parallel streams) with a checkpoint
 * after every good epoch, and writes the model, its vocabulary, metrics.json with loss, perplexity and
 * tokens per second, the learning curves and a sample. A resumed run continues from its checkpoint, with
 * its settings and vocabulary, only on the same text; one that has all its epochs writes its outputs.
 *
 * <pre>{@code
 * LanguageModelReport report = new LanguageModelRun(Path.of("runs/char-lstm"), out, System.nanoTime())
 *     .train(LanguageModelRun.readText(null), settings, 1);
 * }</pre>
 */
public final class LanguageModelRun {
  private final PrintWriter out;
  private final Path outputDirectory;
  private final long start;
  private ClusterTraining cluster;
  private Path textPath;

  /** A run writing into {@code directory}, printing to {@code out}; "done in" counts from {@code startNanos} ({@link System#nanoTime}). */
  public LanguageModelRun(Path directory, PrintWriter out, long startNanos) {
    this.out = out;
    this.outputDirectory = directory;
    this.start = startNanos;
  }

  /**
   * Runs the steps on {@code cluster} instead of on this machine; each worker reads the text from
   * {@code text} (a path every node reaches; null for the embedded sample) and trains on its range of the
   * training windows. Random windows only: {@code --bptt} carries state along streams in order.
   */
  public LanguageModelRun onCluster(ClusterTraining cluster, Path text) {
    this.cluster = cluster;
    this.textPath = text == null ? null : text.toAbsolutePath();
    return this;
  }

  /**
   * What a cluster's nodes make of a run of {@code settings} with {@code vocabulary} on the text at
   * {@code text} (null: the embedded sample): the objective, with the run's initial weights, and the
   * training windows (or {@code --steps}' random windows), shard {@code i} of {@code P} being rows
   * {@code [i·n/P, (i+1)·n/P)} of them: a contiguous range of the training text for windows. Each worker
   * reads the text (refusing one whose SHA-256 is not the run's) and keeps its rows.
   */
  public static TrainingRecipe trainingRecipe(LanguageModelSettings settings, Vocabulary vocabulary, Path text) {
    if (settings.bptt()) {
      throw new IllegalArgumentException("--bptt with --spark: truncated BPTT carries each stream's state from chunk to chunk in order,"
          + " and a worker's shard is shuffled; train on random windows (leave out --bptt) on Spark");
    }
    String json = settings.toJson();
    String words = vocabulary.toJson();
    String file = text == null ? null : text.toString();
    Recipe<Objective> objective = () -> {
      LanguageModelSettings made = LanguageModelSettings.fromJson(json, "the run's settings");
      CharLanguageModel model = spec(made, Vocabulary.fromJson(words, "the run's vocabulary").size()).build(new ResumableRandom(made.seed()));
      return objective(model, made);
    };
    Recipe<Dataset> windows = () -> trainingWindows(LanguageModelSettings.fromJson(json, "the run's settings"),
        Vocabulary.fromJson(words, "the run's vocabulary"), file);
    return new TrainingRecipe(objective, ShardedData.of(windows, file == null ? EmbeddedText.SOURCE : file));
  }

  /** A worker's view of the run's training set: the text read again, checked against the run's SHA-256, split and cut in windows. */
  private static Dataset trainingWindows(LanguageModelSettings settings, Vocabulary vocabulary, String file) {
    TextCorpus corpus;
    try {
      corpus = readText(file == null ? null : Path.of(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("spark: cannot read the text " + file + " on this worker: " + e.getMessage(), e);
    }
    if (!LanguageModelSettings.sha256(corpus.text()).equals(settings.textSha256())) {
      throw new IllegalArgumentException("spark: the text " + corpus.source() + " on this worker differs from the driver's (SHA-256 "
          + settings.textSha256() + "); every node must reach the same file");
    }
    int[] ids = corpus.encode(new CharTokenizer(vocabulary));
    TextWindows train = TextWindows.of(TextWindows.split(ids, settings.validationSplit()).train(), settings.seqLen(), "the training text");
    return settings.steps() > 0 ? RandomWindows.ofSteps(train, settings.steps(), settings.batchSize(), settings.seed()) : train;
  }

  private static CharModelSpec spec(LanguageModelSettings settings, int vocabulary) {
    return new CharModelSpec(settings.model(), vocabulary, settings.embedding(), settings.hidden(), settings.layers(), settings.heads(),
        settings.seqLen(), settings.dropout());
  }

  private static LanguageModelling objective(CharLanguageModel model, LanguageModelSettings settings) {
    Optimizer optimizer = settings.optimizer().create(model.parameters(), settings.learningRate(), settings.momentum(), settings.weightDecay());
    return settings.bptt() ? LanguageModelling.truncatedBptt(model, optimizer) : LanguageModelling.windows(model, optimizer);
  }

  /** The text of a run: {@code path} (a file, or a directory whose files are joined), or the embedded sample when null. */
  public static TextCorpus readText(Path path) throws IOException {
    if (path == null) {
      return EmbeddedText.opticksQueries();
    }
    return Files.isDirectory(path) ? TextCorpus.directory(path, InvalidUtf8.REFUSE) : TextCorpus.read(path);
  }

  /** Whether {@code checkpoint} is a language-model run's (rather than an image classifier's). */
  public static boolean isLanguageModelRun(Checkpoint checkpoint) {
    return checkpoint.extra().containsKey(LanguageModelSettings.KEY);
  }

  /**
   * Trains a new run on {@code corpus}: {@code epochs} epochs, or one epoch of {@code settings.steps()} batches.
   *
   * @throws RunDivergedException when training diverges; the message names the checkpoint kept
   */
  public LanguageModelReport train(TextCorpus corpus, LanguageModelSettings settings, int epochs) throws IOException {
    return run(corpus, settings, CharTokenizer.fit(corpus.text()), null, settings.steps() > 0 ? 1 : epochs);
  }

  /**
   * Continues the run whose {@code checkpoint} is in the directory up to {@code epochs} (or the epochs it
   * planned), with its settings and vocabulary; refused when {@code corpus} is not the text it trained on.
   */
  public LanguageModelReport resume(TextCorpus corpus, Checkpoint checkpoint, OptionalInt epochs) throws IOException {
    String file = outputDirectory.resolve(RunCheckpoint.FILE).toString();
    LanguageModelSettings settings = LanguageModelSettings.fromJson(checkpoint.extra().get(LanguageModelSettings.KEY), file);
    if (!settings.textSha256().equals(LanguageModelSettings.sha256(corpus.text()))) {
      throw new IllegalArgumentException("--resume: the run in " + outputDirectory + " trained on " + settings.text()
          + " but " + corpus.source() + " differs from it; pass the same --text");
    }
    if (settings.steps() > 0 && epochs.isPresent()) {
      throw new IllegalArgumentException("--resume: the run in " + outputDirectory + " trains " + settings.steps()
          + " steps of random windows as one epoch; leave --epochs out");
    }
    Vocabulary vocabulary = Vocabulary.fromJson(checkpoint.extra().get(LanguageModelSettings.VOCABULARY_KEY), file);
    int total = RunCheckpoint.epochsToReach(outputDirectory, checkpoint, epochs, settings.controls());
    return run(corpus, settings, new CharTokenizer(vocabulary), checkpoint, total);
  }

  private LanguageModelReport run(TextCorpus corpus, LanguageModelSettings settings, CharTokenizer tokenizer, Checkpoint checkpoint,
      int epochs) throws IOException {
    int[] ids = corpus.encode(tokenizer);
    TextSplit split = TextWindows.split(ids, settings.validationSplit());
    TextWindows train = TextWindows.of(split.train(), settings.seqLen(), "the training text");
    TextWindows validation = split.validation().length == 0 ? null : validationWindows(split.validation(), settings);
    CharModelSpec spec = spec(settings, tokenizer.vocabulary().size());
    ResumableRandom random = new ResumableRandom(settings.seed());
    CharLanguageModel model = spec.build(random);
    RunCheckpoint checkpoints = new RunCheckpoint(outputDirectory, epochs, Map.of(LanguageModelSettings.KEY, settings.toJson(),
        LanguageModelSettings.VOCABULARY_KEY, tokenizer.vocabulary().toJson()), out);
    LanguageModelling objective = objective(model, settings);
    TrainerBuilder builder = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed()).random(random)
        .progress(new ProgressBar(out, ProgressStyle.detect()).countingIn("tokens", settings.seqLen()))
        .callbacks(checkpoints.callback());
    TrainingRecipe recipe = cluster == null ? null : trainingRecipe(settings, tokenizer.vocabulary(), textPath);
    BatchSource examples = cluster == null ? trainingBatches(train, split.train(), settings)
        : cluster.attach(builder, objective, recipe.objective(), recipe.data(), settings.batchSize(), settings.seed());
    BatchSource checked = validation == null ? null : settings.bptt() ? validationStreams(split.validation(), settings)
        : DataLoader.of(validation, settings.batchSize());
    Trainer trainer = settings.controls().applyTo(builder, settings.learningRate(), epochs, examples.batchCount(), validation != null).build();
    describe(corpus, tokenizer, model, train, validation, settings, examples, epochs);
    if (cluster != null) {
      out.println("steps on " + cluster.describe() + "; each worker trains on its range of the training windows");
    }
    if (checkpoint != null) {
      checkpoints.resume(trainer, checkpoint, epochs);
    }
    History history = checkpoints.fit(trainer, epochs, () -> trainer.fit(examples, checked, epochs));
    double trainSeconds = history.epochs().stream().mapToDouble(e -> e.seconds()).sum();
    double tokensPerSecond = (double) examples.exampleCount() * history.epochs().size() * settings.seqLen() / trainSeconds;
    double validationLoss = checked == null ? Double.NaN : trainer.evaluate(checked).get("loss");
    String sample = sample(model, tokenizer, corpus.text(), settings.seed());
    LanguageModelReport report = new LanguageModelReport(spec, corpus.source(), Params.count(model.parameters()), split.train().length,
        split.validation().length, settings.batchSize(), history.epochs(), trainer.steps(), validationLoss, tokensPerSecond, sample);
    List<Path> written = save(model, tokenizer, settings, report);
    written.add(checkpoints.file());
    printResults(report, written);
    return report;
  }

  /**
   * The training batches: with --bptt the text's parallel streams in order; with --steps that many batches
   * of random windows as one epoch; else the text's windows, shuffled by epoch.
   */
  private static BatchSource trainingBatches(TextWindows train, int[] ids, LanguageModelSettings settings) {
    if (settings.bptt()) {
      return new TokenStreams(ids, settings.batchSize(), settings.seqLen());
    }
    if (settings.steps() > 0) {
      // Each window is already drawn at random: shuffling their order would add nothing but an array of them all.
      return DataLoader.of(RandomWindows.ofSteps(train, settings.steps(), settings.batchSize(), settings.seed()), settings.batchSize());
    }
    return DataLoader.of(train, settings.batchSize()).shuffled(settings.seed());
  }

  /** The validation text as streams of chunks, as many streams (up to the batch size) as it has whole chunks for. */
  private static TokenStreams validationStreams(int[] ids, LanguageModelSettings settings) {
    int streams = Math.max(1, Math.min(settings.batchSize(), (ids.length - 1) / settings.seqLen()));
    return new TokenStreams(ids, streams, settings.seqLen());
  }

  private static TextWindows validationWindows(int[] ids, LanguageModelSettings settings) {
    if (ids.length <= settings.seqLen()) {
      throw new IllegalArgumentException("the validation text (the last " + ids.length + " tokens, --validation-split "
          + settings.validationSplit() + ") is shorter than one window of --seq-len " + settings.seqLen()
          + " + 1; use a longer text, a larger --validation-split, or --validation-split 0");
    }
    return TextWindows.of(ids, settings.seqLen(), "the validation text");
  }

  private void describe(TextCorpus corpus, CharTokenizer tokenizer, CharLanguageModel model, TextWindows train, TextWindows validation,
      LanguageModelSettings settings, BatchSource examples, int totalEpochs) {
    out.printf(Locale.ROOT, "text: %s (%,d characters, vocabulary of %d)%n", corpus.source(), corpus.characterCount(),
        tokenizer.vocabulary().size());
    out.printf(Locale.ROOT, "model: %s (%,d parameters)%n", model.spec().describe(), Params.count(model.parameters()));
    String schedule = settings.steps() > 0 ? String.format(Locale.ROOT, "%,d steps of random windows", settings.steps())
        : settings.bptt() ? String.format(Locale.ROOT, "%d epoch%s of %,d streams read in %,d chunks (truncated BPTT)", totalEpochs,
            totalEpochs == 1 ? "" : "s", settings.batchSize(), examples.batchCount())
        : String.format(Locale.ROOT, "%d epoch%s of %,d windows", totalEpochs, totalEpochs == 1 ? "" : "s", examples.exampleCount());
    out.printf(Locale.ROOT, "training %,d tokens, validation %,d; %s of %d, batch %d, %s%s, seed %d, %d thread%s%n", train.tokenCount(),
        validation == null ? 0 : validation.tokenCount(), schedule, settings.seqLen(), settings.batchSize(),
        settings.optimizer().describe(settings.learningRate(), settings.momentum(), settings.weightDecay()),
        settings.controls().describe(), settings.seed(), Parallel.threads(),
        Parallel.threads() == 1 ? "" : "s");
    out.flush();
  }

  /** 300 characters after the text's first character, temperature 0.8, top-k 10: what the model learned, at a glance. */
  private static String sample(CharLanguageModel model, CharTokenizer tokenizer, String text, long seed) {
    String first = text.substring(0, Character.charCount(text.codePointAt(0)));
    int[] ids = TextGeneration.generate(model, tokenizer.encode(first), 300, SamplingSettings.DEFAULT.withTemperature(0.8).withTopK(10),
        new SplittableRandom(seed));
    return tokenizer.decode(ids);
  }

  private List<Path> save(CharLanguageModel model, CharTokenizer tokenizer, LanguageModelSettings settings, LanguageModelReport report)
      throws IOException {
    CharModelFiles.save(outputDirectory, model, tokenizer.vocabulary(), Map.of("text", settings.text(), "text_sha256", settings.textSha256()));
    List<Path> written = new ArrayList<>(List.of(outputDirectory.resolve(ModelDirectory.WEIGHTS), outputDirectory.resolve(ModelDirectory.DESCRIPTION)));
    written.addAll(report.write(outputDirectory));
    return written;
  }

  private void printResults(LanguageModelReport report, List<Path> written) {
    if (Double.isFinite(report.validationLoss())) {
      out.printf(Locale.ROOT, "validation: loss %.4f, perplexity %.2f (a uniform guess: %d)%n", report.validationLoss(),
          report.validationPerplexity(), report.spec().vocabulary());
    }
    out.printf(Locale.ROOT, "training speed: %,d tokens/s%n", Math.round(report.tokensPerSecond()));
    out.println("sample (temperature 0.8, top-k 10):");
    out.println(report.sample());
    out.println("wrote:");
    written.forEach(path -> out.println("  " + path));
    out.printf(Locale.ROOT, "done in %.1f s; generate more with: ruru generate --model-dir %s --prompt \"...\"%n",
        (System.nanoTime() - start) / 1e9, outputDirectory);
    out.flush();
  }
}
