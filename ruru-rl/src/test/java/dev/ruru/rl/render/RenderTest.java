package dev.ruru.rl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.train.plot.AnimatedGif;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderTest {
  private static final int WHITE = 0xFFFFFF;

  @Test void anUprightPoleStandsAboveTheCartAndATiltedOneLeans() {
    CartPoleDrawing drawing = new CartPoleDrawing(600, 400);
    BufferedImage upright = drawing.draw(new double[] {0, 0, 0, 0}, "");
    BufferedImage leaning = drawing.draw(new double[] {0, 0, 0.5, 0}, "");
    // 600 px span 4.8 units: the pole (1 unit) reaches 125 px above the axle at x = 300.
    int axleY = (int) (400 * 0.75 - 30 / 4.0);
    assertNotEquals(WHITE, upright.getRGB(300, axleY - 100) & WHITE);
    assertEquals(WHITE, leaning.getRGB(300, axleY - 100) & WHITE);
    assertNotEquals(WHITE, leaning.getRGB(300 + (int) (100 * Math.sin(0.5)), axleY - (int) (100 * Math.cos(0.5))) & WHITE);
  }

  @Test void theCartMovesWithX() {
    CartPoleDrawing drawing = new CartPoleDrawing(600, 400);
    int cartY = (int) (400 * 0.75);
    assertEquals(WHITE, drawing.draw(new double[] {0, 0, 0, 0}, "").getRGB(300 + 125, cartY + 10) & WHITE);
    assertNotEquals(WHITE, drawing.draw(new double[] {1, 0, 0, 0}, "").getRGB(300 + 125, cartY + 10) & WHITE);
  }

  @Test void anEpisodeGifHoldsEveryFrame(@TempDir Path directory) throws Exception {
    CartPoleDrawing drawing = new CartPoleDrawing(120, 80);
    List<BufferedImage> frames = List.of(drawing.draw(new double[] {0, 0, 0, 0}, "0"), drawing.draw(new double[] {0.5, 0, 0.1, 0}, "1"),
        drawing.draw(new double[] {1, 0, 0.2, 0}, "2"));
    Path file = directory.resolve("episode.gif");
    AnimatedGif.write(file, frames, 40);
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      assertEquals(3, reader.getNumImages(true));
      assertEquals(120, reader.read(2).getWidth());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(file, List.of(), 40));
    assertEquals("AnimatedGif: no frames to write to " + file, e.getMessage());
  }

  @Test void theReturnCurveIsAPicture() {
    BufferedImage image = ReturnCurve.render("t", new long[] {10, 20, 30}, new double[] {10, 20, 30}, 2, 25);
    assertEquals(800, image.getWidth());
    assertThrows(IllegalArgumentException.class, () -> ReturnCurve.render("t", new long[] {1}, new double[] {1, 2}, 2, 25));
  }
}
