package dev.ruru.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.DataFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorpusTest {
  @TempDir
  Path dir;

  @Test
  void readsUtf8TextAsItIs() throws IOException {
    Path file = write("a.txt", "Light\r\nnaïve 😀\n".getBytes(StandardCharsets.UTF_8));
    TextCorpus corpus = TextCorpus.read(file);
    assertEquals("Light\r\nnaïve 😀\n", corpus.text());
    assertEquals(file.toString(), corpus.source());
    assertEquals(15, corpus.characterCount());
    assertEquals("TextCorpus(" + file + ", 15 characters)", corpus.toString());
  }

  @Test
  void aByteOrderMarkIsDropped() throws IOException {
    Path file = write("bom.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'});
    assertEquals("hi", TextCorpus.read(file).text());
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    Path file = write("empty.txt", new byte[0]);
    assertEquals("text: " + file + ": the file is empty; a corpus needs at least one character", failure(() -> TextCorpus.read(file)));
  }

  @Test
  void invalidUtf8IsRefusedWithTheByteOffset() throws IOException {
    // "café" in Latin-1: the é is the single byte 0xE9 at offset 3, followed by a space.
    Path latin1 = write("latin1.txt", "café au lait".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("text: " + latin1 + ": not valid UTF-8: the bytes at offset 3 (e9) are not a UTF-8 character; save the file as UTF-8"
        + " (for example: iconv -f latin1 -t utf-8)", failure(() -> TextCorpus.read(latin1)));
    Path truncated = write("truncated.txt", new byte[] {'o', 'k', (byte) 0xE2, (byte) 0x82});
    assertTrue(failure(() -> TextCorpus.read(truncated)).contains("the bytes at offset 2 (e2 82) are not a UTF-8 character"));
  }

  @Test
  void missingFilesAndDirectoriesAreNamed() {
    Path missing = dir.resolve("missing.txt");
    assertEquals("text: " + missing + ": no such file", failure(() -> TextCorpus.read(missing)));
    assertEquals("text: " + dir + ": is a directory, not a text file", failure(() -> TextCorpus.read(dir)));
    assertEquals("text: " + missing + ": no such directory", failure(() -> TextCorpus.directory(missing, InvalidUtf8.REFUSE)));
  }

  @Test
  void filesOverTheSizeLimitAreRefusedBeforeReading() throws IOException {
    Path huge = dir.resolve("huge.txt");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(TextCorpus.MAX_BYTES + 1); // sparse: nothing is written or read
    }
    assertEquals("text: " + huge + ": the file has 536870913 bytes, more than the 536870912 (512 MiB) a corpus may have; use a smaller sample",
        failure(() -> TextCorpus.read(huge)));
  }

  @Test
  void aDirectoryIsItsFilesInNameOrderConcatenated() throws IOException {
    Path texts = Files.createDirectories(dir.resolve("texts"));
    Files.writeString(texts.resolve("b"), "second ");
    Files.writeString(texts.resolve("a"), "first ");
    Files.writeString(texts.resolve("B"), "upper case sorts first ");
    Files.writeString(texts.resolve("empty"), "");
    Files.createDirectories(texts.resolve("c-subdirectory"));
    Files.createSymbolicLink(texts.resolve("z-link"), texts.resolve("a"));
    TextCorpus corpus = TextCorpus.directory(texts, InvalidUtf8.REFUSE);
    assertEquals("upper case sorts first first second first ", corpus.text());
    assertEquals(texts + " (5 files)", corpus.source());
  }

  @Test
  void aDirectoryMayReplaceInvalidUtf8OrRefuseIt() throws IOException {
    Path texts = Files.createDirectories(dir.resolve("texts"));
    Files.writeString(texts.resolve("1-good"), "good ");
    Files.write(texts.resolve("2-latin1"), "café".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("good caf\uFFFD", TextCorpus.directory(texts, InvalidUtf8.REPLACE).text());
    assertEquals("text: " + texts.resolve("2-latin1") + ": not valid UTF-8: the bytes at offset 3 (e9) are not a UTF-8 character;"
        + " save the file as UTF-8 (for example: iconv -f latin1 -t utf-8)", failure(() -> TextCorpus.directory(texts, InvalidUtf8.REFUSE)));
  }

  @Test
  void aDirectoryWithNothingToReadIsRefused() throws IOException {
    Path none = Files.createDirectories(dir.resolve("none"));
    assertEquals("text: " + none + ": the directory has no files to read", failure(() -> TextCorpus.directory(none, InvalidUtf8.REFUSE)));
    Files.writeString(none.resolve("empty"), "");
    assertEquals("text: " + none + ": all 1 files are empty; a corpus needs at least one character",
        failure(() -> TextCorpus.directory(none, InvalidUtf8.REFUSE)));
  }

  @Test
  void theEmbeddedSampleIsTheOpticksQueriesByteForByte() throws IOException, NoSuchAlgorithmException {
    TextCorpus sample = EmbeddedText.opticksQueries();
    assertTrue(sample.text().startsWith("_Query_ 1. Do not Bodies act upon Light at a distance"));
    assertEquals(104_230, sample.characterCount());
    try (InputStream in = EmbeddedText.class.getResourceAsStream("newton-opticks-queries.txt")) {
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
      assertTrue(EmbeddedText.notice().contains(sha256), "the README states the sample's SHA-256 " + sha256);
    }
    assertTrue(EmbeddedText.notice().contains("golang-1.19-src"));
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static String failure(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(DataFileException.class, call).getMessage();
  }
}
