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
 * {@code ruru train --model wavenet --data-dir DIR} on a 3-voice corpus espeak-ng speaks, a tiny network
 * for an epoch, then {@code ruru generate --digit} into a WAV file, its errors, and --resume.
 */
class TrainWaveNetCommandTest {
  @TempDir
  static Path shared;
  static Path corpus;
  static Path model;
  static CommandRun training;

  @BeforeAll
  static void trainATinyWaveNet() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")) || System.getenv("CI") != null, "espeak-ng is not installed");
    corpus = shared.resolve("digits");
    CommandRun data = CommandRun.of("data", "spoken-digits", "--out", corpus.toString(), "--voices", "3");
    assertEquals(0, data.exitCode(), data::err);
    model = shared.resolve("wavenet");
    training = CommandRun.of("train", "--model", "wavenet", "--data-dir", corpus.toString(), "--residual-channels", "4", "--skip-channels", "8",
        "--dilation-layers", "3", "--stacks", "1", "--sample-rate", "4000", "--window", "64", "--epochs", "1", "--batch-size", "16", "--lr", "0.01",
        "--out", model.toString());
  }

  @Test
  void trainsAndSavesTheModelMetricsAndCurves() throws Exception {
    assertEquals(0, training.exitCode(), training::err);
    JsonNode metrics = new ObjectMapper().readTree(model.resolve("metrics.json").toFile());
    assertEquals("wavenet residual 4 skip 8 layers 3x1 digits 10 at 4000 Hz (receptive field 8)", metrics.get("model").asText());
    double loss = metrics.get("epochs").get(0).get("train_loss").asDouble();
    assertTrue(loss < Math.log(256), "below a uniform guess's ln 256 after an epoch: " + loss + "\n" + training.out());
    assertTrue(Files.isRegularFile(model.resolve("learning_curves.png")));
    assertTrue(training.out().contains("hear it with: ruru generate --model-dir " + model + " --digit 7 --out seven.wav"), training::out);
  }

  @Test
  void generatesTheAskedSecondsOfADigitIntoAWavFile() throws Exception {
    Path wav = shared.resolve("seven.wav");
    CommandRun run = CommandRun.of("generate", "--model-dir", model.toString(), "--digit", "7", "--seconds", "0.25", "--temperature", "0.9",
        "--out", wav.toString());
    assertEquals(0, run.exitCode(), run::err);
    Waveform sound = WavFile.read(wav);
    assertEquals(4000, sound.sampleRate());
    assertEquals(1000, sound.frames());
    assertTrue(run.out().startsWith("wrote 0.25 s of digit 7 (1000 samples at 4000 Hz"), run::out);
  }

  @Test
  void aDigitOutsideZeroToNineAndOtherModelsOptionsAreClearErrors() {
    CommandRun twelve = CommandRun.of("generate", "--model-dir", model.toString(), "--digit", "12");
    assertEquals(2, twelve.exitCode(), twelve::out);
    assertTrue(twelve.err().contains("--digit 12: outside 0..9; the model speaks the digits 0 to 9"), twelve::err);
    CommandRun missing = CommandRun.of("generate", "--model-dir", model.toString());
    assertTrue(missing.err().contains("--digit is required for the WaveNet in " + model), missing::err);
    CommandRun prompt = CommandRun.of("generate", "--model-dir", model.toString(), "--digit", "1", "--prompt", "hello");
    assertTrue(prompt.err().contains("--prompt does not apply to the WaveNet in " + model), prompt::err);
    CommandRun noData = CommandRun.of("train", "--model", "wavenet", "--out", shared.resolve("none").toString());
    assertTrue(noData.err().contains("--model wavenet needs --data-dir DIR, a spoken-digit corpus; build one with: ruru data spoken-digits"),
        noData::err);
    CommandRun hidden = CommandRun.of("train", "--model", "wavenet", "--data-dir", corpus.toString(), "--hidden", "3");
    assertTrue(hidden.err().contains("--hidden does not apply to --model wavenet"), hidden::err);
  }

  @Test
  void resumeContinuesTheRunToMoreEpochs() throws Exception {
    Path copy = shared.resolve("resumed");
    CommandRun first = CommandRun.of("train", "--model", "wavenet", "--data-dir", corpus.toString(), "--residual-channels", "4",
        "--skip-channels", "8", "--dilation-layers", "2", "--stacks", "1", "--sample-rate", "2000", "--window", "32", "--epochs", "1",
        "--out", copy.toString());
    assertEquals(0, first.exitCode(), first::err);
    CommandRun resumed = CommandRun.of("train", "--model", "wavenet", "--data-dir", corpus.toString(), "--resume", "--epochs", "2",
        "--out", copy.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().contains(" after epoch 1 of "), resumed::out);
    assertEquals(2, new ObjectMapper().readTree(copy.resolve("metrics.json").toFile()).get("epochs").size());
  }
}
