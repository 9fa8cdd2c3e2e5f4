package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.data.audio.WavFile;
import dev.ruru.data.audio.Waveform;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ruru train --model spec-vae --data-dir DIR} on a 3-voice corpus espeak-ng speaks, a small VAE for two
 * epochs; {@code ruru generate --digit} into one WAV file or, with --samples, into a folder that {@code ruru eval
 * --generated} reads; its errors; and --resume.
 */
class TrainSpectrogramVaeCommandTest {
  @TempDir
  static Path shared;
  static Path corpus;
  static Path model;
  static CommandRun training;

  @BeforeAll
  static void trainASmallVae() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")) || System.getenv("CI") != null, "espeak-ng is not installed");
    corpus = shared.resolve("digits");
    CommandRun data = CommandRun.of("data", "spoken-digits", "--out", corpus.toString(), "--voices", "3");
    assertEquals(0, data.exitCode(), data::err);
    model = shared.resolve("spec-vae");
    training = CommandRun.of("train", "--model", "spec-vae", "--data-dir", corpus.toString(), "--latent", "4", "--hidden", "32", "--mels", "32",
        "--epochs", "2", "--batch-size", "8", "--out", model.toString());
  }

  @Test
  void trainsAndSavesTheModelMetricsAndCurves() throws Exception {
    assertEquals(0, training.exitCode(), training::err);
    JsonNode metrics = new ObjectMapper().readTree(model.resolve("metrics.json").toFile());
    assertEquals("spectrogram vae 2016-32-4, conditional on 10 classes over 32x63 log-mel pictures", metrics.get("model").asText());
    JsonNode epochs = metrics.get("epochs");
    assertEquals(2, epochs.size());
    assertTrue(epochs.get(1).get("train_negative_elbo").asDouble() < epochs.get(0).get("train_negative_elbo").asDouble(), training::out);
    assertTrue(metrics.get("test").get("negative_elbo").asDouble() > 0, training::out);
    assertTrue(Files.isRegularFile(model.resolve("learning_curves.png")));
    assertTrue(training.out().contains("hear it with: ruru generate --model-dir " + model + " --digit 7 --out seven.wav"), training::out);
  }

  @Test
  void generatesOneClipOrAFolderOfClipsThatEvalReads() throws Exception {
    Path wav = shared.resolve("seven.wav");
    CommandRun one = CommandRun.of("generate", "--model-dir", model.toString(), "--digit", "7", "--out", wav.toString());
    assertEquals(0, one.exitCode(), one::err);
    Waveform sound = WavFile.read(wav);
    assertEquals(16000, sound.sampleRate());
    assertEquals(16000, sound.frames());
    assertTrue(one.out().startsWith("wrote 1 clip of digit 7 (1.00 s at 16000 Hz each; Griffin-Lim 32 iterations;"), one::out);
    Path folder = shared.resolve("generated");
    CommandRun many = CommandRun.of("generate", "--model-dir", model.toString(), "--digit", "3", "--samples", "3", "--temperature", "0.5",
        "--out", folder.toString());
    assertEquals(0, many.exitCode(), many::err);
    for (int i = 0; i < 3; i++) {
      assertEquals(16000, WavFile.read(folder.resolve("3-" + i + ".wav")).frames());
    }
    CommandRun classifier = CommandRun.of("train", "--model", "audio-cnn", "--data-dir", corpus.toString(), "--epochs", "1", "--channels", "4,8",
        "--hidden", "16", "--out", shared.resolve("classifier").toString());
    assertEquals(0, classifier.exitCode(), classifier::err);
    CommandRun scored = CommandRun.of("eval", "--model-dir", shared.resolve("classifier").toString(), "--generated", folder.toString());
    assertEquals(0, scored.exitCode(), scored::err);
    assertTrue(scored.out().startsWith("3 clips: the classifier hears the intended digit in "), scored::out);
  }

  @Test
  void aDigitOutsideZeroToNineAndOtherModelsOptionsAreClearErrors() {
    CommandRun twelve = CommandRun.of("generate", "--model-dir", model.toString(), "--digit", "12");
    assertEquals(2, twelve.exitCode(), twelve::out);
    assertTrue(twelve.err().contains("--digit 12: outside 0..9; the model speaks the digits 0 to 9"), twelve::err);
    CommandRun missing = CommandRun.of("generate", "--model-dir", model.toString());
    assertTrue(missing.err().contains("--digit is required for the spectrogram VAE in " + model), missing::err);
    CommandRun seconds = CommandRun.of("generate", "--model-dir", model.toString(), "--digit", "1", "--seconds", "2");
    assertTrue(seconds.err().contains("--seconds does not apply to the spectrogram VAE in " + model), seconds::err);
    CommandRun noData = CommandRun.of("train", "--model", "spec-vae", "--out", shared.resolve("none").toString());
    assertTrue(noData.err().contains("--model spec-vae needs --data-dir DIR, a spoken-digit corpus; build one with: ruru data spoken-digits"),
        noData::err);
    CommandRun channels = CommandRun.of("train", "--model", "spec-vae", "--data-dir", corpus.toString(), "--channels", "3");
    assertTrue(channels.err().contains("--channels does not apply to --model spec-vae"), channels::err);
  }

  @Test
  void resumeContinuesTheRunToMoreEpochs() throws Exception {
    Path copy = shared.resolve("resumed");
    CommandRun first = CommandRun.of("train", "--model", "spec-vae", "--data-dir", corpus.toString(), "--latent", "2", "--hidden", "16",
        "--mels", "16", "--epochs", "1", "--out", copy.toString());
    assertEquals(0, first.exitCode(), first::err);
    CommandRun resumed = CommandRun.of("train", "--model", "spec-vae", "--resume", "--epochs", "2", "--out", copy.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().contains(" after epoch 1 of "), resumed::out);
    assertEquals(2, new ObjectMapper().readTree(copy.resolve("metrics.json").toFile()).get("epochs").size());
  }
}
