package dev.ruru.array.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all or nothing: the content goes to a hidden temporary file beside the target, is forced
 * to disk, and is renamed over the target in one atomic step. A reader (or a run resumed after a crash)
 * sees the old file or the new one, never half of one; a failed write removes its temporary file.
 *
 * <pre>{@code
 * AtomicFile.write(dir.resolve("checkpoint.safetensors"), out -> out.write(bytes));
 * AtomicFile.writeString(dir.resolve("metrics.json"), json);
 * }</pre>
 */
public final class AtomicFile {
  /** What to write; the stream is buffered, and closed by {@link #write}, not by the body. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /** Writes what {@code body} produces to {@code target}, replacing it atomically; parent directories are created. */
  public static void write(Path target, Body body) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    // Same directory, so the rename never crosses file systems; a dot name keeps it out of listings.
    String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + random + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
           OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Writes {@code text} as UTF-8, atomically. */
  public static void writeString(Path target, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(target, out -> out.write(bytes));
  }
}
