package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's fast mode learns its tones, draws the same samples both ways (the queues faster), and writes WAVs and the picture. */
class WaveNetSynthesisTest {
  @Test
  void trainsSpeaksAndDraws(@TempDir Path directory) throws Exception {
    StringWriter text = new StringWriter();
    WaveNetSynthesis.Result result = WaveNetSynthesis.fast(directory, new PrintWriter(text, true));
    double first = result.history().epochs().getFirst().trainLoss();
    double last = result.history().epochs().getLast().trainLoss();
    assertTrue(last < first && last < Math.log(256), text::toString);
    assertTrue(result.sameSamples(), text::toString);
    assertTrue(result.cachedPerSecond() > result.recomputedPerSecond(), text::toString);
    assertTrue(Files.isRegularFile(directory.resolve("digit-1.wav")) && Files.isRegularFile(directory.resolve("waveforms.png")));
  }
}
