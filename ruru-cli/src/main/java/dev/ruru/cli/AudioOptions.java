package dev.ruru.cli;

import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.models.audio.AudioFeatures;
import dev.ruru.models.audio.AudioRun;
import dev.ruru.models.audio.AudioSettings;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.train.Checkpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code ruru train --model audio-cnn|audio-cnn1d --data-dir DIR}: the spoken-digit
 * classifiers on a corpus built by {@code ruru data spoken-digits}, a 2-D CNN on log-mel pictures or a 1-D
 * CNN on the raw samples. The shared options mean what they mean elsewhere; left out, this family's
 * defaults apply: {@code --channels 16,32} and {@code --hidden 64} (audio-cnn), {@code --channels 16,32,64}
 * (audio-cnn1d, which has no hidden layer), {@code --batch-size 32}, Adam at 0.001, 10 epochs. The corpus's own validation voices are the validation set (no
 * {@code --validation-split}).
 */
final class AudioOptions {
  static final List<String> MODELS = AudioSettings.MODELS;
  static final int DEFAULT_EPOCHS = 10;
  /** Options that define a run: --resume takes them from the checkpoint. */
  private static final List<String> RUN_OPTIONS = List.of("--mels", "--channels", "--hidden", "--dropout", "--optimizer", "--lr",
      "--momentum", "--weight-decay", "--batch-size", "--seed", "--lr-schedule", "--early-stopping", "--clip-norm");

  @Option(names = "--mels", paramLabel = "M", description = "audio-cnn, spec-vae: mel bands of the log-mel spectrogram (default: 32; spec-vae 64).")
  private Integer mels;

  /** Whether this family runs the command: --model audio-cnn, or --resume of a directory holding an audio run's checkpoint. */
  boolean handles(String model, boolean resume, Path directory) throws IOException {
    if (MODELS.contains(model)) {
      return true;
    }
    return resume && Files.isRegularFile(directory.resolve(RunCheckpoint.FILE)) && AudioRun.isAudioRun(RunCheckpoint.read(directory));
  }

  /** Trains (or with --resume continues) the run in {@code directory}, reading the shared options given from {@code parsed}. */
  void train(Path directory, PrintWriter out, ParseResult parsed, long start) throws IOException {
    Path dataDirectory = parsed.matchedOptionValue("--data-dir", null);
    if (parsed.hasMatchedOption("--resume")) {
      FamilyOptions.refuseOnResume(RUN_OPTIONS, parsed, directory);
      Checkpoint checkpoint = RunCheckpoint.read(directory);
      AudioSettings saved = AudioSettings.of(checkpoint, directory.resolve(RunCheckpoint.FILE));
      Path corpus = dataDirectory != null ? dataDirectory : Path.of(saved.dataDirectory());
      OptionalInt epochs = parsed.hasMatchedOption("--epochs") ? OptionalInt.of(parsed.matchedOptionValue("--epochs", 0)) : OptionalInt.empty();
      new AudioRun(directory, out, start).resume(SpokenDigitsCorpus.load(corpus), checkpoint, epochs);
      return;
    }
    String model = parsed.matchedOptionValue("--model", AudioSettings.CNN);
    if (model.equals(AudioSettings.CNN1D)) {
      for (String option : List.of("--mels", "--hidden", "--dropout")) {
        if (parsed.hasMatchedOption(option)) {
          throw new IllegalArgumentException(option + " does not apply to --model audio-cnn1d (it hears the raw samples through"
              + " convolutions and one linear layer); leave it out, or use --model audio-cnn");
        }
      }
    }
    if (dataDirectory == null) {
      throw new IllegalArgumentException("--model " + model + " needs --data-dir DIR, a spoken-digit corpus; build one with: ruru data"
          + " spoken-digits --out DIR");
    }
    out.printf(Locale.ROOT, "ruru train --model %s --data-dir %s%n", model, dataDirectory);
    SpokenDigitsCorpus corpus = SpokenDigitsCorpus.load(dataDirectory);
    new AudioRun(directory, out, start).train(corpus, settings(model, dataDirectory, parsed), parsed.matchedOptionValue("--epochs",
        DEFAULT_EPOCHS));
  }

  private AudioSettings settings(String model, Path dataDirectory, ParseResult parsed) throws IOException {
    OptimizerChoice optimizer = OptimizerChoice.fromName(parsed.matchedOptionValue("--optimizer", "adam"));
    if (parsed.hasMatchedOption("--momentum") && !optimizer.hasMomentum()) {
      throw new IllegalArgumentException("--momentum applies to sgd and rmsprop, not " + optimizer.id());
    }
    AudioFeatures defaults = AudioFeatures.defaults(SpokenDigits.SAMPLE_RATE);
    AudioFeatures features = new AudioFeatures(defaults.sampleRate(), defaults.fftSize(), defaults.hop(), mels == null ? defaults.mels() : mels);
    TrainingControls controls = new TrainingControls(parsed.matchedOptionValue("--lr-schedule", "constant"),
        parsed.matchedOptionValue("--early-stopping", 0), parsed.matchedOptionValue("--clip-norm", 0.0));
    List<Integer> channels = model.equals(AudioSettings.CNN1D) ? List.of(16, 32, 64) : List.of(16, 32);
    return new AudioSettings(model, dataDirectory.toString(), AudioRun.manifestSha256(dataDirectory), features,
        parsed.matchedOptionValue("--channels", channels), parsed.matchedOptionValue("--hidden", model.equals(AudioSettings.CNN1D) ? List.of()
        : List.of(64)),
        parsed.matchedOptionValue("--dropout", 0.0), optimizer, parsed.matchedOptionValue("--lr", optimizer.defaultLearningRate()),
        parsed.matchedOptionValue("--momentum", optimizer.defaultMomentum()), parsed.matchedOptionValue("--weight-decay",
        optimizer.defaultWeightDecay()), parsed.matchedOptionValue("--batch-size", 32), parsed.matchedOptionValue("--seed", 0L), controls);
  }
}
