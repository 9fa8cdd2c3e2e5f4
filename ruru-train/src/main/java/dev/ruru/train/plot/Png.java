package dev.ruru.train.plot;

import dev.ruru.array.io.AtomicFile;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes pictures as PNG files, atomically: a reader never sees half a picture. */
public final class Png {
  private Png() {}

  /** Encodes {@code image} as PNG into {@code file} (a temporary file renamed over it). */
  public static void write(Path file, RenderedImage image) throws IOException {
    AtomicFile.write(file, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("png: no PNG encoder in this JVM for " + file);
      }
    });
  }
}
