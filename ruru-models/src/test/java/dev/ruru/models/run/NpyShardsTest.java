package dev.ruru.models.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npy;
import dev.ruru.data.ArrayDataset;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyShardsTest {
  @TempDir Path directory;

  @Test
  void theShardsTogetherAreTheFilesRowsInOrder() throws IOException {
    float[] values = new float[14];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    Npy.write(directory.resolve("x.npy"), NDArray.of(values, 7, 2));
    Npy.write(directory.resolve("y.npy"), NDArray.of(new long[] {0, 1, 2, 0, 1, 2, 0}, 7));
    NpyShards shards = new NpyShards(directory.resolve("x.npy").toString(), directory.resolve("y.npy").toString());
    ArrayDataset first = shards.shard(0, 3);
    ArrayDataset last = shards.shard(2, 3);
    // [0, 2), [2, 4), [4, 7): shard i of P is rows [i·n/P, (i+1)·n/P).
    assertArrayEquals(new float[] {0, 1, 2, 3}, first.features().toFloatArray());
    assertArrayEquals(new long[] {1, 2, 0}, last.labels().toLongArray());
    assertArrayEquals(new float[] {8, 9, 10, 11, 12, 13}, last.features().toFloatArray());
    assertEquals(7, first.size() + shards.shard(1, 3).size() + last.size());
  }

  @Test
  void refusesLabelsThatAreNotOnePerRow() throws IOException {
    Npy.write(directory.resolve("x.npy"), NDArray.of(new float[6], 3, 2));
    Npy.write(directory.resolve("y.npy"), NDArray.of(new long[] {0, 1}, 2));
    NpyShards shards = new NpyShards(directory.resolve("x.npy").toString(), directory.resolve("y.npy").toString());
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> shards.shard(0, 2));
    assertEquals("NpyShards: " + directory.resolve("x.npy") + " has 3 rows but " + directory.resolve("y.npy") + " has 2 labels; save one label"
        + " per row", error.getMessage());
  }
}
