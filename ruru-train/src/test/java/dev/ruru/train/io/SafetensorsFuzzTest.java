package dev.ruru.train.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Fuzz;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated safetensors files (see {@link Fuzz}) either read as tensors that encode back to the same bytes, or
 * fail with a {@link SafetensorsFormatException} naming the file, allocating little either way.
 */
class SafetensorsFuzzTest {
  static final int INPUTS = 3000;
  private static final long ALLOCATION_BUDGET = 2L << 20;

  @TempDir Path dir;

  private static List<byte[]> corpus() {
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    tensors.put("layers.0.weight", NDArray.of(new float[] {1, -2, 3.5f, 0, 5, 6}, 2, 3));
    tensors.put("layers.0.bias", NDArray.of(new double[] {0.25, -1}, 2));
    tensors.put("step", NDArray.of(new long[] {42}, 1).reshape());
    tensors.put("counts", NDArray.of(new int[] {1, 2, 3}, 3));
    tensors.put("mask", NDArray.of(new int[] {1, 0, 1, 1}, 2, 2).gt(0));
    tensors.put("empty", NDArray.zeros(Shape.of(0, 4), DType.FLOAT32));
    return List.of(
        Safetensors.encode(tensors, Map.of("format", "pt", "ruru.model", "mlp 4-2")),
        Safetensors.encode(Map.of("w", NDArray.of(new float[] {1, 2}, 2)), Map.of()),
        Safetensors.encode(Map.of(), Map.of("note", "no tensors")));
  }

  @Test
  @Timeout(60)
  void mutatedFilesReadOrFailNamingTheFile() {
    Path file = dir.resolve("model.safetensors");
    Fuzz.Report report = new Fuzz("safetensors", corpus(), 256, 53).run(INPUTS, input -> {
      Fuzz.overwrite(file, input);
      SafetensorsFile read = Safetensors.read(file);
      SafetensorsHeader header = Safetensors.readHeader(file);
      assertEquals(List.copyOf(read.tensors().keySet()), header.tensors().stream().map(TensorEntry::name).toList());
      // The in-memory decoder must agree with the mapped file.
      assertArrayEquals(Safetensors.encode(read.tensors(), read.metadata()),
          Safetensors.encode(Safetensors.decode(input, file.toString()).tensors(), read.metadata()));
      return read;
    }, result -> {
      SafetensorsFile read = (SafetensorsFile) result;
      byte[] encoded = Safetensors.encode(read.tensors(), read.metadata());
      SafetensorsFile back = Safetensors.decode(encoded, "round trip");
      assertArrayEquals(encoded, Safetensors.encode(back.tensors(), back.metadata()));
    }, error -> error instanceof SafetensorsFormatException, file.toString(), ALLOCATION_BUDGET);
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > INPUTS / 100 && report.refused() > INPUTS / 2, report::toString);
  }
}
