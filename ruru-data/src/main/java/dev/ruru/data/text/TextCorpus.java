package dev.ruru.data.text;

import dev.ruru.data.DataFileException;
import dev.ruru.data.StrictUtf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The text a language model learns from, with where it came from ({@code source}, for messages).
 *
 * <p>{@link #read} decodes a file strictly as UTF-8: a byte sequence that is not UTF-8 fails with its
 * byte offset rather than turning silently into U+FFFD; a leading byte order mark is dropped; line
 * endings are kept as they are. {@link #directory} concatenates the regular files of a directory in name
 * order, with nothing between them, as the W4 benchmark reads {@code /usr/share/common-licenses}. Files
 * are bounded by {@link #MAX_BYTES} before they are read in full; errors are {@link DataFileException}s
 * reading {@code text: <file>: <problem>}.
 *
 * <pre>{@code
 * TextCorpus corpus = TextCorpus.read(Path.of("shakespeare.txt"));
 * CharTokenizer tokenizer = CharTokenizer.fit(corpus.text(), 65);
 * int[] ids = corpus.encode(tokenizer);        // one id per character
 * }</pre>
 *
 * @param source the file, directory or resource the text came from
 * @param text the text, never empty
 */
public record TextCorpus(String source, String text) {
  /** The most bytes a corpus may have: 512 MiB (the ids alone then take 2 GiB of int). */
  public static final long MAX_BYTES = 512L << 20;

  public TextCorpus {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("TextCorpus: " + source + ": the text is empty; a corpus needs at least one character");
    }
  }

  /** The text of {@code file}, which must be non-empty UTF-8 of at most {@link #MAX_BYTES} bytes. */
  public static TextCorpus read(Path file) throws IOException {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new DataFileException("text", source, "is a directory, not a text file");
    }
    byte[] bytes = readBounded(file, MAX_BYTES, source);
    if (bytes.length == 0) {
      throw new DataFileException("text", source, "the file is empty; a corpus needs at least one character");
    }
    return new TextCorpus(source, decode(bytes, InvalidUtf8.REFUSE, source));
  }

  /**
   * The regular files of {@code directory} (symbolic links followed, subdirectories skipped), in the
   * code point order of their names, decoded as UTF-8 and concatenated with nothing between them. The
   * files together may have at most {@link #MAX_BYTES} bytes; empty files are allowed if some file is not.
   *
   * @param invalid whether bytes that are not UTF-8 fail ({@link InvalidUtf8#REFUSE}) or become U+FFFD
   */
  public static TextCorpus directory(Path directory, InvalidUtf8 invalid) throws IOException {
    Objects.requireNonNull(invalid, "invalid");
    String source = directory.toString();
    if (!Files.isDirectory(directory)) {
      throw new DataFileException("text", source, Files.exists(directory) ? "not a directory" : "no such directory");
    }
    List<Path> files;
    try (Stream<Path> entries = Files.list(directory)) {
      files = entries.filter(Files::isRegularFile)
          .sorted((a, b) -> Vocabulary.compareCodePoints(a.getFileName().toString(), b.getFileName().toString())).toList();
    }
    if (files.isEmpty()) {
      throw new DataFileException("text", source, "the directory has no files to read");
    }
    StringBuilder text = new StringBuilder();
    long bytesLeft = MAX_BYTES;
    for (Path file : files) {
      byte[] bytes = readBounded(file, bytesLeft, file.toString());
      bytesLeft -= bytes.length;
      text.append(decode(bytes, invalid, file.toString()));
    }
    if (text.isEmpty()) {
      throw new DataFileException("text", source, "all " + files.size() + " files are empty; a corpus needs at least one character");
    }
    return new TextCorpus(source + " (" + files.size() + " files)", text.toString());
  }

  /** The ids of the text's tokens: {@code tokenizer.encode(text())}. */
  public int[] encode(Tokenizer tokenizer) {
    return tokenizer.encode(text);
  }

  /** Length of the text in Unicode code points (what a character tokenizer makes ids of). */
  public int characterCount() {
    return text.codePointCount(0, text.length());
  }

  @Override
  public String toString() {
    return "TextCorpus(" + source + ", " + characterCount() + " characters)";
  }

  /** All of {@code file}, failing without reading further once it exceeds {@code limit} bytes. */
  private static byte[] readBounded(Path file, long limit, String source) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // The size check refuses a large file at once; reading one byte past the limit also bounds a file
      // that grows meanwhile, or a device or pipe whose size the file system does not know.
      long size = Files.size(file);
      bytes = size > limit ? null : in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (bytes == null || bytes.length > limit) {
        throw new DataFileException("text", source, "the file has " + (bytes == null ? size + " bytes" : "more bytes")
            + ", more than the " + MAX_BYTES + " (512 MiB) a corpus may have" + (limit < MAX_BYTES ? ", counting the files before it" : "")
            + "; use a smaller sample");
      }
    } catch (NoSuchFileException e) {
      throw new DataFileException("text", source, "no such file");
    }
    return bytes;
  }

  /** {@code bytes} as UTF-8, without a leading byte order mark; malformed input handled as {@code invalid} says. */
  static String decode(byte[] bytes, InvalidUtf8 invalid, String source) {
    String text = invalid == InvalidUtf8.REPLACE ? new String(bytes, StandardCharsets.UTF_8)
        : decodeStrictly(bytes, problem -> new DataFileException("text", source, problem));
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * {@code bytes} as UTF-8, or the exception {@code failure} makes of a message that gives the byte offset
   * and the bytes of the first sequence that is not UTF-8 (where {@code new String(bytes, UTF_8)} would
   * quietly put U+FFFD).
   */
  static String decodeStrictly(byte[] bytes, Function<String, ? extends DataFileException> failure) {
    return StrictUtf8.decode(bytes, (offset, bad) -> failure.apply("not valid UTF-8: the bytes at offset " + offset + " (" + bad
        + ") are not a UTF-8 character; " + StrictUtf8.HINT));
  }
}
