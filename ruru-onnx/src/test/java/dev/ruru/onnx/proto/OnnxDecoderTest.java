package dev.ruru.onnx.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxDecoderTest {
  static byte[] resource(String name) throws IOException {
    try (InputStream in = OnnxDecoderTest.class.getResourceAsStream("/dev/ruru/onnx/pytorch/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void readsTheGraphPyTorchExportedForAnMlp() throws IOException {
    OnnxModel model = OnnxDecoder.decode(resource("mlp.onnx"), "mlp.onnx");
    assertEquals(14, model.opsetVersion());
    assertEquals("pytorch", model.producerName());
    assertEquals(List.of("Flatten", "Gemm", "Relu", "Gemm", "Tanh", "Gemm"), model.graph().nodes().stream().map(OnnxNode::opType).toList());
    assertEquals(List.of("batch", "1", "8", "8"), model.graph().inputs().getFirst().dims());
    OnnxTensor weight = model.graph().initializers().stream().filter(t -> t.name().equals("net.1.weight")).findFirst().orElseThrow();
    assertArrayEquals(new int[] {32, 64}, weight.value().shape().dims());
    assertEquals(1L, model.graph().nodes().get(1).attributes().get("transB").intValue());
  }

  @Test
  void encodingThenDecodingGivesTheSameModel() throws IOException {
    for (String name : List.of("mlp.onnx", "cnn.onnx", "lstm.onnx", "transformer.onnx")) {
      OnnxModel model = OnnxDecoder.decode(resource(name), name);
      byte[] encoded = OnnxEncoder.encode(model);
      OnnxModel back = OnnxDecoder.decode(encoded, "encoded " + name);
      assertEquals(model, back, name);
      assertArrayEquals(encoded, OnnxEncoder.encode(back), name);
    }
  }

  @Test
  void tensorsOfEveryTypeReadFromRawAndTypedFields() {
    NDArray halves = TensorDecoder.read(new ProtoReader(new ProtoWriter().packedVarints(1, new long[] {2}).varint(2, ElementType.FLOAT16)
        .bytes(9, new byte[] {0x00, 0x3C, 0x00, (byte) 0xC0}).toByteArray(), "t")).value();
    assertEquals(NDArray.of(new float[] {1, -2}, 2), halves);
    NDArray typed = TensorDecoder.read(new ProtoReader(new ProtoWriter().varint(2, ElementType.INT8).varint(5, -3).varint(5, 7)
        .packedVarints(1, new long[] {2}).toByteArray(), "t")).value();
    assertEquals(NDArray.of(new int[] {-3, 7}, 2), typed);
    NDArray scalar = TensorDecoder.read(new ProtoReader(new ProtoWriter().varint(2, ElementType.INT64).packedVarints(7, new long[] {5})
        .toByteArray(), "t")).value();
    assertEquals(0, scalar.rank());
    assertEquals(5L, scalar.getLong());
  }

  @Test
  void aLengthBeyondTheEndIsRefusedBeforeAllocating() {
    byte[] hostile = {0x3A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0x01};
    OnnxFormatException error = assertThrows(OnnxFormatException.class, () -> OnnxDecoder.decode(hostile, "bad.onnx"));
    assertEquals("bad.onnx: byte 1: a message of 2147483647 bytes, but only 1 remain; the file is not a valid ONNX model"
        + " (truncated or corrupt?)", error.getMessage());
  }

  @Test
  void valuesThatDoNotMatchTheDimsAreRefused() {
    byte[] tensor = new ProtoWriter().packedVarints(1, new long[] {1L << 30, 1L << 30}).varint(2, ElementType.FLOAT)
        .bytes(9, new byte[8]).string(8, "w").toByteArray();
    OnnxFormatException error = assertThrows(OnnxFormatException.class, () -> TensorDecoder.read(new ProtoReader(tensor, "t.onnx")));
    assertTrue(error.getMessage().contains("tensor w has more than 2^31 elements"), error.getMessage());
    byte[] short_ = new ProtoWriter().packedVarints(1, new long[] {3}).varint(2, ElementType.FLOAT).bytes(9, new byte[8]).toByteArray();
    error = assertThrows(OnnxFormatException.class, () -> TensorDecoder.read(new ProtoReader(short_, "t.onnx")));
    assertTrue(error.getMessage().contains("needs 12 bytes of float, raw_data holds 8"), error.getMessage());
  }

  @Test
  void unknownLengthDelimitedFieldsAreSkippedWhole() {
    byte[] bytes = new ProtoWriter().string(9, "skip me").varint(1, 7).message(7, g -> g.string(2, "g")).toByteArray();
    assertEquals(7, OnnxDecoder.decode(bytes, "unknown.onnx").irVersion());
  }

  @Test
  void aFileWithoutAGraphIsNotAModel() {
    OnnxFormatException error = assertThrows(OnnxFormatException.class,
        () -> OnnxDecoder.decode(new ProtoWriter().varint(1, 7).toByteArray(), "empty.onnx"));
    assertEquals("empty.onnx: no graph (ModelProto field 7); the file is not an ONNX model", error.getMessage());
    assertEquals(Map.of(), OnnxDecoder.decode(new ProtoWriter().message(7, g -> g.string(2, "g")).toByteArray(), "g").opsets());
  }
}
