package dev.ruru.data.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A small real English corpus inside the jar: the Queries that close Isaac Newton's <i>Opticks</i>
 * (fourth edition, 1730), 104,266 bytes, public domain. It lets a character language model train on a
 * machine with no text file at hand ({@code ruru train --model char-lstm} without {@code --text}); the
 * resource folder's README says where the text came from (Debian's {@code golang-1.19-src}, which ships
 * Project Gutenberg's transcription as compressor test data) and why it is in the public domain.
 */
public final class EmbeddedText {
  /** What {@link TextCorpus#source()} says for the sample. */
  public static final String SOURCE = "embedded sample: the Queries of Isaac Newton's Opticks (1730)";

  private static final String RESOURCE = "newton-opticks-queries.txt";

  private EmbeddedText() {}

  /** The Queries of Newton's Opticks: 104,230 characters of English prose. */
  public static TextCorpus opticksQueries() {
    return new TextCorpus(SOURCE, read(RESOURCE));
  }

  /** Where the sample came from and why it is in the public domain (the README beside it). */
  public static String notice() {
    return read("README.md");
  }

  private static String read(String name) {
    try (InputStream in = EmbeddedText.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("resource " + name + " is missing from the jar");
      }
      return TextCorpus.decode(in.readAllBytes(), InvalidUtf8.REFUSE, "jar:" + name);
    } catch (IOException e) {
      // The resources are part of this jar: failing to read them means the jar itself is damaged.
      throw new UncheckedIOException("text: cannot read the embedded sample from the jar: " + e.getMessage(), e);
    }
  }
}
