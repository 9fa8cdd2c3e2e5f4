package dev.ruru.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Bytes read as UTF-8, strictly: where {@code new String(bytes, UTF_8)} would quietly put U+FFFD and a
 * decoding Reader would fail with a MalformedInputException naming neither file nor place (and decode
 * thousands of characters ahead of the line being read), this says where the first bad sequence is, so
 * each reader can refuse its file in its own words.
 */
public final class StrictUtf8 {
  /** Makes the reader's exception from the first bad sequence: its byte offset and its bytes, in hex. */
  @FunctionalInterface
  public interface Failure {
    RuntimeException at(int offset, String badBytes);
  }

  /** The advice every refusal ends with. */
  public static final String HINT = "save the file as UTF-8 (for example: iconv -f latin1 -t utf-8)";

  private StrictUtf8() {}

  /** {@code bytes} decoded, or {@code failure}'s exception for the first sequence that is not UTF-8. */
  public static String decode(byte[] bytes, Failure failure) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      byte[] bad = Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + result.length()));
      throw failure.at(offset, HexFormat.ofDelimiter(" ").formatHex(bad));
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
