package dev.ruru.array.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all or nothing: the content goes to a temporary file beside the target, is forced to disk,
 * and is then renamed over the target in one atomic step. A reader sees the old file or the new one, never
 * half of one, and a failed write removes its temporary file.
 */
final class AtomicWrite {
  /** What to write; the stream is buffered, and closed by {@link #write}, not by the body. */
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicWrite() {}

  static void write(Path target, Body body) throws IOException {
    Path absolute = target.toAbsolutePath();
    // Same directory, so the rename never crosses file systems; a dot name keeps it out of listings.
    String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + random + ".tmp");
    try {
      // Not Files.createTempFile: it makes the file private (0600), and the result should get the usual mode.
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
           OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
