package dev.ruru.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.data.DataLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextWindowsTest {
  /** ids 100, 101, ..., 100 + n - 1: a token's value says where it was. */
  private static int[] positions(int n) {
    return IntStream.range(0, n).map(i -> 100 + i).toArray();
  }

  @Test
  void windowsAreNonOverlappingAndLabelsAreTheNextTokens() {
    TextWindows windows = TextWindows.of(positions(10), 3); // windows at 0, 3, 6; 9 is only a label
    assertEquals(3, windows.size());
    Batch batch = windows.batch(new int[] {2, 0});
    assertEquals(DType.INT64, batch.features().dtype());
    assertEquals(DType.INT64, batch.labels().dtype());
    assertEquals(NDArray.of(new long[] {106, 107, 108, 100, 101, 102}, 2, 3), batch.features());
    assertEquals(NDArray.of(new long[] {107, 108, 109, 101, 102, 103}, 2, 3), batch.labels());
    Batch one = windows.example(1);
    assertEquals(NDArray.of(new long[] {103, 104, 105}, 3), one.features());
  }

  @Test
  void theLastIncompleteWindowIsDropped() {
    assertEquals(2, TextWindows.of(positions(9), 4).size()); // 0..3 -> 1..4, 4..7 -> 5..8
    assertEquals(1, TextWindows.of(positions(8), 4).size()); // a second window would need label 8
    assertEquals(1, TextWindows.of(positions(2), 1).size());
  }

  @Test
  void aDataLoaderShufflesAndBatchesTheWindows() {
    TextWindows windows = TextWindows.of(positions(101), 10);
    List<Long> firstTokens = new ArrayList<>();
    for (Batch batch : DataLoader.of(windows, 4).shuffled(7).epoch(0)) {
      assertEquals(10, batch.features().dim(1));
      assertEquals(batch.features().add(1.0).astype(DType.INT64), batch.labels());
      for (int row = 0; row < batch.size(); row++) {
        firstTokens.add(batch.features().getLong(row, 0));
      }
    }
    assertEquals(List.of(100L, 110L, 120L, 130L, 140L, 150L, 160L, 170L, 180L, 190L), firstTokens.stream().sorted().toList());
  }

  @Test
  void randomWindowsAreReproducibleAndInBounds() {
    TextWindows windows = TextWindows.of(positions(50), 8);
    Batch first = windows.randomBatch(16, new SplittableRandom(3));
    assertEquals(first.features(), windows.randomBatch(16, new SplittableRandom(3)).features());
    assertEquals(first.features().add(1.0).astype(DType.INT64), first.labels());
    boolean[] seen = new boolean[50 - 8];
    SplittableRandom rng = new SplittableRandom(11);
    for (int draw = 0; draw < 200; draw++) {
      Batch batch = windows.randomBatch(8, rng);
      for (int row = 0; row < 8; row++) {
        int start = (int) batch.features().getLong(row, 0) - 100;
        assertTrue(start >= 0 && start <= 50 - 8 - 1, "start " + start + " outside [0, 41]");
        for (int t = 0; t < 8; t++) {
          assertEquals(100 + start + t, batch.features().getLong(row, t));
        }
        seen[start] = true;
      }
    }
    for (int start = 0; start < seen.length; start++) {
      assertTrue(seen[start], "start " + start + " never drawn in 1,600 draws over 42 starts");
    }
  }

  @Test
  void randomStartsFollowTheGeneratorAsDocumented() {
    TextWindows windows = TextWindows.of(positions(30), 5);
    SplittableRandom reference = new SplittableRandom(5);
    Batch batch = windows.randomBatch(3, new SplittableRandom(5));
    for (int row = 0; row < 3; row++) {
      assertEquals(100 + reference.nextInt(30 - 5), batch.features().getLong(row, 0));
    }
  }

  @Test
  void tooShortTextsAndBadSizesAreRefused() {
    assertEquals("TextWindows: text has 64 tokens but one training window needs 64 + 1 = 65 (the labels are the next tokens);"
        + " use a shorter window or more text", message(() -> TextWindows.of(positions(64), 64)));
    assertEquals("TextWindows: validation text has 3 tokens but one training window needs 8 + 1 = 9 (the labels are the next tokens);"
        + " use a shorter window or more text", message(() -> TextWindows.of(positions(3), 8, "validation text")));
    assertEquals("TextWindows: window length must be at least 1, got 0", message(() -> TextWindows.of(positions(3), 0)));
    TextWindows windows = TextWindows.of(positions(10), 3);
    assertEquals("TextWindows.randomBatch: batch size must be at least 1, got 0",
        message(() -> windows.randomBatch(0, new SplittableRandom(1))));
    assertEquals("TextWindows.batch: index 3 at position 1 is outside [0, 3)",
        assertThrows(IndexOutOfBoundsException.class, () -> windows.batch(new int[] {0, 3})).getMessage());
  }

  @Test
  void theValidationPartIsTheContiguousTail() {
    TextSplit split = TextWindows.split(positions(10), 0.25); // round(2.5) = 3 tokens
    assertArrayEquals(positions(7), split.train());
    assertArrayEquals(new int[] {107, 108, 109}, split.validation());
    assertEquals(0, TextWindows.split(positions(10), 0).validation().length);
    assertEquals(new TextSplit(positions(7), new int[] {107, 108, 109}), split);
    assertEquals("TextWindows.split: validation fraction must be in [0, 1), got 1.0", message(() -> TextWindows.split(positions(10), 1)));
    assertEquals("TextWindows.split: a validation fraction of 0.6 of 1 tokens leaves no training tokens",
        message(() -> TextWindows.split(positions(1), 0.6)));
  }

  @Test
  void theIdsAreCopied() {
    int[] ids = positions(5);
    TextWindows windows = TextWindows.of(ids, 2);
    ids[0] = -1;
    assertEquals(100, windows.batch(new int[] {0}).features().getLong(0, 0));
  }

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }
}
