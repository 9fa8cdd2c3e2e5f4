package dev.ruru.rl.zero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.data.Batch;
import dev.ruru.data.BatchSource;
import org.junit.jupiter.api.Test;

class PositionReplayTest {
  private static Example example(int number) {
    return new Example(new float[] {number, 0}, new float[] {0.25f, 0.75f}, number % 2 == 0 ? 1 : -1);
  }

  @Test
  void keepsTheNewestExamplesAndBatchesPolicyThenResult() {
    PositionReplay buffer = new PositionReplay(3);
    for (int number = 0; number < 5; number++) {
      buffer.add(example(number));
    }
    assertEquals(3, buffer.size());
    // 0 and 1 were replaced by 3 and 4, in their slots.
    assertEquals(example(3), buffer.get(0));
    assertEquals(example(4), buffer.get(1));
    assertEquals(example(2), buffer.get(2));
    Batch batch = buffer.batch(new int[] {2, 0});
    assertArrayEquals(new float[] {2, 0, 3, 0}, batch.features().toFloatArray());
    assertArrayEquals(new float[] {0.25f, 0.75f, 1, 0.25f, 0.75f, -1}, batch.labels().toFloatArray());
  }

  @Test
  void samplerDrawsTheSameBatchesForTheSameEpoch() {
    PositionReplay buffer = new PositionReplay(100);
    for (int number = 0; number < 50; number++) {
      buffer.add(example(number));
    }
    BatchSource source = buffer.sampler(3, 8, 7);
    assertEquals(3, source.batchCount());
    Batch first = source.epoch(4).iterator().next();
    assertArrayEquals(first.features().toFloatArray(), source.epoch(4).iterator().next().features().toFloatArray());
    assertEquals(8, first.size());
  }
}
