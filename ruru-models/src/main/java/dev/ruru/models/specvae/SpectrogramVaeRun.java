package dev.ruru.models.specvae;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.Parallel;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.audio.DigitClips;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.models.audio.AudioFeatures;
import dev.ruru.models.audio.AudioRun;
import dev.ruru.models.latent.DecoderDistribution;
import dev.ruru.models.latent.Elbo;
import dev.ruru.models.latent.LatentModel;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.nn.Params;
import dev.ruru.optim.Adam;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.MetricsJson;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.plot.LearningCurves;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One spectrogram-VAE run, {@code ruru train --model spec-vae --data-dir DIR}, top to bottom: every clip
 * of the spoken-digit corpus becomes its log-mel picture ({@link AudioFeatures}, values in [0, 1]); a dense
 * VAE conditioned on the digit ({@link SpectrogramVaeSettings#spec}) learns them by the {@link Elbo}
 * objective with a Bernoulli decoder (the pictures' cross-entropy), run by the one {@link Trainer} with a
 * progress bar, the validation voices scored after each epoch and a checkpoint after each; then the test
 * voices' negative ELBO, the model ({@link SpectrogramVaeFiles}), metrics.json and the learning curves.
 *
 * <pre>{@code
 * new SpectrogramVaeRun(Path.of("runs/spec-vae"), out).train(corpus, SpectrogramVaeSettings.defaults(0, dir, sha), 30);
 * }</pre>
 */
public final class SpectrogramVaeRun {
  private static final long NOISE_STREAM = 0x6E6F697365L;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final PrintWriter out;

  public SpectrogramVaeRun(Path directory, PrintWriter out) {
    this.directory = directory;
    this.out = out;
  }

  /** Whether {@code checkpoint} is a spectrogram-VAE run's. */
  public static boolean isSpectrogramVaeRun(Checkpoint checkpoint) {
    return checkpoint.extra().containsKey(SpectrogramVaeSettings.KEY);
  }

  /** The settings a run's checkpoint holds (its corpus directory among them). */
  public static SpectrogramVaeSettings settingsOf(Checkpoint checkpoint, Path directory) {
    return SpectrogramVaeSettings.fromJson(checkpoint.extra().get(SpectrogramVaeSettings.KEY), directory.resolve(RunCheckpoint.FILE).toString());
  }

  /** Trains a new VAE on {@code corpus}'s training clips for {@code epochs}. */
  public History train(SpokenDigitsCorpus corpus, SpectrogramVaeSettings settings, int epochs) throws IOException {
    return run(corpus, settings, epochs, null);
  }

  /** Continues the run whose {@code checkpoint} this is, on the same corpus, up to {@code epochs} in all (default: those it planned). */
  public History resume(SpokenDigitsCorpus corpus, Checkpoint checkpoint, OptionalInt epochs) throws IOException {
    SpectrogramVaeSettings settings = settingsOf(checkpoint, directory);
    String found = AudioRun.manifestSha256(corpus.directory());
    if (!found.equals(settings.manifestSha256())) {
      throw new IllegalArgumentException("--resume: the run in " + directory + " trained on a corpus whose manifest.csv has SHA-256 "
          + settings.manifestSha256() + ", but " + corpus.directory() + " has " + found + "; point --data-dir at the corpus it used");
    }
    // Spectrogram-VAE runs take no learning-rate schedule, so any new total of epochs keeps the run's meaning.
    return run(corpus, settings, RunCheckpoint.epochsToReach(directory, checkpoint, epochs, TrainingControls.NONE), checkpoint);
  }

  private History run(SpokenDigitsCorpus corpus, SpectrogramVaeSettings settings, int epochs, Checkpoint checkpoint) throws IOException {
    AudioFeatures features = settings.features();
    ArrayDataset train = pictures(features, corpus.train());
    ArrayDataset validation = corpus.validation().size() == 0 ? null : pictures(features, corpus.validation());
    ResumableRandom random = new ResumableRandom(settings.seed());
    LatentModel vae = settings.spec(train.features().dim(2)).build(random);
    Elbo objective = new Elbo(vae, new Adam(vae.parameters(), settings.learningRate()), DecoderDistribution.BERNOULLI, settings.beta(),
        new ResumableRandom(settings.seed() ^ NOISE_STREAM));
    Files.createDirectories(directory);
    RunCheckpoint checkpoints = new RunCheckpoint(directory, epochs, Map.of(SpectrogramVaeSettings.KEY, settings.toJson()), out);
    Trainer trainer = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed()).random(random)
        .progress(new ProgressBar(out, ProgressStyle.detect())).callbacks(checkpoints.callback()).build();
    out.printf(Locale.ROOT, "data: %s, %d training clips -> pictures [%d, %d] (%s)%s%n", corpus.directory(), train.size(),
        train.features().dim(1), train.features().dim(2), features.describe(), validation == null ? "" : ", " + validation.size() + " validation");
    out.printf(Locale.ROOT, "model: %s, %,d parameters; negative ELBO (Bernoulli decoder%s); %d epochs, batch %d, Adam %.2g, seed %d,"
        + " %d thread%s%n", SpectrogramVaeFiles.describe(vae.spec(), features), Params.count(vae.parameters()),
        settings.beta() == 1 ? "" : ", beta " + settings.beta(), epochs, settings.batchSize(), settings.learningRate(), settings.seed(),
        Parallel.threads(), Parallel.threads() == 1 ? "" : "s");
    if (checkpoint != null) {
      checkpoints.resume(trainer, checkpoint, epochs);
    }
    History history = checkpoints.fit(trainer, epochs, () -> trainer.fit(train, validation, epochs));
    Map<String, Double> test = corpus.test().size() == 0 ? Map.of() : trainer.evaluate(pictures(features, corpus.test()));
    SpectrogramVaeFiles.save(directory, vae, features);
    writeMetrics(vae, features, history, test);
    LearningCurves.write(directory.resolve("learning_curves.png"), history.epochs(), trainer.steps());
    test.keySet().stream().sorted().forEach(name -> out.printf(Locale.ROOT, "test %s %.2f%n", name, test.get(name)));
    out.println("saved: " + directory.resolve("model.safetensors") + ", model.json, metrics.json, learning_curves.png; hear it with: ruru"
        + " generate --model-dir " + directory + " --digit 7 --out seven.wav");
    out.flush();
    return history;
  }

  /** The clips' log-mel pictures [n, mels, frames] with their digits. */
  static ArrayDataset pictures(AudioFeatures features, DigitClips clips) {
    if (clips.size() == 0) {
      throw new IllegalArgumentException("spec-vae: the corpus has no training clips; build one with ruru data spoken-digits --out DIR");
    }
    return new ArrayDataset(features.of(clips), clips.labels());
  }

  /** metrics.json: the model, every epoch's terms (nats per picture) and seconds, and the test voices' terms. */
  private void writeMetrics(LatentModel vae, AudioFeatures features, History history, Map<String, Double> test) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("task", "spec-vae");
    root.put("model", SpectrogramVaeFiles.describe(vae.spec(), features));
    ArrayNode epochs = root.putArray("epochs");
    history.epochs().forEach(epoch -> epochs.add(MetricsJson.epoch(epoch)));
    ObjectNode testNode = root.putObject("test");
    test.forEach(testNode::put);
    AtomicFile.writeString(directory.resolve("metrics.json"), JSON.writeValueAsString(root) + "\n");
  }
}
