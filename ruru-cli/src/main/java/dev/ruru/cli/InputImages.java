package dev.ruru.cli;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npy;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Reads the inputs of {@code ruru predict} as a batch of greyscale images {@code [n, rows, columns]} with
 * values in [0, 1], the form the MNIST-format models are trained on:
 * <ul>
 *   <li>{@code .npy}: one image {@code [rows, columns]} or a batch {@code [n, rows, columns]}; floating
 *       values are taken as they are, integer ones as 0..255 pixel values and divided by 255;</li>
 *   <li>{@code .png} (or any format ImageIO reads): converted to grey (the luminance) and, when its size
 *       differs, scaled to the model's. MNIST images are light strokes on black: a dark object on white
 *       must be inverted first.</li>
 * </ul>
 */
final class InputImages {
  private InputImages() {}

  /** The images in {@code file} as float32 {@code [n, rows, columns]} for a model taking {@code shape = [rows, columns]}. */
  static NDArray read(Path file, List<Integer> shape) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".npy") ? fromNpy(file, shape) : fromPicture(file, shape.get(0), shape.get(1));
  }

  private static NDArray fromNpy(Path file, List<Integer> shape) throws IOException {
    NDArray array = Npy.read(file);
    NDArray batch = array.rank() == shape.size() ? array.unsqueeze(0) : array;
    List<Integer> given = java.util.Arrays.stream(batch.shape().dims()).boxed().toList();
    if (given.size() != shape.size() + 1 || !given.subList(1, given.size()).equals(shape)) {
      throw new IllegalArgumentException(file + " holds an array of shape " + array.shape() + "; the model takes images "
          + shape + " (or a batch [n, " + shape.get(0) + ", " + shape.get(1) + "])");
    }
    return batch.dtype().isFloating() ? batch.astype(DType.FLOAT32) : batch.astype(DType.FLOAT32).div(255);
  }

  private static NDArray fromPicture(Path file, int rows, int columns) throws IOException {
    BufferedImage picture = ImageIO.read(file.toFile());
    if (picture == null) {
      throw new IllegalArgumentException(file + " is not an image this Java can read (PNG, JPEG, GIF, BMP) nor a .npy file");
    }
    BufferedImage grey = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D graphics = grey.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    graphics.drawImage(picture, 0, 0, columns, rows, null);
    graphics.dispose();
    float[] pixels = new float[rows * columns];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < columns; x++) {
        pixels[y * columns + x] = grey.getRaster().getSample(x, y, 0) / 255f;
      }
    }
    return NDArray.of(pixels, 1, rows, columns);
  }
}
