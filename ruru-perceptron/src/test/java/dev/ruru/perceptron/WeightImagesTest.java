package dev.ruru.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class WeightImagesTest {

  @Test
  void coloursDivergeFromWhiteToRedAndBlue() {
    assertEquals(0xffffff, WeightImages.colour(0));
    assertEquals(0xff0000, WeightImages.colour(-1));
    assertEquals(0x0000ff, WeightImages.colour(1));
    assertEquals(0x8080ff, WeightImages.colour(0.5 - 0.5 / 255));   // half way to blue
    assertEquals(0xff0000, WeightImages.colour(-7));                 // clamped
  }

  @Test
  void drawsOneScaledTilePerClassInAGrid() {
    // Three classes of 2×2 weights; class 1 is all zero, class 2 has a single negative weight.
    NDArray weights = NDArray.of(new float[] {1, -1, 0.5f, 0, 0, 0, 0, 0, 0, 0, 0, -2}, 3, 4);

    BufferedImage image = WeightImages.render(weights, 2, 3);

    // 2 columns and 2 rows of 6-pixel tiles with 6-pixel gaps (gap = 2 · scale).
    assertEquals(6 + 2 * (6 + 6), image.getWidth());
    assertEquals(6 + 2 * (6 + 6), image.getHeight());
    assertEquals(WeightImages.GAP_RGB, image.getRGB(0, 0) & 0xffffff);
    // Class 0 at (6, 6): weight 1 blue, −1 red, 0.5 half blue, 0 white; each 3×3 pixels.
    assertEquals(0x0000ff, image.getRGB(6, 6) & 0xffffff);
    assertEquals(0x0000ff, image.getRGB(8, 8) & 0xffffff);
    assertEquals(0xff0000, image.getRGB(9, 6) & 0xffffff);
    assertEquals(WeightImages.colour(0.5), image.getRGB(6, 9) & 0xffffff);
    assertEquals(0xffffff, image.getRGB(9, 9) & 0xffffff);
    // Class 1 (all zero) at (18, 6) is white; class 2 at (6, 18) has red in its last pixel.
    assertEquals(0xffffff, image.getRGB(18, 6) & 0xffffff);
    assertEquals(0xffffff, image.getRGB(6, 18) & 0xffffff);
    assertEquals(0xff0000, image.getRGB(9, 21) & 0xffffff);
    // The unused fourth cell is gap colour.
    assertEquals(WeightImages.GAP_RGB, image.getRGB(20, 20) & 0xffffff);
  }

  @Test
  void refusesWeightsThatAreNotSquareImages() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WeightImages.render(NDArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), 5, 1));
    assertEquals("WeightImages.render: 3 features per class do not form a square image (28×28 images have 784)", e.getMessage());
  }
}
