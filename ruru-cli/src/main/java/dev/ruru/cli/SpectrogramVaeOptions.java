package dev.ruru.cli;

import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.models.audio.AudioRun;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.specvae.SpectrogramVaeRun;
import dev.ruru.models.specvae.SpectrogramVaeSettings;
import dev.ruru.train.Checkpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine.ParseResult;

/**
 * {@code ruru train --model spec-vae --data-dir DIR}: the conditional VAE on log-mel spectrograms of a
 * spoken-digit corpus. It has no options of its own: {@code --latent} (default 16 here), {@code --beta},
 * {@code --hidden} (one width, default 512), {@code --mels} (default 64), {@code --batch-size} (32),
 * {@code --lr} (Adam, 1e-3) and {@code --seed} mean what they mean for the latent models and the audio classifiers.
 */
final class SpectrogramVaeOptions {
  static final String MODEL = "spec-vae";
  static final int DEFAULT_EPOCHS = 30;
  /** The options of the family beyond every family's: FamilyOptions' entry. */
  static final List<String> OPTIONS = List.of("--data-dir", "--batch-size", "--lr", "--latent", "--beta", "--hidden", "--mels");

  /** Whether this family trains {@code model}, or continues (--resume) the spectrogram-VAE run whose checkpoint is in {@code directory}. */
  static boolean handles(String model, boolean resume, Path directory) throws IOException {
    return MODEL.equals(model) || resume && Files.isRegularFile(directory.resolve(RunCheckpoint.FILE))
        && SpectrogramVaeRun.isSpectrogramVaeRun(RunCheckpoint.read(directory));
  }

  /** Trains (or with --resume continues) the run in {@code directory}, reading the options given from {@code parsed}. */
  void train(Path directory, PrintWriter out, ParseResult parsed) throws IOException {
    Path data = parsed.matchedOptionValue("--data-dir", null);
    Integer epochs = parsed.matchedOptionValue("--epochs", null);
    if (parsed.hasMatchedOption("--resume")) {
      FamilyOptions.refuseOnResume(OPTIONS.stream().filter(option -> !option.equals("--data-dir")).toList(), parsed, directory);
      Checkpoint checkpoint = RunCheckpoint.read(directory);
      Path corpus = data != null ? data : Path.of(SpectrogramVaeRun.settingsOf(checkpoint, directory).dataDirectory());
      new SpectrogramVaeRun(directory, out).resume(SpokenDigitsCorpus.load(corpus), checkpoint,
          epochs == null ? OptionalInt.empty() : OptionalInt.of(epochs));
      return;
    }
    if (data == null) {
      throw new IllegalArgumentException("--model spec-vae needs --data-dir DIR, a spoken-digit corpus; build one with: ruru data spoken-digits"
          + " --out DIR");
    }
    SpokenDigitsCorpus corpus = SpokenDigitsCorpus.load(data);
    new SpectrogramVaeRun(directory, out).train(corpus, settings(data, parsed), epochs == null ? DEFAULT_EPOCHS : epochs);
  }

  private static SpectrogramVaeSettings settings(Path data, ParseResult parsed) throws IOException {
    SpectrogramVaeSettings d = SpectrogramVaeSettings.defaults(parsed.matchedOptionValue("--seed", 0L), data.toString(),
        AudioRun.manifestSha256(data));
    List<Integer> hidden = parsed.matchedOptionValue("--hidden", List.of(d.hidden()));
    if (hidden.size() != 1) {
      throw new IllegalArgumentException("--model spec-vae takes one --hidden width, got " + hidden);
    }
    return new SpectrogramVaeSettings(parsed.matchedOptionValue("--latent", d.latent()), hidden.get(0), parsed.matchedOptionValue("--mels",
        d.mels()), parsed.matchedOptionValue("--beta", d.beta()), parsed.matchedOptionValue("--batch-size", d.batchSize()),
        parsed.matchedOptionValue("--lr", d.learningRate()), d.seed(), d.dataDirectory(), d.manifestSha256());
  }
}
