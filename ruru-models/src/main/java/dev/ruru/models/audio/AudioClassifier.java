package dev.ruru.models.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.audio.DigitClips;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.SavedModel;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.train.Evaluation;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import dev.ruru.train.objective.Supervised;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A saved spoken-digit classifier, either family, ready for {@code ruru eval} and {@code ruru predict}: the
 * log-mel CNN ({@code audio-cnn}, saved by {@link ModelFiles} with its features as the preprocessing) or the
 * 1-D CNN on raw samples ({@code audio-cnn1d}, whose model.json holds its {@link AudioSettings}). Either way
 * clips go in as 16 kHz one-second waveforms and come out as ten digit scores.
 *
 * @param network the trained network (evaluation mode is the caller's argument)
 * @param features the log-mel pictures it takes, or null when it hears the raw samples
 * @param description what it is, for a report
 * @param corpus the corpus directory it was trained on (the default for {@code ruru eval})
 */
public record AudioClassifier(Layer network, AudioFeatures features, String description, String corpus) {
  static final String CNN1D_FORMAT = "ruru-audio-cnn1d";
  private static final ModelDirectory.Format CNN1D = new ModelDirectory.Format(CNN1D_FORMAT, "Ruru 1-D audio CNN",
      "`ruru train --model audio-cnn1d --out DIR`", "");
  private static final String DATASET = "spoken-digits";

  /** Whether {@code directory} holds a spoken-digit classifier, so that commands can dispatch; false when it is not readable as one. */
  public static boolean isAudioClassifier(Path directory) {
    try {
      if (ModelDirectory.hasFormat(directory, CNN1D_FORMAT)) {
        return true;
      }
      if (!ModelDirectory.hasFormat(directory, "ruru-model")) {
        return false;
      }
      JsonNode notes = new ObjectMapper().readTree(directory.resolve(ModelDirectory.DESCRIPTION).toFile()).path("notes");
      return DATASET.equals(notes.path("dataset").asText());
    } catch (IOException | IllegalArgumentException e) {
      // Not readable as ours: the command's other families say what is wrong with it.
      return false;
    }
  }

  /** The classifier saved in {@code directory}, every file checked first. */
  public static AudioClassifier load(Path directory) throws IOException {
    if (ModelDirectory.hasFormat(directory, CNN1D_FORMAT)) {
      ModelDirectory.Opened opened = ModelDirectory.open(directory, CNN1D);
      ModelJson json = opened.json();
      AudioSettings settings = AudioSettings.fromJson(json.raw("model").toString(), json.source());
      int classes = SpokenDigits.WORDS.size();
      String description = WaveformCnn.describe(SpokenDigits.LENGTH, classes, settings.channels());
      opened.checkSeal();
      Layer network = opened.rebuild(() -> WaveformCnn.build(SpokenDigits.LENGTH, classes, settings.channels(), new ResumableRandom(0)),
          description);
      network.loadStateDict(opened.readWeights());
      return new AudioClassifier(network, null, description, settings.dataDirectory());
    }
    SavedModel saved = ModelFiles.load(directory);
    List<Integer> shape = saved.spec().inputShape();
    AudioFeatures features = new AudioFeatures(SpokenDigits.SAMPLE_RATE, AudioFeatures.defaults(SpokenDigits.SAMPLE_RATE).fftSize(),
        AudioFeatures.defaults(SpokenDigits.SAMPLE_RATE).hop(), shape.get(0));
    if (!features.describe().equals(saved.spec().preprocessing())) {
      throw new IllegalArgumentException(directory + ": not a spoken-digit classifier with the features this Ruru computes; its preprocessing"
          + " is \"" + saved.spec().preprocessing() + "\"; train one with ruru train --model audio-cnn");
    }
    return new AudioClassifier(saved.module(), features, saved.spec().describe(), saved.notes().getOrDefault("trained_on", ""));
  }

  /** What the network takes for {@code clips}: their log-mel pictures, or their samples [n, 16000]. */
  public NDArray inputs(DigitClips clips) {
    if (clips.waveforms().dim(1) != SpokenDigits.LENGTH) {
      throw new IllegalArgumentException("audio classifier: clips of " + clips.waveforms().dim(1) + " samples; it hears one second at 16 kHz ("
          + SpokenDigits.LENGTH + " samples)");
    }
    return features == null ? clips.waveforms() : features.of(clips);
  }

  /** The digit scores (logits) [n, 10] of {@code clips}, without gradients. */
  public NDArray scores(DigitClips clips) {
    return Trainer.predict(network, inputs(clips), 256);
  }

  /** Loss, accuracy and confusion of the classifier on {@code clips}. */
  public Evaluation evaluate(DigitClips clips) {
    return Supervised.evaluate(network, Loss.crossEntropy(), new ArrayDataset(inputs(clips), clips.labels()), 256);
  }

  /**
   * WAV files as clips to classify: each resampled to 16 kHz (polyphase, as the corpus was), mixed down to mono, and
   * cut or padded with zeros to one second; their labels are 0 (unknown), their names the files'.
   */
  public static DigitClips clipsOf(List<Path> files) throws IOException {
    float[] waveforms = new float[files.size() * SpokenDigits.LENGTH];
    for (int i = 0; i < files.size(); i++) {
      float[] samples = GeneratedAudioScore.samplesOf(files.get(i));
      System.arraycopy(samples, 0, waveforms, i * SpokenDigits.LENGTH, Math.min(samples.length, SpokenDigits.LENGTH));
    }
    return new DigitClips(NDArray.wrap(waveforms, files.size(), SpokenDigits.LENGTH), NDArray.zeros(Shape.of(files.size()), DType.INT64),
        files.stream().map(Path::toString).toList());
  }

  /** The corpus to evaluate on: {@code given}, else the one it was trained on; refused when neither is a corpus. */
  public Path corpusOr(Path given) {
    Path chosen = given != null ? given : corpus.isEmpty() ? null : Path.of(corpus);
    if (chosen == null || !Files.isDirectory(chosen)) {
      throw new IllegalArgumentException("eval: the spoken-digit corpus " + (chosen == null ? "is unknown" : chosen + " is not there")
          + "; give --data-dir DIR, a corpus built by ruru data spoken-digits");
    }
    return chosen;
  }
}
