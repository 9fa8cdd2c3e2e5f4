package dev.ruru.models.audio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.DataLoader;
import dev.ruru.data.audio.DigitClips;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.models.classify.ConvolutionReport;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.models.classify.RunReport;
import dev.ruru.models.classify.RunResults;
import dev.ruru.models.classify.RunSummary;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Params;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.objective.Supervised;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One spoken-digit classifier run, {@code ruru train --model audio-cnn --data-dir DIR}, top to bottom: read
 * the corpus ({@link SpokenDigitsCorpus}; its validation and test voices are never heard in training),
 * turn every clip into its log-mel picture ({@link AudioFeatures}), build a CNN over the pictures (the
 * image CNN of {@link ModelSpec}: 3×3 convolutions with ReLU and 2×2 max-pooling, then dense layers),
 * train the {@link Supervised} objective with the one {@link Trainer} (progress bar, schedule, early
 * stopping, clipping, a checkpoint after every good epoch), score the test voices, and write the model,
 * metrics.json (with the test voices), the learning curves, confusion matrix, misclassified clips, first
 * convolution's filters and feature maps, and {@code spectrograms.png}.
 *
 * <pre>{@code
 * RunSummary summary = new AudioRun(Path.of("runs/audio-cnn"), out, System.nanoTime()).train(corpus, settings, 5);
 * }</pre>
 */
public final class AudioRun {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final PrintWriter out;
  private final long start;

  /** A run writing into {@code directory}, printing to {@code out}; "done in" counts from {@code startNanos}. */
  public AudioRun(Path directory, PrintWriter out, long startNanos) {
    this.directory = directory;
    this.out = out;
    this.start = startNanos;
  }

  /** Whether {@code checkpoint} is a spoken-digit classifier's. */
  public static boolean isAudioRun(Checkpoint checkpoint) {
    return checkpoint.extra().containsKey(AudioSettings.KEY);
  }

  /** The SHA-256 of the corpus's manifest, which names every clip: the identity of the data a run trained on. */
  public static String manifestSha256(Path corpusDirectory) throws IOException {
    try {
      byte[] manifest = Files.readAllBytes(corpusDirectory.resolve(SpokenDigitsCorpus.MANIFEST));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Trains a new run of {@code epochs} epochs. */
  public RunSummary train(SpokenDigitsCorpus corpus, AudioSettings settings, int epochs) throws IOException {
    return run(corpus, settings, null, epochs);
  }

  /** Continues the run whose {@code checkpoint} is in the directory, on the same corpus, up to {@code epochs} (or its planned ones). */
  public RunSummary resume(SpokenDigitsCorpus corpus, Checkpoint checkpoint, OptionalInt epochs) throws IOException {
    AudioSettings settings = AudioSettings.of(checkpoint, directory.resolve(RunCheckpoint.FILE));
    String found = manifestSha256(corpus.directory());
    if (!found.equals(settings.manifestSha256())) {
      throw new IllegalArgumentException("--resume: the run in " + directory + " trained on a corpus whose manifest.csv has SHA-256 "
          + settings.manifestSha256() + ", but " + corpus.directory() + " has " + found + "; point --data-dir at the corpus it used");
    }
    return run(corpus, settings, checkpoint, RunCheckpoint.epochsToReach(directory, checkpoint, epochs, settings.controls()));
  }

  private RunSummary run(SpokenDigitsCorpus corpus, AudioSettings settings, Checkpoint checkpoint, int epochs) throws IOException {
    AudioFeatures features = settings.features();
    boolean raw = settings.model().equals(AudioSettings.CNN1D);
    ArrayDataset train = dataset(features, corpus.train(), raw);
    ArrayDataset validation = dataset(features, corpus.validation(), raw);
    ArrayDataset test = dataset(features, corpus.test(), raw);
    ModelSpec spec = raw ? null : new ModelSpec(ModelSpec.CNN, List.of(train.features().dim(1), train.features().dim(2)), settings.channels(),
        settings.hidden(), SpokenDigits.WORDS.size(), "relu", settings.dropout(), DType.FLOAT32, SpokenDigits.WORDS, features.describe());
    int length = corpus.train().waveforms().dim(1);
    String model = raw ? WaveformCnn.describe(length, SpokenDigits.WORDS.size(), settings.channels()) : spec.describe();
    ResumableRandom random = new ResumableRandom(settings.seed());
    Layer network = raw ? WaveformCnn.build(length, SpokenDigits.WORDS.size(), settings.channels(), random) : spec.build(random);
    Supervised objective = new Supervised(network, settings.optimizer().create(network.parameters(), settings.learningRate(),
        settings.momentum(), settings.weightDecay()), Loss.crossEntropy());
    RunCheckpoint checkpoints = new RunCheckpoint(directory, epochs, Map.of(AudioSettings.KEY, settings.toJson()), out);
    TrainerBuilder builder = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed()).random(random)
        .progress(new ProgressBar(out, ProgressStyle.detect())).callbacks(checkpoints.callback());
    DataLoader batches = DataLoader.of(train, settings.batchSize()).shuffled(settings.seed());
    Trainer trainer = settings.controls().applyTo(builder, settings.learningRate(), epochs, batches.batchCount(), true).build();
    describe(corpus, model, network, settings, epochs);
    if (checkpoint != null) {
      checkpoints.resume(trainer, checkpoint, epochs);
    }
    History history = checkpoints.fit(trainer, epochs, () -> trainer.fit(batches, DataLoader.of(validation, settings.batchSize()), epochs));
    RunSummary summary = new RunSummary(settings.model(), "spoken-digits", model, settings.optimizer().describe(
        settings.learningRate(), settings.momentum(), settings.weightDecay()), train.size(), validation.size(), history.epochs(),
        trainer.steps(), objective.evaluate(test, settings.batchSize()), SpokenDigits.WORDS);
    List<Path> written = write(spec, network, summary, settings, test, corpus.test());
    written.add(checkpoints.file());
    RunResults.print(out, summary, history, written, directory, (System.nanoTime() - start) / 1e9,
        "listen to the test clips in " + corpus.directory().resolve("test") + ", or train longer with --resume --epochs N");
    return summary;
  }

  /** The clips as the network takes them: log-mel pictures, or {@code raw} samples {@code [n, length]}. */
  private static ArrayDataset dataset(AudioFeatures features, DigitClips clips, boolean raw) {
    if (clips.size() == 0) {
      throw new IllegalArgumentException("audio: a split of the corpus has no clips; build it with ruru data spoken-digits (3 voices at least)");
    }
    return new ArrayDataset(raw ? clips.waveforms() : features.of(clips), clips.labels());
  }

  private void describe(SpokenDigitsCorpus corpus, String model, Layer network, AudioSettings settings, int epochs) {
    out.println("data: spoken digits from " + corpus.directory() + "; features: " + (settings.model().equals(AudioSettings.CNN1D)
        ? "the raw samples" : settings.features().describe()));
    out.printf(Locale.ROOT, "model: %s (%,d parameters)%n", model, Params.count(network.parameters()));
    out.printf(Locale.ROOT, "training %d clips (%d voices), validation %d (%d voices), test %d (%d voices, never heard in training);"
        + " %d epoch%s, batch %d, %s, seed %d, %d thread%s%n", corpus.train().size(), corpus.train().distinctVoices().size(),
        corpus.validation().size(), corpus.validation().distinctVoices().size(), corpus.test().size(), corpus.test().distinctVoices().size(),
        epochs, epochs == 1 ? "" : "s", settings.batchSize(), settings.optimizer().describe(settings.learningRate(), settings.momentum(),
            settings.weightDecay()) + settings.controls().describe(), settings.seed(), Parallel.threads(), Parallel.threads() == 1 ? "" : "s");
    out.flush();
  }

  private List<Path> write(ModelSpec spec, Layer network, RunSummary summary, AudioSettings settings, ArrayDataset test, DigitClips clips)
      throws IOException {
    List<Path> written = new ArrayList<>();
    Map<String, String> notes = Map.of("dataset", "spoken-digits", "trained_on", settings.dataDirectory(), "features", settings.features().describe());
    if (spec != null) {
      ModelFiles.save(directory, spec, network, notes);
    } else {
      saveWaveformCnn(network, summary.model(), settings);
    }
    written.add(directory.resolve(ModelDirectory.WEIGHTS));
    written.add(directory.resolve(ModelDirectory.DESCRIPTION));
    // The pictures of either network are the clips' log-mel spectrograms: what a person can read.
    NDArray pictures = spec != null ? test.features() : settings.features().of(clips);
    written.addAll(RunReport.write(directory, summary, pictures));
    // metrics.json again, with what only this family knows: which voices the test score is on, and the features.
    ObjectNode metrics = RunReport.toJson(summary);
    clips.distinctVoices().forEach(metrics.putArray("test_voices")::add);
    metrics.put("features", spec != null ? settings.features().describe() : "the raw samples");
    AtomicFile.writeString(directory.resolve(RunReport.METRICS), JSON.writeValueAsString(metrics) + "\n");
    if (spec != null) {
      written.addAll(ConvolutionReport.write(directory, network, test.features()));
    }
    NDArray predicted = summary.test().predicted();
    written.add(AudioPictures.write(directory, pictures, clips.labels().toLongArray(), predicted.toLongArray(), clips.voices(),
        SpokenDigits.WORDS));
    return written;
  }

  /** model.safetensors (PyTorch's state_dict names of the same nn.Sequential) and a model.json naming the run's settings. */
  private void saveWaveformCnn(Layer network, String summary, AudioSettings settings) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "ruru-audio-cnn1d");
    root.put("version", ModelDirectory.SEALED_VERSION);
    root.set("model", JSON.readTree(settings.toJson()));
    root.put("weights", ModelDirectory.WEIGHTS);
    root.put("summary", summary);
    ModelDirectory.write(directory, network.stateDict(), summary, JSON.writeValueAsString(root) + "\n");
  }
}
