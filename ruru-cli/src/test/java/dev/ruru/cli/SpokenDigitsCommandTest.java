package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ruru data spoken-digits: a 3-voice corpus (60 clips, seconds), and the install command when espeak-ng is missing. */
class SpokenDigitsCommandTest {
  @TempDir
  Path directory;

  @Test
  void buildsASmallCorpus() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")) || System.getenv("CI") != null, "espeak-ng is not installed");
    Path out = directory.resolve("digits");
    CommandRun run = CommandRun.of("data", "spoken-digits", "--out", out.toString(), "--voices", "3");
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("done: 20 train, 20 validation, 20 test clips (1 test voices never heard in training)"), run::out);
    assertTrue(run.out().endsWith("next: ruru train --model audio-cnn --data-dir " + out + "\n"), run::out);
    assertTrue(Files.isRegularFile(out.resolve("manifest.csv")));
  }

  @Test
  void failsWithTheInstallCommandWhenEspeakIsMissing() {
    CommandRun run = CommandRun.of("data", "spoken-digits", "--out", directory.toString(), "--espeak", directory.resolve("none").toString());
    assertEquals(2, run.exitCode(), run::out);
    assertEquals("ruru data spoken-digits: espeak-ng: the speech synthesiser is not installed; looked for "
        + directory.resolve("none") + "; install it with: apt-get install -y espeak-ng (Debian/Ubuntu, as root)\n", run.err());
  }

  @Test
  void refusesTooFewVoices() {
    CommandRun run = CommandRun.of("data", "spoken-digits", "--out", directory.toString(), "--voices", "2", "--espeak", "/bin/true");
    assertEquals(2, run.exitCode(), run::out);
    assertTrue(run.err().contains("the number of voices must be in [3, 112]; got 2"), run::err);
  }
}
