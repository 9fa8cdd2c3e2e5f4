package dev.ruru.array.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file all or nothing: the content goes to a hidden temporary file beside the target, is forced
 * to disk, and is renamed over the target in one atomic step, and the directory is forced to disk too, so
 * the rename survives a power cut. A reader (or a run resumed after a crash) sees the old file or the new
 * one, never half of one; a failed write removes its temporary file.
 *
 * <p>A process killed mid-write cannot remove its temporary file, and a training run killed every so often
 * left one 21 MiB {@code .checkpoint.safetensors.*.tmp} per kill. So each write first removes the temporary
 * files of earlier writes to the same target that are certainly abandoned: named
 * {@code .TARGET.PID.RANDOM.tmp} by a process that no longer runs (or {@code .TARGET.RANDOM.tmp}, the name
 * older versions used), and last modified before this process started. A concurrent writer's file is kept:
 * its process is alive, or it was modified since.
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
    removeAbandonedTemporaries(absolute);
    // Same directory, so the rename never crosses file systems; a dot name keeps it out of listings; the
    // pid says whose it is, the random part keeps two threads of one process apart.
    String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    long pid = ProcessHandle.current().pid();
    Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + pid + "." + random + ".tmp");
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
    forceDirectory(absolute.getParent());
  }

  /** Writes {@code text} as UTF-8, atomically. */
  public static void writeString(Path target, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(target, out -> out.write(bytes));
  }

  /**
   * Forces the directory entry of the rename to disk (fsync of the directory, which POSIX requires for a
   * rename to be durable). Some systems refuse to open or force a directory (Windows, some network file
   * systems); the rename has happened all the same, so that is not an error.
   */
  static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException refused) {
      // Durability is best effort where the platform offers no way to sync a directory.
    }
  }

  /**
   * Deletes the temporary files of earlier writes to {@code target} that are certainly abandoned (see the
   * class comment). Nothing is deleted when this process's start time is unknown; a file that cannot be
   * examined or deleted is left, as the write does not depend on it.
   */
  static void removeAbandonedTemporaries(Path target) {
    Optional<Instant> started = ProcessHandle.current().info().startInstant();
    if (started.isEmpty()) {
      return;
    }
    Pattern ours = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.(?:(\\d{1,18})\\.)?[0-9a-f]{16}\\.tmp");
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), ".*.tmp")) {
      for (Path sibling : siblings) {
        Matcher name = ours.matcher(sibling.getFileName().toString());
        try {
          if (name.matches() && abandoned(sibling, name.group(1), started.get())) {
            Files.deleteIfExists(sibling);
          }
        } catch (IOException leftAlone) {
          // Removed meanwhile by another process, or not ours to remove.
        }
      }
    } catch (IOException unlistable) {
      // The write itself will say what is wrong with the directory, if anything.
    }
  }

  /**
   * Whether a temporary file last modified before this process started belongs to no running write: its
   * writer ({@code pid}) no longer runs, or the process now holding that pid started after the file was last
   * written (the pid was reused, by this process among others). Without a pid (the name older versions
   * gave), age alone decides.
   */
  private static boolean abandoned(Path file, String pid, Instant started) throws IOException {
    Instant modified = Files.getLastModifiedTime(file).toInstant();
    if (!modified.isBefore(started)) {
      return false;
    }
    if (pid == null) {
      return true;
    }
    Optional<ProcessHandle> writer = ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    return writer.isEmpty() || writer.get().info().startInstant().map(modified::isBefore).orElse(false);
  }
}
