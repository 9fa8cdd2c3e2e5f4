package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.io.Fuzz;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated PNG files (see {@link Fuzz}) either decode to a picture within the pixel bound, or fail with an
 * IllegalArgumentException or IIOException naming the file, allocating little either way.
 */
class PngFuzzTest {
  static final int INPUTS = 1500;
  private static final long MAX_PIXELS = 1 << 16;
  /** Beyond 64 bytes per input byte: a decoded picture of at most MAX_PIXELS at 4 bytes each, and the decoder's buffers. */
  private static final long ALLOCATION_BUDGET = 4 * MAX_PIXELS + (2L << 20);

  @TempDir Path dir;

  private static byte[] png(int width, int height, int type) throws IOException {
    BufferedImage picture = new BufferedImage(width, height, type);
    SplittableRandom random = new SplittableRandom(width * 31L + type);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        picture.setRGB(x, y, random.nextInt() | 0xFF000000);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(picture, "png", out);
    return out.toByteArray();
  }

  @Test
  @Timeout(60)
  void mutatedPngFilesDecodeOrFailNamingTheFile() throws IOException {
    List<byte[]> corpus = List.of(png(28, 28, BufferedImage.TYPE_BYTE_GRAY), png(12, 7, BufferedImage.TYPE_INT_RGB),
        png(9, 9, BufferedImage.TYPE_INT_ARGB), png(16, 4, BufferedImage.TYPE_BYTE_BINARY), InputImagesTest.png(3, 2, new byte[8]));
    Path file = dir.resolve("input.png");
    Fuzz.Report report = new Fuzz("png", corpus, 64, 59).run(INPUTS, input -> {
      Fuzz.overwrite(file, input);
      return InputImages.decode(file, MAX_PIXELS);
    }, result -> {
      BufferedImage picture = (BufferedImage) result;
      assertTrue(picture.getWidth() > 0 && picture.getHeight() > 0 && (long) picture.getWidth() * picture.getHeight() <= MAX_PIXELS);
    }, error -> error instanceof IllegalArgumentException || error instanceof IIOException, file.toString(), ALLOCATION_BUDGET);
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > INPUTS / 100 && report.refused() > INPUTS / 2, report::toString);
  }
}
