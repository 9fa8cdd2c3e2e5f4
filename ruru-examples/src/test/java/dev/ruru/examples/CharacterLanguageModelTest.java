package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example runs, learns (after two epochs, perplexity below 12, where character frequencies alone give 22.6) and samples. */
class CharacterLanguageModelTest {
  @Test
  void learnsTheTextAndSamplesFromIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    double loss = CharacterLanguageModel.run(2, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(Math.exp(loss) < 12, "validation perplexity " + Math.exp(loss) + "\n" + out);
    assertTrue(out.contains("epoch 2: train loss") && out.contains("temperature 0.5, top-k 8:\nThe Rays of Light "), out);
  }
}
