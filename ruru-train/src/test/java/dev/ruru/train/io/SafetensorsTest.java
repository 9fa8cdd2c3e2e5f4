package dev.ruru.train.io;

import dev.ruru.array.io.AtomicFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Npz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trips, the reference writer's exact bytes (its own test vectors, and a file written by
 * scripts/safetensors_torch.py following its algorithm), and a fixture written with python3-torch.
 */
class SafetensorsTest {
  @TempDir Path dir;

  private static void assertSameArray(String what, NDArray expected, NDArray actual) {
    assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
    assertEquals(expected.shape(), actual.shape(), what + ": shape");
    assertTrue(expected.equals(actual), what + ": values differ: expected " + expected + " got " + actual);
  }

  @Test void roundTripKeepsEveryDtypeShapeValueAndTheMetadata() throws IOException {
    SplittableRandom rng = new SplittableRandom(7);
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    tensors.put("weights", NDArray.randn(Shape.of(5, 7), rng));
    tensors.put("precise", NDArray.normal(Shape.of(3, 2, 2), 0, 1e-200, DType.FLOAT64, rng));
    tensors.put("counts", NDArray.of(new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}, 2, 2));
    tensors.put("steps", NDArray.of(new long[] {9_007_199_254_740_993L}, 1).reshape());
    tensors.put("mask", NDArray.randn(Shape.of(9), rng).gt(0));
    tensors.put("transposed", NDArray.arange(12).reshape(3, 4).transpose());
    tensors.put("empty", NDArray.zeros(Shape.of(0, 4)));
    Map<String, String> metadata = Map.of("format", "pt", "épreuve", "ünïcode \"quoted\"");
    Path file = dir.resolve("all.safetensors");
    Safetensors.write(file, tensors, metadata);
    SafetensorsFile read = Safetensors.read(file);
    assertEquals(tensors.keySet(), read.tensors().keySet());
    for (String name : tensors.keySet()) {
      assertSameArray(name, tensors.get(name).contiguous(), read.tensor(name));
    }
    assertEquals(metadata, read.metadata());
    assertEquals(read.metadata(), Safetensors.readHeader(file).metadata());
  }

  @Test void int64ValuesBeyondDoublePrecisionSurvive() {
    long big = 9_007_199_254_740_993L; // 2^53 + 1: not a double
    NDArray array = NDArray.of(new long[] {big, -big}, 2);
    NDArray back = Safetensors.decode(Safetensors.encode(Map.of("x", array), Map.of()), "memory").tensor("x");
    assertEquals(big, back.getLong(0));
    assertEquals(-big, back.getLong(1));
  }

  /** The reference implementation's test_serialization: one F32 tensor "attn.0" of shape [1, 2, 3]. */
  @Test void encodesTheReferenceImplementationsTestVector() {
    NDArray attn = NDArray.of(new float[] {0, 1, 2, 3, 4, 5}, 1, 2, 3);
    byte[] bytes = Safetensors.encode(Map.of("attn.0", attn), Map.of());
    String json = "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}";
    assertEquals(64, json.length());
    assertEquals(64, bytes[0]);
    assertEquals(json, new String(bytes, 8, 64, java.nio.charset.StandardCharsets.UTF_8));
    // 0.0f, 1.0f, ... 5.0f little-endian: the reference lists 0,0,128,63 for 1.0f and 0,0,160,64 for 5.0f.
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, (byte) 128, 63}, java.util.Arrays.copyOfRange(bytes, 72, 80));
    assertArrayEquals(new byte[] {0, 0, (byte) 160, 64}, java.util.Arrays.copyOfRange(bytes, 92, 96));
    assertEquals(96, bytes.length);
  }

  /** test_serialization_forced_alignement: a 65-byte header is padded with 7 spaces to 72. */
  @Test void padsTheHeaderWithSpacesToAMultipleOfEight() {
    byte[] bytes = Safetensors.encode(Map.of("attn0", NDArray.zeros(Shape.of(1, 1, 2, 3))), Map.of());
    assertEquals(72, bytes[0]);
    assertEquals("       ", new String(bytes, 8 + 65, 7, java.nio.charset.StandardCharsets.US_ASCII));
    // test_empty: no tensors gives "{}" and six spaces; with metadata {"framework": "pt"} a 40-byte header.
    assertArrayEquals(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '}, Safetensors.encode(Map.of(), Map.of()));
    byte[] withMetadata = Safetensors.encode(Map.of(), Map.of("framework", "pt"));
    assertEquals("{\"__metadata__\":{\"framework\":\"pt\"}}     ", new String(withMetadata, 8, 40, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test void metadataOrderDoesNotChangeTheBytes() {
    Map<String, String> forward = new LinkedHashMap<>();
    Map<String, String> backward = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      forward.put("key" + i, "value" + i);
      backward.put("key" + (9 - i), "value" + (9 - i));
    }
    Map<String, NDArray> tensors = Map.of("x", NDArray.ones(Shape.of(2)));
    assertArrayEquals(Safetensors.encode(tensors, forward), Safetensors.encode(tensors, backward));
  }

  /** reference_layout.safetensors was written by scripts/safetensors_torch.py following the reference writer. */
  @Test void encodesTheSameBytesAsTheReferenceWriterAlgorithm() throws IOException {
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    float[] weight = new float[12];
    for (int i = 0; i < 12; i++) {
      weight[i] = (i - 5.5f) / 4;
    }
    tensors.put("layers.0.weight", NDArray.of(weight, 3, 4));
    tensors.put("layers.0.bias", NDArray.of(new float[] {0.25f, -0.5f, 1.0f}, 3));
    tensors.put("steps", NDArray.scalar(42, DType.INT64));
    tensors.put("counts", NDArray.of(new int[] {1, -2, 3, -4}, 2, 2));
    tensors.put("mask", NDArray.of(new int[] {1, 0, 0, 1}, 4).gt(0));
    tensors.put("precise", NDArray.of(new double[] {1.0 / 3.0, -2.5e-300}, 2));
    tensors.put("empty", NDArray.zeros(Shape.of(0, 2)));
    byte[] expected = resource("reference_layout.safetensors");
    assertArrayEquals(expected, Safetensors.encode(tensors, Map.of("format", "pt", "producer", "ruru")));
    SafetensorsFile read = Safetensors.decode(expected, "reference_layout.safetensors");
    for (String name : tensors.keySet()) {
      assertSameArray(name, tensors.get(name), read.tensor(name));
    }
  }

  @Test void readsTheFixtureWrittenWithPyTorch() throws IOException {
    Path fixture = dir.resolve("torch_fixture.safetensors");
    Files.write(fixture, resource("torch_fixture.safetensors"));
    Path npz = dir.resolve("torch_fixture.npz");
    Files.write(npz, resource("torch_fixture.npz"));
    SafetensorsFile read = Safetensors.read(fixture);
    Map<String, NDArray> expected = Npz.read(npz);
    assertEquals(expected.keySet(), read.tensors().keySet());
    for (Map.Entry<String, NDArray> entry : expected.entrySet()) {
      assertSameArray(entry.getKey(), entry.getValue(), read.tensor(entry.getKey()));
    }
    assertEquals("pt", read.metadata().get("format"));
    assertTrue(read.metadata().get("source").startsWith("python3-torch"));
    // Entries come in the order their data lies: largest alignment first, as the reference writes them.
    assertEquals(List.of("step", "decoder.weight"), List.copyOf(read.tensors().keySet()).subList(0, 2));
  }

  @Test void atomicWriteLeavesTheOldFileAndNoTemporaryWhenTheBodyFails() throws IOException {
    Path file = dir.resolve("kept.bin");
    AtomicFile.writeString(file, "old");
    IllegalStateException failure = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> AtomicFile.write(file, out -> {
          out.write(new byte[100]);
          throw new IllegalStateException("disk on fire");
        }));
    assertEquals("disk on fire", failure.getMessage());
    assertEquals("old", Files.readString(file));
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(file), listing.toList());
    }
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = SafetensorsTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return in.readAllBytes();
    }
  }
}
