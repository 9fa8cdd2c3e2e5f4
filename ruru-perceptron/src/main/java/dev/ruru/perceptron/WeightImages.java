package dev.ruru.perceptron;

import dev.ruru.array.NDArray;
import java.awt.image.BufferedImage;

/**
 * Pictures of what a perceptron "sees": each class's weight vector drawn as a square image, in a grid.
 *
 * <p>A weight vector of {@code side²} values becomes a {@code side × side} tile (for 28×28 images, 784
 * weights), enlarged {@code scale} times. Colours diverge from white at 0: blue where the weight is
 * positive (ink there argues for the class), red where it is negative (ink there argues against), each
 * tile scaled by its own largest |weight| so every class uses the full range. Tiles run left to right,
 * top to bottom, in class order, separated by grey gaps.
 *
 * <pre>{@code
 * BufferedImage picture = WeightImages.render(model.weights(), 5, 4);   // 10 classes: 2 rows of 5 tiles
 * ImageIO.write(picture, "png", file);
 * }</pre>
 */
public final class WeightImages {
  /** The colour between and around the tiles. */
  static final int GAP_RGB = 0x9a9a9a;

  private WeightImages() {}

  /**
   * A grid of {@code columns} tiles per row, one per row of {@code weights} {@code [classes, side²]}.
   *
   * @param scale pixels per weight along each axis, at least 1
   */
  public static BufferedImage render(NDArray weights, int columns, int scale) {
    if (weights.rank() != 2 || weights.dim(0) < 1) {
      throw new IllegalArgumentException("WeightImages.render: expected weights [classes, features], got " + weights.shape());
    }
    int side = (int) Math.round(Math.sqrt(weights.dim(1)));
    if (side * side != weights.dim(1)) {
      throw new IllegalArgumentException("WeightImages.render: " + weights.dim(1)
          + " features per class do not form a square image (28×28 images have 784)");
    }
    if (columns < 1 || scale < 1) {
      throw new IllegalArgumentException("WeightImages.render: columns and scale must be at least 1, got " + columns + " and " + scale);
    }
    int classes = weights.dim(0);
    int gridColumns = Math.min(columns, classes);
    int gridRows = (classes + gridColumns - 1) / gridColumns;
    int tile = side * scale;
    int gap = Math.max(2, scale * 2);
    BufferedImage image = new BufferedImage(gap + gridColumns * (tile + gap), gap + gridRows * (tile + gap), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, GAP_RGB);
      }
    }
    float[] values = weights.toFloatArray();
    for (int c = 0; c < classes; c++) {
      int left = gap + (c % gridColumns) * (tile + gap);
      int top = gap + (c / gridColumns) * (tile + gap);
      drawTile(image, values, c * side * side, side, scale, left, top);
    }
    return image;
  }

  /** One class's weights from {@code values[start...]} as a {@code side × side} tile at (left, top). */
  private static void drawTile(BufferedImage image, float[] values, int start, int side, int scale, int left, int top) {
    double largest = 0;
    for (int i = 0; i < side * side; i++) {
      largest = Math.max(largest, Math.abs(values[start + i]));
    }
    for (int row = 0; row < side; row++) {
      for (int column = 0; column < side; column++) {
        double weight = values[start + row * side + column];
        int rgb = colour(largest == 0 ? 0 : weight / largest);
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            image.setRGB(left + column * scale + dx, top + row * scale + dy, rgb);
          }
        }
      }
    }
  }

  /** The diverging colour of {@code t} in [-1, 1]: red at -1, white at 0, blue at 1. */
  static int colour(double t) {
    double clamped = Math.max(-1, Math.min(1, Double.isNaN(t) ? 0 : t));
    int fade = (int) Math.round(255 * (1 - Math.abs(clamped)));
    return clamped < 0 ? (255 << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 255;
  }
}
