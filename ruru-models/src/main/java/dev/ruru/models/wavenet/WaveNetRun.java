package dev.ruru.models.wavenet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.audio.DigitClips;
import dev.ruru.data.audio.Resampler;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.nn.Params;
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
 * One WaveNet run, {@code ruru train --model wavenet --data-dir DIR}, top to bottom: the spoken-digit
 * corpus's clips resampled to the spec's rate and cut into windows of µ-law codes ({@link CodeWindows});
 * a {@link WaveNet} trained on them as {@link NextSampleObjective} by the one {@link Trainer}, with a
 * progress bar and a checkpoint after every epoch, the validation voices scored after each; then the
 * model ({@link WaveNetFiles}), metrics.json and the learning curves. {@link #resume} continues from the
 * directory's checkpoint exactly, with the settings stored in it.
 *
 * <pre>{@code
 * new WaveNetRun(Path.of("runs/wavenet"), out).train(SpokenDigitsCorpus.load(dir), WaveNetSettings.defaults(0), 10);
 * }</pre>
 */
public final class WaveNetRun {
  static final String SETTINGS_KEY = "wavenet";
  /** Windows quieter than this (RMS of samples in [−1, 1]) are silence around the word, left out. */
  static final double MINIMUM_RMS = 0.02;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final PrintWriter out;

  public WaveNetRun(Path directory, PrintWriter out) {
    this.directory = directory;
    this.out = out;
  }

  /** Whether {@code checkpoint} is a WaveNet run's, written by {@link #train}. */
  public static boolean isWaveNetRun(Checkpoint checkpoint) {
    return checkpoint.extra().containsKey(SETTINGS_KEY);
  }

  /** Trains a new WaveNet on {@code corpus}'s training clips for {@code epochs}. */
  public History train(SpokenDigitsCorpus corpus, WaveNetSettings settings, int epochs) throws IOException {
    return run(corpus, settings, epochs, null);
  }

  /** Continues the run whose {@code checkpoint} this is, with its settings, up to {@code epochs} in all (default: the epochs it planned). */
  public History resume(SpokenDigitsCorpus corpus, Checkpoint checkpoint, OptionalInt epochs) throws IOException {
    WaveNetSettings settings = WaveNetSettings.fromText(checkpoint.extra().get(SETTINGS_KEY), directory.resolve(RunCheckpoint.FILE).toString());
    // WaveNet runs take no learning-rate schedule, so any new total of epochs keeps the run's meaning.
    return run(corpus, settings, RunCheckpoint.epochsToReach(directory, checkpoint, epochs, TrainingControls.NONE), checkpoint);
  }

  private History run(SpokenDigitsCorpus corpus, WaveNetSettings settings, int epochs, Checkpoint checkpoint) throws IOException {
    int rate = settings.spec().sampleRate();
    ArrayDataset train = windows(corpus.train(), settings);
    ArrayDataset validation = corpus.validation().size() == 0 ? null : windows(corpus.validation(), settings);
    WaveNet net = new WaveNet(settings.spec(), new ResumableRandom(settings.seed()));
    NextSampleObjective objective = new NextSampleObjective(net, settings.learningRate());
    Files.createDirectories(directory);
    RunCheckpoint checkpoints = new RunCheckpoint(directory, epochs, Map.of(SETTINGS_KEY, settings.toText()), out);
    Trainer trainer = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed())
        .progress(new ProgressBar(out, ProgressStyle.detect())).callbacks(checkpoints.callback()).build();
    out.printf(Locale.ROOT, "data: %s, %d training clips at %d Hz -> %d windows of %d samples%s%n", corpus.directory(), corpus.train().size(),
        rate, train.size(), settings.window(), validation == null ? "" : ", " + validation.size() + " validation windows");
    out.printf(Locale.ROOT, "model: %s, %,d parameters; %d epochs, batch %d, Adam %.2g, %d thread%s%n", settings.spec().describe(),
        Params.count(net.parameters()), epochs, settings.batchSize(), settings.learningRate(), Parallel.threads(),
        Parallel.threads() == 1 ? "" : "s");
    if (checkpoint != null) {
      checkpoints.resume(trainer, checkpoint, epochs);
    }
    History history = checkpoints.fit(trainer, epochs, () -> trainer.fit(train, validation, epochs));
    WaveNetFiles.save(directory, net);
    writeMetrics(settings, history);
    LearningCurves.write(directory.resolve("learning_curves.png"), history.epochs(), trainer.steps());
    out.println("saved: " + directory.resolve("model.safetensors") + ", metrics.json, learning_curves.png; hear it with: ruru generate"
        + " --model-dir " + directory + " --digit 7 --out seven.wav");
    out.flush();
    return history;
  }

  /** The clips resampled from 16 kHz to the spec's rate and cut into windows of codes. */
  public static ArrayDataset windows(DigitClips clips, WaveNetSettings settings) {
    NDArray waveforms = resample(clips.waveforms(), SpokenDigits.SAMPLE_RATE, settings.spec().sampleRate());
    return CodeWindows.of(waveforms, clips.labels(), settings.window(), Math.max(1, settings.window() / 2), MINIMUM_RMS);
  }

  /** Each row of {@code waveforms} [N, L] from {@code from} Hz to {@code to} Hz. */
  public static NDArray resample(NDArray waveforms, int from, int to) {
    if (from == to) {
      return waveforms;
    }
    Resampler resampler = Resampler.between(from, to);
    int length = resampler.outputLength(waveforms.dim(1));
    float[] all = new float[waveforms.dim(0) * length];
    for (int clip = 0; clip < waveforms.dim(0); clip++) {
      float[] row = waveforms.slice(0, clip, clip + 1, 1).reshape(waveforms.dim(1)).toFloatArray();
      System.arraycopy(resampler.apply(row), 0, all, clip * length, length);
    }
    return NDArray.wrap(all, waveforms.dim(0), length);
  }

  /** metrics.json: the model and every epoch's losses (nats per sample), next-code accuracy and seconds. */
  private void writeMetrics(WaveNetSettings settings, History history) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("task", "wavenet");
    root.put("model", settings.spec().describe());
    ArrayNode epochs = root.putArray("epochs");
    history.epochs().forEach(epoch -> epochs.add(MetricsJson.epoch(epoch)));
    AtomicFile.writeString(directory.resolve("metrics.json"), JSON.writeValueAsString(root) + "\n");
  }
}
