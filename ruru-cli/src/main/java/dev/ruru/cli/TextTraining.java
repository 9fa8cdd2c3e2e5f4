package dev.ruru.cli;

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
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.text.CharLanguageModel;
import dev.ruru.models.text.CharModelFiles;
import dev.ruru.models.text.CharModelSpec;
import dev.ruru.models.text.LanguageModelReport;
import dev.ruru.models.text.LanguageModelling;
import dev.ruru.models.text.RandomWindows;
import dev.ruru.models.text.TextGeneration;
import dev.ruru.nn.Params;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.callbacks.Checkpointing;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The language-model half of {@code ruru train} ({@code --model char-lstm|char-gru|char-transformer}):
 * reads the text (a file, a directory of files, or the embedded sample), fits a character vocabulary,
 * holds out the text's tail for validation, trains the {@link LanguageModelling} objective with the one
 * {@link Trainer} (by epochs over the text's windows, {@code --steps} batches of random windows, or
 * {@code --bptt} epochs of truncated backpropagation through time over parallel streams), and writes the model, its
 * vocabulary, metrics.json with loss, perplexity and tokens per second, the learning curves and a sample.
 */
final class TextTraining {
  private final PrintWriter out;
  private final Path outputDirectory;
  private final int epochs;

  TextTraining(PrintWriter out, Path outputDirectory, int epochs) {
    this.out = out;
    this.outputDirectory = outputDirectory;
    this.epochs = epochs;
  }

  /** The text of a run: {@code path} (a file, or a directory whose files are joined), or the embedded sample when null. */
  static TextCorpus readText(Path path) throws IOException {
    if (path == null) {
      return EmbeddedText.opticksQueries();
    }
    return Files.isDirectory(path) ? TextCorpus.directory(path, InvalidUtf8.REFUSE) : TextCorpus.read(path);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  int run(TextCorpus corpus, TextRunSettings settings, Vocabulary saved, Checkpoint checkpoint, Path checkpointFile, long start)
      throws IOException {
    CharTokenizer tokenizer = saved != null ? new CharTokenizer(saved) : CharTokenizer.fit(corpus.text());
    int[] ids = corpus.encode(tokenizer);
    TextSplit split = TextWindows.split(ids, settings.validationSplit());
    TextWindows train = TextWindows.of(split.train(), settings.seqLen(), "the training text");
    TextWindows validation = split.validation().length == 0 ? null : validationWindows(split.validation(), settings);
    CharModelSpec spec = new CharModelSpec(settings.model(), tokenizer.vocabulary().size(), settings.embedding(), settings.hidden(),
        settings.layers(), settings.heads(), settings.seqLen(), settings.dropout());
    ResumableRandom random = new ResumableRandom(settings.seed());
    CharLanguageModel model = spec.build(random);
    Optimizer optimizer = settings.optimizer().create(model.parameters(), settings.learningRate(), settings.momentum(), settings.weightDecay());
    LanguageModelling objective = settings.bptt() ? LanguageModelling.truncatedBptt(model, optimizer) : LanguageModelling.windows(model, optimizer);
    TrainerBuilder builder = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed()).random(random)
        .progress(new ProgressBar(out, ProgressStyle.detect()).countingIn("tokens", settings.seqLen()))
        .callbacks(new Checkpointing(checkpointFile, Map.of(TextRunSettings.KEY, settings.toJson(),
            TextRunSettings.VOCABULARY_KEY, tokenizer.vocabulary().toJson())));
    BatchSource examples = trainingBatches(train, split.train(), settings);
    BatchSource checked = validation == null ? null : settings.bptt() ? validationStreams(split.validation(), settings)
        : DataLoader.of(validation, settings.batchSize());
    int totalEpochs = settings.steps() > 0 ? 1 : epochs;
    Trainer trainer = settings.controls().applyTo(builder, settings.learningRate(), totalEpochs, examples.batchCount(), validation != null).build();
    describe(corpus, tokenizer, model, train, validation, settings, examples, totalEpochs);
    if (checkpoint != null) {
      trainer.resume(checkpoint);
      out.printf(Locale.ROOT, "resuming %s after epoch %d of %d%n", checkpointFile, checkpoint.epoch(), totalEpochs);
    }
    History history = trainer.fit(examples, checked, totalEpochs);
    double trainSeconds = history.epochs().stream().mapToDouble(e -> e.seconds()).sum();
    double tokensPerSecond = (double) examples.exampleCount() * history.epochs().size() * settings.seqLen() / trainSeconds;
    double validationLoss = checked == null ? Double.NaN : trainer.evaluate(checked).get("loss");
    String sample = sample(model, tokenizer, corpus.text(), settings.seed());
    LanguageModelReport report = new LanguageModelReport(spec, corpus.source(), Params.count(model.parameters()), split.train().length,
        split.validation().length, settings.batchSize(), history.epochs(), trainer.steps(), validationLoss, tokensPerSecond, sample);
    List<Path> written = save(model, tokenizer, settings, report);
    written.add(checkpointFile);
    printResults(report, written, start);
    return 0;
  }

  /**
   * The training batches: with --bptt the text's parallel streams in order; with --steps that many batches
   * of random windows as one epoch; else the text's windows, shuffled by epoch.
   */
  private static BatchSource trainingBatches(TextWindows train, int[] ids, TextRunSettings settings) {
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
  private static TokenStreams validationStreams(int[] ids, TextRunSettings settings) {
    int streams = Math.max(1, Math.min(settings.batchSize(), (ids.length - 1) / settings.seqLen()));
    return new TokenStreams(ids, streams, settings.seqLen());
  }

  private static TextWindows validationWindows(int[] ids, TextRunSettings settings) {
    if (ids.length <= settings.seqLen()) {
      throw new IllegalArgumentException("the validation text (the last " + ids.length + " tokens, --validation-split "
          + settings.validationSplit() + ") is shorter than one window of --seq-len " + settings.seqLen()
          + " + 1; use a longer text, a larger --validation-split, or --validation-split 0");
    }
    return TextWindows.of(ids, settings.seqLen(), "the validation text");
  }

  private void describe(TextCorpus corpus, CharTokenizer tokenizer, CharLanguageModel model, TextWindows train, TextWindows validation,
      TextRunSettings settings, BatchSource examples, int totalEpochs) {
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

  private List<Path> save(CharLanguageModel model, CharTokenizer tokenizer, TextRunSettings settings, LanguageModelReport report)
      throws IOException {
    CharModelFiles.save(outputDirectory, model, tokenizer.vocabulary(), Map.of("text", settings.text(), "text_sha256", settings.textSha256()));
    List<Path> written = new ArrayList<>(List.of(outputDirectory.resolve(ModelDirectory.WEIGHTS), outputDirectory.resolve(ModelDirectory.DESCRIPTION)));
    written.addAll(report.write(outputDirectory));
    return written;
  }

  private void printResults(LanguageModelReport report, List<Path> written, long start) {
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
