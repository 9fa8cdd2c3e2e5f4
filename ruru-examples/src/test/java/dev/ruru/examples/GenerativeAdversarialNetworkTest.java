package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's fast mode runs, draws its grid and GIF, and measures its samples between the floor and noise. */
class GenerativeAdversarialNetworkTest {
  @Test
  void trainsDrawsAndMeasures(@TempDir Path directory) throws Exception {
    StringWriter text = new StringWriter();
    GenerativeAdversarialNetwork.Result result = GenerativeAdversarialNetwork.fast(directory, new PrintWriter(text, true));
    assertTrue(Files.isRegularFile(directory.resolve("samples/epoch-001.png")) && Files.isRegularFile(directory.resolve("samples.gif")));
    assertTrue(result.floor().frechetDistance() < result.noise().frechetDistance(), text::toString);
    assertTrue(Double.isFinite(result.samples().frechetDistance()) && result.samples().classifierScore() >= 1, text::toString);
    assertTrue(text.toString().contains("d_real") && text.toString().contains("d_fake"), text::toString);
  }
}
