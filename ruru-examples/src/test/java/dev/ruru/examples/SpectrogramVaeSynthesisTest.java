package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's fast mode: a 3-voice corpus, the VAE learns (its negative ELBO falls), speaks every digit, and the judge scores both. */
class SpectrogramVaeSynthesisTest {
  @Test
  void trainsSpeaksAndScores(@TempDir Path directory) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")) || System.getenv("CI") != null, "espeak-ng is not installed");
    StringWriter text = new StringWriter();
    SpectrogramVaeSynthesis.Result result = SpectrogramVaeSynthesis.fast(directory, new PrintWriter(text, true));
    double first = result.history().epochs().getFirst().train().get("negative_elbo");
    double last = result.history().epochs().getLast().train().get("negative_elbo");
    assertTrue(last < first, text::toString);
    assertEquals(20, result.generated().clips());
    assertEquals(20, result.real().clips());
    assertTrue(result.generated().inceptionScore() >= 1 && result.generated().inceptionScore() <= 10, text::toString);
    assertTrue(text.toString().contains("real test voices (ceiling)"), text::toString);
    for (String file : new String[] {"digit-0.wav", "digit-9.wav", "spectrograms.png"}) {
      assertTrue(Files.isRegularFile(directory.resolve(file)), file);
    }
  }
}
