package dev.ruru.models.gan;

import dev.ruru.array.NDArray;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Greyscale images [n, rows, columns] with pixels in [0, 1] as one picture: a grid of {@code across}
 * images per row, each pixel drawn as a {@code scale}×{@code scale} block, separated by 2-pixel grey gaps.
 * Values outside [0, 1] are clipped.
 */
public final class ImageGrid {
  private static final int GAP = 2;
  private static final int GAP_GREY = 96;

  private ImageGrid() {}

  public static BufferedImage render(NDArray images, int across, int scale) {
    if (images.rank() != 3 || images.dim(0) < 1) {
      throw new IllegalArgumentException("ImageGrid: expected images [n, rows, columns] with n >= 1, got " + images.shape());
    }
    if (across < 1 || scale < 1) {
      throw new IllegalArgumentException("ImageGrid: images per row and scale must be at least 1, got " + across + " and " + scale);
    }
    int n = images.dim(0);
    int rows = images.dim(1);
    int columns = images.dim(2);
    int down = (n + across - 1) / across;
    int cellWidth = columns * scale + GAP;
    int cellHeight = rows * scale + GAP;
    BufferedImage picture = new BufferedImage(across * cellWidth + GAP, down * cellHeight + GAP, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = picture.getRaster();
    for (int y = 0; y < picture.getHeight(); y++) {
      for (int x = 0; x < picture.getWidth(); x++) {
        raster.setSample(x, y, 0, GAP_GREY);
      }
    }
    float[] pixels = images.toFloatArray();
    for (int k = 0; k < n; k++) {
      int left = GAP + (k % across) * cellWidth;
      int top = GAP + (k / across) * cellHeight;
      for (int r = 0; r < rows * scale; r++) {
        for (int c = 0; c < columns * scale; c++) {
          float value = pixels[(k * rows + r / scale) * columns + c / scale];
          raster.setSample(left + c, top + r, 0, Math.round(255 * Math.min(1f, Math.max(0f, value))));
        }
      }
    }
    return picture;
  }
}
