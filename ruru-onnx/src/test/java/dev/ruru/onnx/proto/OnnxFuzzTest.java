package dev.ruru.onnx.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.io.Fuzz;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated .onnx files (see {@link Fuzz}) either decode to a model that encodes and decodes back to the same
 * bytes, or fail with an {@link OnnxFormatException} naming the file, allocating little either way.
 */
class OnnxFuzzTest {
  static final int INPUTS = 3000;
  private static final long ALLOCATION_BUDGET = 2L << 20;

  @Test
  @Timeout(60)
  void mutatedFilesDecodeOrFailNamingTheFile() throws IOException {
    List<byte[]> corpus = List.of(OnnxDecoderTest.resource("mlp.onnx"), OnnxDecoderTest.resource("lstm.onnx"));
    String source = "fuzzed.onnx";
    Fuzz.Report report = new Fuzz("onnx", corpus, 2048, 21).run(INPUTS, input -> OnnxDecoder.decode(input, source), result -> {
      byte[] encoded = OnnxEncoder.encode((OnnxModel) result);
      assertArrayEquals(encoded, OnnxEncoder.encode(OnnxDecoder.decode(encoded, "round trip")));
    }, error -> error instanceof OnnxFormatException, source, ALLOCATION_BUDGET);
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > INPUTS / 100 && report.refused() > INPUTS / 10, report::toString);
  }
}
