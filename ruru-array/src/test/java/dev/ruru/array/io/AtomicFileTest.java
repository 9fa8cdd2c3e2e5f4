package dev.ruru.array.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All-or-nothing writes, and the clean-up of the temporary files that killed writes leave behind. */
class AtomicFileTest {
  private static final String RANDOM = "0123456789abcdef";

  @TempDir Path dir;

  private TreeSet<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return new TreeSet<>(files.map(file -> file.getFileName().toString()).toList());
    }
  }

  /** A temporary file as a write to {@code target} by {@code pid} would leave it, last modified at {@code when}. */
  private String leftover(String name, Instant when) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, new byte[100]);
    Files.setLastModifiedTime(file, FileTime.from(when));
    return name;
  }

  private static long deadPid() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }

  @Test
  void abandonedTemporariesOfTheSameTargetAreRemovedAndNothingElse() throws Exception {
    Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
    Instant before = started.minus(Duration.ofHours(1));
    long self = ProcessHandle.current().pid();
    List<String> abandoned = List.of(
        leftover(".checkpoint.safetensors." + deadPid() + "." + RANDOM + ".tmp", before),
        leftover(".checkpoint.safetensors." + RANDOM + ".tmp", before),
        // This process's pid on a file older than this process: an earlier process had the pid.
        leftover(".checkpoint.safetensors." + self + "." + RANDOM + ".tmp", before));
    List<String> kept = List.of(
        // Written since this process started: perhaps a concurrent writer's, in this process or another.
        leftover(".checkpoint.safetensors." + self + ".1111111111111111.tmp", Instant.now()),
        leftover(".checkpoint.safetensors.2222222222222222.tmp", Instant.now()),
        leftover(".checkpoint.safetensors." + deadPid() + ".3333333333333333.tmp", Instant.now()),
        // Another target's, and names that are not this writer's pattern.
        leftover(".metrics.json." + deadPid() + "." + RANDOM + ".tmp", before),
        leftover(".checkpoint.safetensors.notes.tmp", before),
        leftover("checkpoint.safetensors." + RANDOM + ".tmp", before));
    AtomicFile.writeString(dir.resolve("checkpoint.safetensors"), "new");
    TreeSet<String> expected = new TreeSet<>(kept);
    expected.add("checkpoint.safetensors");
    assertEquals(expected, names(), "removed should be " + abandoned);
  }

  @Test
  void aRunningWritersTemporaryIsKeptEvenWhenOld() throws IOException {
    // An ancestor process (the build running this test) started before this one and still runs: a file it
    // last wrote between its start and ours may be a write it has not finished.
    Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
    Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
    while (ancestor.isPresent() && !ancestor.get().info().startInstant().map(t -> t.plusMillis(100).isBefore(started)).orElse(false)) {
      ancestor = ancestor.get().parent();
    }
    assumeTrue(ancestor.isPresent(), "no ancestor process started long enough before this one");
    Instant ancestorStart = ancestor.get().info().startInstant().orElseThrow();
    Instant between = ancestorStart.plus(Duration.between(ancestorStart, started).dividedBy(2));
    long pid = ancestor.get().pid();
    String running = leftover(".model.safetensors." + pid + "." + RANDOM + ".tmp", between);
    String reused = leftover(".model.safetensors." + pid + ".4444444444444444.tmp", ancestorStart.minusSeconds(60));
    AtomicFile.writeString(dir.resolve("model.safetensors"), "new");
    assertEquals(new TreeSet<>(List.of(running, "model.safetensors")), names(), reused + " predates its pid's process");
  }

  @Test
  void aFailedWriteRemovesItsTemporaryAndKeepsTheOldFile() throws IOException {
    Path file = dir.resolve("report.json");
    AtomicFile.writeString(file, "old");
    IOException error = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
      out.write(1);
      throw new IOException("disk full");
    }));
    assertEquals("disk full", error.getMessage());
    assertEquals("old", Files.readString(file));
    assertEquals(new TreeSet<>(List.of("report.json")), names());
  }

  @Test
  void forcingADirectoryThatCannotBeOpenedIsNotAnError() {
    // Where a directory cannot be opened or forced (Windows, some network file systems) the rename stands.
    AtomicFile.forceDirectory(dir.resolve("missing"));
    AtomicFile.forceDirectory(dir);
  }
}
