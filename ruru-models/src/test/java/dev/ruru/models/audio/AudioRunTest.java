package dev.ruru.models.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.Shape;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.models.classify.RunSummary;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.TrainingControls;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audio-cnn run on a corpus of tones (no espeak-ng needed): it learns, writes its files, and resumes. */
class AudioRunTest {
  @TempDir
  Path folder;

  private static AudioSettings settings(Path corpus) throws Exception {
    return new AudioSettings(AudioSettings.CNN, corpus.toString(), AudioRun.manifestSha256(corpus), AudioFeatures.defaults(16000), List.of(8, 16),
        List.of(32), 0, OptimizerChoice.ADAM, 0.01, Double.NaN, 0, 4, 1, TrainingControls.NONE);
  }

  @Test
  void learnsTheTonesAndWritesTheReportAndPictures() throws Exception {
    Path corpus = ToneCorpus.write(folder.resolve("tones"), 3);
    StringWriter printed = new StringWriter();
    Path run = folder.resolve("run");
    RunSummary summary = new AudioRun(run, new PrintWriter(printed), System.nanoTime())
        .train(SpokenDigitsCorpus.load(corpus), settings(corpus), 8);
    assertTrue(summary.test().accuracy() >= 0.9, "test accuracy " + summary.test().accuracy() + "\n" + printed);
    assertTrue(printed.toString().contains("test 20 (1 voices, never heard in training)"), printed::toString);
    for (String file : List.of("metrics.json", "model.json", "model.safetensors", "learning_curves.png", "confusion_matrix.png",
        "misclassified.png", "filters.png", "feature_maps.png", "spectrograms.png", "checkpoint.safetensors")) {
      assertTrue(Files.isRegularFile(run.resolve(file)), file + " missing");
    }
    JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
    assertEquals("tone4", metrics.path("test_voices").get(0).asText());
    assertEquals(8, metrics.path("epochs").size());
    assertEquals(summary.test().accuracy(), metrics.path("test_accuracy").asDouble(), 1e-9);
  }

  @Test
  void theOneDimensionalCnnHearsTheRawSamples() throws Exception {
    Path corpus = ToneCorpus.write(folder.resolve("tones"), 3);
    AudioSettings tones = settings(corpus);
    AudioSettings raw = new AudioSettings(AudioSettings.CNN1D, tones.dataDirectory(), tones.manifestSha256(), tones.features(),
        List.of(8, 16, 32), List.of(), 0, OptimizerChoice.ADAM, 0.01, Double.NaN, 0, 4, 1, TrainingControls.NONE);
    StringWriter printed = new StringWriter();
    Path run = folder.resolve("run1d");
    RunSummary summary = new AudioRun(run, new PrintWriter(printed), System.nanoTime()).train(SpokenDigitsCorpus.load(corpus), raw, 8);
    assertTrue(summary.test().accuracy() >= 0.8, "test accuracy " + summary.test().accuracy() + "\n" + printed);
    assertTrue(printed.toString().contains("model: cnn1d 16000 samples conv 8,16,32 (80/16, 3)"), printed::toString);
    assertTrue(Files.isRegularFile(run.resolve("model.safetensors")) && Files.isRegularFile(run.resolve("spectrograms.png")));
    assertThrows(IllegalArgumentException.class, () -> WaveformCnn.remaining(16000, 6));
  }

  @Test
  void resumesOnTheSameCorpusOnlyAndContinuesExactly() throws Exception {
    Path corpus = ToneCorpus.write(folder.resolve("tones"), 2);
    SpokenDigitsCorpus data = SpokenDigitsCorpus.load(corpus);
    PrintWriter quiet = new PrintWriter(new StringWriter());
    RunSummary straight = new AudioRun(folder.resolve("straight"), quiet, System.nanoTime()).train(data, settings(corpus), 2);
    Path halves = folder.resolve("halves");
    new AudioRun(halves, quiet, System.nanoTime()).train(data, settings(corpus), 1);
    RunSummary resumed = new AudioRun(halves, quiet, System.nanoTime()).resume(data, RunCheckpoint.read(halves), OptionalInt.of(2));
    assertEquals(straight.test().loss(), resumed.test().loss(), 1e-6, "a run resumed after epoch 1 ends where the straight one does");

    Files.writeString(corpus.resolve("manifest.csv"), Files.readString(corpus.resolve("manifest.csv")) + "\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AudioRun(halves, quiet, System.nanoTime()).resume(SpokenDigitsCorpus.load(corpus), RunCheckpoint.read(halves), OptionalInt.empty()));
    assertTrue(e.getMessage().contains("point --data-dir at the corpus it used"), e.getMessage());
  }

  @Test
  void featuresAreSpectrogramPicturesInTheUnitRange() throws Exception {
    Path corpus = ToneCorpus.write(folder.resolve("tones"), 1);
    var pictures = AudioFeatures.defaults(16000).of(SpokenDigitsCorpus.load(corpus).test());
    assertEquals(Shape.of(20, 32, 63), pictures.shape());
    assertEquals(1.0, pictures.max().item(), 1e-6);
    assertEquals(0.0, pictures.min().item(), 1e-6);
    // A 300 Hz tone is loudest in a low band: near the bottom row, as a spectrogram is drawn.
    long loudestRow = pictures.slice(0, 0, 1, 1).reshape(32, 63).max(1).argmax(0).getLong();
    assertTrue(loudestRow > 24, "loudest row " + loudestRow);
  }
}
