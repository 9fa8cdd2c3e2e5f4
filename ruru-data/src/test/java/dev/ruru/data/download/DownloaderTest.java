package dev.ruru.data.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
  @TempDir
  Path dir;

  private LocalMirror mirror;
  private final byte[] content = new byte[300_000];
  private String contentSha256;

  @BeforeEach
  void start() throws IOException, NoSuchAlgorithmException {
    new Random(1).nextBytes(content);
    contentSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    mirror = new LocalMirror();
  }

  @AfterEach
  void stop() {
    mirror.close();
  }

  private List<Path> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void goodFileArrivesWhole() throws IOException {
    mirror.serve("data.gz", content);
    Path target = dir.resolve("data.gz");
    Path result = Downloader.withDefaults().fetch(mirror.url("data.gz"), target, contentSha256.toUpperCase(), content.length);
    assertEquals(target, result);
    assertArrayEquals(content, Files.readAllBytes(target));
    assertEquals(List.of(target), filesInDir(), "no temporary file is left");
    assertEquals(contentSha256, Downloader.sha256(target));
  }

  @Test
  void badChecksumRemovesTheFileAndNamesBothDigests() throws IOException {
    mirror.serve("data.gz", content);
    String wrong = "0".repeat(64);
    DataFileException e = assertThrows(DataFileException.class,
        () -> Downloader.withDefaults().fetch(mirror.url("data.gz"), dir.resolve("data.gz"), wrong, content.length));
    assertEquals("download: " + mirror.url("data.gz") + ": checksum mismatch: expected sha256 " + wrong + ", got " + contentSha256
        + "; the file was removed", e.getMessage());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void connectionCutMidFileLeavesNothingBehind() throws IOException {
    mirror.cutAfter("data.gz", content, 100_000);
    IOException e = assertThrows(IOException.class,
        () -> Downloader.withDefaults().fetch(mirror.url("data.gz"), dir.resolve("data.gz"), contentSha256, content.length));
    assertTrue(e.getMessage().startsWith("download: connection to " + mirror.url("data.gz")), e.getMessage());
    assertTrue(e.getMessage().contains("of 300000 bytes"), e.getMessage());
    assertTrue(e.getMessage().endsWith("nothing was written"), e.getMessage());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void failedDownloadKeepsTheExistingFile() throws IOException {
    Path target = dir.resolve("data.gz");
    Files.writeString(target, "previous");
    mirror.cutAfter("data.gz", content, 10);
    assertThrows(IOException.class, () -> Downloader.withDefaults().fetch(mirror.url("data.gz"), target, contentSha256, content.length));
    assertEquals("previous", Files.readString(target));
    assertEquals(List.of(target), filesInDir());
  }

  @Test
  void httpErrorIsReported() {
    IOException e = assertThrows(IOException.class,
        () -> Downloader.withDefaults().fetch(mirror.url("missing.gz"), dir.resolve("missing.gz"), contentSha256, 10));
    assertEquals("download: " + mirror.url("missing.gz") + " answered HTTP 404; nothing was written", e.getMessage());
  }

  @Test
  void bodyLargerThanExpectedIsRefused() throws IOException {
    mirror.serve("data.gz", content);
    IOException e = assertThrows(IOException.class,
        () -> Downloader.withDefaults().fetch(mirror.url("data.gz"), dir.resolve("data.gz"), contentSha256, 1000));
    assertEquals("download: " + mirror.url("data.gz") + " announces 300000 bytes, more than the 1000 expected; nothing was written",
        e.getMessage());
    assertEquals(List.of(), filesInDir());
  }
}
