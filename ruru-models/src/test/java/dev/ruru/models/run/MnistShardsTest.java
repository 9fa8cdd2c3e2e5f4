package dev.ruru.models.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.Batch;
import dev.ruru.data.Dataset;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistVariant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MnistShardsTest {
  @Test
  void theShardsTogetherAreExactlyTheRunsTrainingPart() throws IOException {
    ArrayDataset all = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).train();
    ArrayDataset training = MnistShards.split(all, 0.1, 7).train();
    ArrayDataset validation = MnistShards.split(all, 0.1, 7).validation();
    MnistShards shards = MnistShards.of(MnistVariant.FASHION_MNIST, null, 0.1, 7);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ArrayDataset shard = shards.shard(i, 3);
      assertTrue(Math.abs(shard.size() - training.size() / 3) < 60, "shard " + i + " holds " + shard.size());
      seen.addAll(examples(shard));
    }
    assertEquals(training.size(), seen.size());
    assertEquals(new HashSet<>(examples(training)), new HashSet<>(seen));
    Set<String> held = new HashSet<>(examples(validation));
    assertTrue(seen.stream().noneMatch(held::contains), "a validation image in a shard");
  }

  @Test
  void withoutAValidationSplitAShardIsItsRangeOfRows() throws IOException {
    ArrayDataset all = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).train();
    ArrayDataset shard = MnistShards.embeddedSample().shard(1, 2);
    assertEquals(examples(ShardedData.rows(all, 1, 2)), examples(shard));
  }

  /** Each example as its pixels and label, so that examples compare by value. */
  private static List<String> examples(Dataset data) {
    List<String> result = new ArrayList<>();
    int[] all = new int[data.size()];
    Arrays.setAll(all, i -> i);
    Batch batch = data.batch(all);
    float[] pixels = batch.features().reshape(data.size(), 784).toFloatArray();
    long[] labels = batch.labels().toLongArray();
    for (int i = 0; i < data.size(); i++) {
      result.add(labels[i] + ":" + Arrays.hashCode(Arrays.copyOfRange(pixels, i * 784, i * 784 + 784)));
    }
    return result;
  }
}
