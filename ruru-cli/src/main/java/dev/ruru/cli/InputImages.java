package dev.ruru.cli;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npy;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

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
  /**
   * The most pixels a picture may declare: 8192 × 8192. Decoding allocates its width × height before it
   * reads a pixel, so a 100-byte PNG declaring 100000 × 100000 would ask for tens of gigabytes.
   */
  static final long MAX_PIXELS = 8192L * 8192;

  private InputImages() {}

  /**
   * The images in {@code file} as float32 {@code [n, rows, columns]} for a model taking {@code shape = [rows, columns]}.
   *
   * @throws NoSuchFileException if there is no such file, {@link AccessDeniedException} if it cannot be read:
   *     messages that say so, where the JDK's name only the path
   */
  static NDArray read(Path file, List<Integer> shape) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file (an input to classify: a .npy array or a picture)");
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + ": is a directory; --input takes .npy arrays or pictures (PNG, JPEG)");
    }
    if (!Files.isReadable(file)) {
      throw new AccessDeniedException(file.toString(), null, "cannot read the input: permission denied");
    }
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
    BufferedImage picture = decode(file);
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

  /**
   * The picture in {@code file}, its declared size checked against {@link #MAX_PIXELS} from the header
   * before any pixel is decoded; a decoder's failure is reported with the file and the decoder's reason.
   */
  static BufferedImage decode(Path file) throws IOException {
    return decode(file, MAX_PIXELS);
  }

  /** As {@link #decode(Path)}, refusing more than {@code maxPixels} (tests use a small bound). */
  static BufferedImage decode(Path file, long maxPixels) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IllegalArgumentException(file + " is not an image this Java can read (PNG, JPEG, GIF, BMP) nor a .npy file");
      }
      ImageReader reader = readers.next();
      String format = reader.getFormatName().toUpperCase(Locale.ROOT);
      try {
        reader.setInput(in, true, true);
        checkSize(file, format, reader, maxPixels);
        return reader.read(0);
      } catch (IIOException | IllegalStateException | IndexOutOfBoundsException e) {
        throw new IIOException(file + ": cannot decode the " + format + " image: " + reasons(e), e);
      } finally {
        reader.dispose();
      }
    }
  }

  /** Reads only the header's width and height, and refuses more than {@code maxPixels} of them. */
  private static void checkSize(Path file, String format, ImageReader reader, long maxPixels) throws IOException {
    long width = reader.getWidth(0);
    long height = reader.getHeight(0);
    if (width * height > maxPixels) {
      throw new IllegalArgumentException(file + ": the " + format + " image declares " + width + " x " + height + " pixels ("
          + width * height + "), more than the " + maxPixels + (maxPixels == MAX_PIXELS ? " (8192 x 8192)" : "")
          + " read here; scale it down first");
    }
  }

  /** The exception's message and its causes': ImageIO's own can be just "Caught exception during read: ". */
  private static String reasons(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
      text.append(text.isEmpty() ? "" : text.toString().endsWith(":") ? " " : ": ").append(message);
    }
    return text.toString();
  }
}
