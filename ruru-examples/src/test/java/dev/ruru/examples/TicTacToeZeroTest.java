package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short run of the example (fast mode: 8 iterations, 10 games a table) learns, and writes its model and pictures. */
class TicTacToeZeroTest {
  @TempDir Path directory;

  @Test
  void shortRunLearnsToBeatRandomAndDrawsThePictures() throws Exception {
    StringWriter text = new StringWriter();
    TicTacToeZero.Summary summary = TicTacToeZero.run(8, 10, directory, new PrintWriter(text, true));
    assertTrue(summary.lastLoss() < summary.firstLoss() - 0.5, summary.firstLoss() + " -> " + summary.lastLoss());
    assertTrue(summary.againstRandom().total().score() >= 0.8, summary.againstRandom().table());
    assertTrue(text.toString().contains("alphazero-50 vs minimax"), text.toString());
    assertNotNull(ImageIO.read(directory.resolve("policy.png").toFile()));
    assertEquals(3 * 64 * 2 + 16, ImageIO.read(directory.resolve("policy.png").toFile()).getWidth());
    byte[] gif = Files.readAllBytes(directory.resolve("game.gif"));
    assertEquals("GIF89a", new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(new String(gif, java.nio.charset.StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0"), "the animation loops");
    assertTrue(Files.isRegularFile(directory.resolve("model.safetensors")));
  }
}
