package dev.ruru.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.Compression;
import dev.ruru.data.idx.IdxFormatException;
import dev.ruru.data.idx.IdxType;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.idx.IdxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistRowsTest {
  @TempDir
  Path dir;

  @Test
  void theSampleRowsEqualTheSameRowsOfTheWholeSample() throws IOException {
    MnistRows sample = MnistRows.embeddedSample();
    ArrayDataset whole = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).train();
    assertEquals(5000, sample.count());
    ArrayDataset rows = sample.rows(2500, 2600, IdxValues.SCALED_TO_UNIT);
    assertArrayEquals(whole.features().slice(0, 2500, 2600, 1).toFloatArray(), rows.features().toFloatArray());
    assertArrayEquals(whole.labels().slice(0, 2500, 2600, 1).toLongArray(), rows.labels().toLongArray());
    assertArrayEquals(whole.labels().toLongArray(), sample.labels().toLongArray());
  }

  /** A worker reads only its rows: an image file cut after the first half still serves the first half. */
  @Test
  void aTrainingFileCutAfterTheFirstHalfServesTheFirstHalfOnly() throws IOException {
    ArrayDataset whole = EmbeddedSample.fashionMnist(IdxValues.AS_STORED).train().subset(range(200));
    IdxWriter.write(dir.resolve(MnistFile.TRAIN_IMAGES.baseName()), whole.features(), IdxType.UBYTE, Compression.NONE);
    IdxWriter.write(dir.resolve(MnistFile.TRAIN_LABELS.baseName()), whole.labels().astype(dev.ruru.array.DType.INT32), IdxType.UBYTE,
        Compression.NONE);
    Path images = dir.resolve(MnistFile.TRAIN_IMAGES.baseName());
    byte[] bytes = Files.readAllBytes(images);
    Files.write(images, Arrays.copyOf(bytes, 16 + 100 * 28 * 28));
    MnistRows file = MnistRows.in(MnistVariant.FASHION_MNIST, dir);
    assertEquals(200, file.count());
    ArrayDataset first = file.rows(0, 100, IdxValues.AS_STORED);
    assertArrayEquals(whole.features().slice(0, 0, 100, 1).toIntArray(), first.features().toIntArray());
    IdxFormatException second = assertThrows(IdxFormatException.class, () -> file.rows(100, 200, IdxValues.AS_STORED));
    assertTrue(second.getMessage().contains("truncated: records [100, 200)"), second.getMessage());
  }

  private static int[] range(int n) {
    int[] indices = new int[n];
    Arrays.setAll(indices, i -> i);
    return indices;
  }
}
