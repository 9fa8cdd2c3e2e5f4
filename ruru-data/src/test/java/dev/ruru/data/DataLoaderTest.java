package dev.ruru.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
  /** n examples whose single feature and label are both the example's index, so batches reveal the order. */
  static ArrayDataset indexed(int n) {
    float[] features = new float[n];
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      features[i] = i;
      labels[i] = i;
    }
    return new ArrayDataset(NDArray.of(features, n, 1), NDArray.of(labels, n));
  }

  /** The example indices an epoch yields, batch by batch, and the batch sizes. */
  static List<long[]> visit(DataLoader loader, int epoch) {
    List<long[]> batches = new ArrayList<>();
    for (Batch batch : loader.epoch(epoch)) {
      float[] features = batch.features().toFloatArray();
      long[] labels = batch.labels().toLongArray();
      for (int i = 0; i < labels.length; i++) {
        assertEquals(labels[i], (long) features[i], "features and labels must stay paired");
      }
      batches.add(labels);
    }
    return batches;
  }

  static long[] flat(List<long[]> batches) {
    return batches.stream().flatMapToLong(Arrays::stream).toArray();
  }

  @Test
  void eachEpochVisitsEveryExampleExactlyOnce() {
    DataLoader loader = DataLoader.of(indexed(103), 10).shuffled(7);
    for (int epoch = 0; epoch < 3; epoch++) {
      List<long[]> batches = visit(loader, epoch);
      assertEquals(11, batches.size());
      assertEquals(3, batches.get(10).length, "the last batch holds the remaining 103 - 100 examples");
      long[] seen = flat(batches);
      Arrays.sort(seen);
      long[] expected = new long[103];
      Arrays.setAll(expected, i -> i);
      assertArrayEquals(expected, seen);
    }
  }

  @Test
  void sameSeedGivesSameOrderAndEpochsDiffer() {
    long[] first = flat(visit(DataLoader.of(indexed(50), 8).shuffled(42), 0));
    long[] again = flat(visit(DataLoader.of(indexed(50), 8).shuffled(42), 0));
    long[] nextEpoch = flat(visit(DataLoader.of(indexed(50), 8).shuffled(42), 1));
    long[] otherSeed = flat(visit(DataLoader.of(indexed(50), 8).shuffled(43), 0));
    assertArrayEquals(first, again);
    assertFalse(Arrays.equals(first, nextEpoch), "epoch 1 must be shuffled differently from epoch 0");
    assertFalse(Arrays.equals(first, otherSeed), "another seed must give another order");
  }

  @Test
  void orderMatchesTheDocumentedGenerator() {
    int[] expected = Shuffle.permutation(30, Shuffle.generator(5, 2));
    long[] visited = flat(visit(DataLoader.of(indexed(30), 4).shuffled(5), 2));
    assertArrayEquals(Arrays.stream(expected).asLongStream().toArray(), visited);
  }

  @Test
  void sequentialLoaderVisitsInIndexOrder() {
    List<long[]> batches = visit(DataLoader.of(indexed(7), 3), 4);
    assertArrayEquals(new long[] {0, 1, 2}, batches.get(0));
    assertArrayEquals(new long[] {3, 4, 5}, batches.get(1));
    assertArrayEquals(new long[] {6}, batches.get(2));
  }

  @Test
  void dropLastKeepsOnlyFullBatches() {
    DataLoader loader = DataLoader.of(indexed(103), 10).shuffled(1).lastBatch(LastBatch.DROP);
    assertEquals(10, loader.batchCount());
    List<long[]> batches = visit(loader, 0);
    assertEquals(10, batches.size());
    assertTrue(batches.stream().allMatch(b -> b.length == 10));
    long[] seen = flat(batches);
    assertEquals(100, Arrays.stream(seen).distinct().count(), "no example repeats within an epoch");
    int[] order = loader.order(0);
    assertArrayEquals(Arrays.stream(Arrays.copyOf(order, 100)).asLongStream().toArray(), seen);
  }

  @Test
  void batchCountRoundsUpWhenKeepingTheLastBatch() {
    assertEquals(11, DataLoader.of(indexed(101), 10).batchCount());
    assertEquals(10, DataLoader.of(indexed(100), 10).lastBatch(LastBatch.DROP).batchCount());
    assertEquals(0, DataLoader.of(indexed(5), 10).lastBatch(LastBatch.DROP).batchCount());
    assertFalse(DataLoader.of(indexed(5), 10).lastBatch(LastBatch.DROP).epoch(0).iterator().hasNext());
  }

  @Test
  void transformsRunInOrderOnTheLoaderThread() {
    List<String> threads = new ArrayList<>();
    DataLoader loader = DataLoader.of(indexed(6), 2)
        .withTransform(batch -> {
          synchronized (threads) {
            threads.add(Thread.currentThread().getName());
          }
          return batch.withFeatures(batch.features().mul(10));
        })
        .withTransform(batch -> batch.withFeatures(batch.features().add(1)));
    List<Float> values = new ArrayList<>();
    for (Batch batch : loader.epoch(0)) {
      for (float v : batch.features().toFloatArray()) {
        values.add(v);
      }
    }
    assertEquals(List.of(1f, 11f, 21f, 31f, 41f, 51f), values, "x * 10 first, then + 1");
    assertEquals(3, threads.size());
    assertTrue(threads.stream().allMatch("ruru-data-loader"::equals), "transforms ran on " + threads);
  }

  @Test
  void aFailingTransformFailsTheCallerWithItsOwnException() {
    IllegalStateException boom = new IllegalStateException("augmentation failed");
    DataLoader loader = DataLoader.of(indexed(4), 2).withTransform(batch -> {
      throw boom;
    });
    Iterator<Batch> batches = loader.epoch(0).iterator();
    assertSame(boom, assertThrows(IllegalStateException.class, batches::next));
  }

  @Test
  void iteratingPastTheEndSaysHowManyBatchesThereWere() {
    Iterator<Batch> batches = DataLoader.of(indexed(3), 2).epoch(0).iterator();
    batches.next();
    batches.next();
    NoSuchElementException e = assertThrows(NoSuchElementException.class, batches::next);
    assertEquals("DataLoader: the epoch has no more batches (2 in all)", e.getMessage());
  }

  @Test
  void badArgumentsAreRefused() {
    assertEquals("DataLoader: batch size must be positive, got 0",
        assertThrows(IllegalArgumentException.class, () -> DataLoader.of(indexed(3), 0)).getMessage());
    assertEquals("DataLoader: epoch must be >= 0, got -1",
        assertThrows(IllegalArgumentException.class, () -> DataLoader.of(indexed(3), 1).epoch(-1)).getMessage());
  }

  @Test
  void aBatchSizeNearTheIntLimitIsOneBatchNotNone() {
    DataLoader loader = DataLoader.of(indexed(3), Integer.MAX_VALUE);
    assertEquals(1, loader.batchCount());
    assertEquals(3, loader.epoch(0).iterator().next().size());
    assertEquals(1, loader.shuffled(2).batchCount());
  }

  @Test
  void shufflingDiffersFromIndexOrder() {
    assertNotEquals(Arrays.toString(DataLoader.of(indexed(20), 5).order(0)),
        Arrays.toString(DataLoader.of(indexed(20), 5).shuffled(3).order(0)));
  }
}
