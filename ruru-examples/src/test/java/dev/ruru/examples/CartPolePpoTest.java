package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast mode: 10,240 steps (40 iterations) already lift the mean return well above a random policy's. */
class CartPolePpoTest {
  @TempDir Path directory;

  @Test void aShortRunLearnsAndDrawsItsPictures() throws IOException {
    StringWriter text = new StringWriter();
    CartPolePpo.Outcome outcome = CartPolePpo.run(10_240, 3, directory, new PrintWriter(text, true));
    // Seed 1: the first 20 episodes average 19.6, the last 20 135.4.
    assertTrue(outcome.lastMeanReturn() > outcome.firstMeanReturn() + 75, outcome.toString());
    assertTrue(text.toString().contains("iteration 40: 10240 steps"), text.toString());
    assertTrue(Files.size(directory.resolve("returns.png")) > 1000);
    assertTrue(Files.size(directory.resolve("best-episode.gif")) > 1000);
  }
}
