package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ruru train --model audio-cnn --data-dir DIR} on a 3-voice corpus: trains, reports, resumes; and its option errors. */
class TrainAudioCommandTest {
  @TempDir
  Path directory;

  @Test
  void trainsOnASmallCorpusAndResumes() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")) || System.getenv("CI") != null, "espeak-ng is not installed");
    Path corpus = directory.resolve("digits");
    assertEquals(0, CommandRun.of("data", "spoken-digits", "--out", corpus.toString(), "--voices", "3").exitCode());
    Path out = directory.resolve("run");
    CommandRun run = CommandRun.of("train", "--model", "audio-cnn", "--data-dir", corpus.toString(), "--epochs", "1", "--channels", "4,8",
        "--hidden", "16", "--batch-size", "10", "--out", out.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("test 20 (1 voices, never heard in training)"), run::out);
    assertTrue(Files.isRegularFile(out.resolve("spectrograms.png")));
    assertTrue(Files.isRegularFile(out.resolve("confusion_matrix.png")));

    CommandRun resumed = CommandRun.of("train", "--resume", "--epochs", "2", "--out", out.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().contains("resuming " + out.resolve("checkpoint.safetensors") + " after epoch 1 of 2"), resumed::out);
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertEquals(2, metrics.get("epochs").size());
    assertEquals("audio-cnn", metrics.get("task").asText());
    // WaveGAN's measure on the real test clips: the ceiling a generator's clips are compared with.
    CommandRun scored = CommandRun.of("eval", "--model-dir", out.toString(), "--generated", corpus.resolve("test").toString());
    assertEquals(0, scored.exitCode(), scored::err);
    assertTrue(scored.out().startsWith("20 clips: the classifier hears the intended digit in "), scored::out);

    Path raw = directory.resolve("raw");
    CommandRun oneD = CommandRun.of("train", "--model", "audio-cnn1d", "--data-dir", corpus.toString(), "--epochs", "1", "--channels", "4,8",
        "--batch-size", "10", "--out", raw.toString());
    assertEquals(0, oneD.exitCode(), oneD::err);
    assertTrue(oneD.out().contains("model: cnn1d 16000 samples conv 4,8 (80/16, 3)"), oneD::out);
    assertEquals("audio-cnn1d", new ObjectMapper().readTree(raw.resolve("metrics.json").toFile()).get("task").asText());
    for (Path model : new Path[] {out, raw}) {
      evaluatesOnTheTestVoicesAndPredictsAWavFile(model, corpus);
    }
  }

  /** ruru eval scores the corpus's test voices as training did; ruru predict names a digit for a WAV file at another rate. */
  private void evaluatesOnTheTestVoicesAndPredictsAWavFile(Path model, Path corpus) throws Exception {
    CommandRun eval = CommandRun.of("eval", "--model-dir", model.toString());
    assertEquals(0, eval.exitCode(), eval::err);
    double trained = new ObjectMapper().readTree(model.resolve("metrics.json").toFile()).get("test_accuracy").asDouble();
    assertTrue(eval.out().contains(String.format(java.util.Locale.ROOT, "accuracy %.2f%% (top-2", 100 * trained))
        && eval.out().contains("on 20 clips"), () -> trained + "\n" + eval.out());
    assertTrue(eval.out().contains("data: the test voices of " + corpus), eval::out);
    Path test = corpus.resolve("test");
    Path clip;
    try (var files = Files.walk(test)) {
      clip = files.filter(file -> file.getFileName().toString().equals("3-0.wav")).findFirst().orElseThrow();
    }
    dev.ruru.data.audio.Waveform sound = dev.ruru.data.audio.WavFile.read(clip);
    Path slow = directory.resolve("three-8k.wav");
    dev.ruru.data.audio.WavFile.write(slow, dev.ruru.data.audio.Resampler.between(16000, 8000).apply(sound, 8000));
    CommandRun predict = CommandRun.of("predict", "--model-dir", model.toString(), "--input", clip.toString(), slow.toString());
    assertEquals(0, predict.exitCode(), predict::err);
    String[] lines = predict.out().split("\n");
    assertEquals(2, lines.length, predict::out);
    assertTrue(lines[0].matches(java.util.regex.Pattern.quote(clip.toString()) + ": [a-z]+ [0-9.]+%, [a-z]+ [0-9.]+%, [a-z]+ [0-9.]+%"),
        predict::out);
    assertTrue(lines[1].startsWith(slow + ": "), predict::out);
  }

  @Test
  void needsACorpusAndRefusesOptionsOfOtherFamilies() {
    CommandRun missing = CommandRun.of("train", "--model", "audio-cnn", "--out", directory.toString());
    assertEquals(2, missing.exitCode());
    assertEquals("ruru train: --model audio-cnn needs --data-dir DIR, a spoken-digit corpus; build one with: ruru data spoken-digits"
        + " --out DIR\n", missing.err());
    CommandRun split = CommandRun.of("train", "--model", "audio-cnn", "--data-dir", directory.toString(), "--validation-split", "0.2");
    assertEquals(2, split.exitCode());
    assertTrue(split.err().startsWith("ruru train: --validation-split does not apply to --model audio-cnn"), split::err);
    CommandRun mels = CommandRun.of("train", "--model", "audio-cnn1d", "--data-dir", directory.toString(), "--mels", "40");
    assertTrue(mels.err().startsWith("ruru train: --mels does not apply to --model audio-cnn1d"), mels::err);
    CommandRun empty = CommandRun.of("train", "--model", "audio-cnn", "--data-dir", directory.toString(), "--out", directory.resolve("r").toString());
    assertTrue(empty.err().contains("no manifest.csv here, so no complete corpus; build one with: ruru data spoken-digits --out "), empty::err);
  }
}
