package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's fast mode: a 3-voice corpus (60 clips), its features, Griffin-Lim, and one epoch of the CNN. */
class SpokenDigitClassifierTest {
  @Test
  void buildsACorpusShowsItsFeaturesAndTrains(@TempDir Path folder) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")) || System.getenv("CI") != null, "espeak-ng is not installed");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    double accuracy = SpokenDigitClassifier.run(folder.resolve("digits"), 3, 1, folder.resolve("out"),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(accuracy >= 0 && accuracy <= 1, text);
    assertTrue(text.contains("one clip: 16000 samples -> STFT [257, 126] (bins, frames) -> log-mel [40, 126] -> MFCC [13, 126]"), text);
    assertTrue(text.contains("test accuracy"), text);
    for (String file : new String[] {"original.wav", "heard-back.wav", "spectrograms.png"}) {
      assertTrue(Files.isRegularFile(folder.resolve("out").resolve(file)), file);
    }
  }
}
