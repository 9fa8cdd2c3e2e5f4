package dev.ruru.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The identity of a run's images: the same data wherever it was found, other data even under the same name. */
class DataIdentityTest {
  private static final MnistData SAMPLE = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);

  private static MnistData from(String source, ArrayDataset train, ArrayDataset test) {
    return new MnistData(SAMPLE.variant(), train, test, MnistData.Origin.DIRECTORY, source);
  }

  private static ArrayDataset first(ArrayDataset set, int n) {
    return set.subset(java.util.stream.IntStream.range(0, n).toArray());
  }

  @Test void theSameImagesElsewhereAreTheSameDataAndOneChangedPixelIsNot() {
    DataIdentity here = DataIdentity.of(from("fashion-mnist from /a", first(SAMPLE.train(), 100), first(SAMPLE.test(), 20)));
    DataIdentity there = DataIdentity.of(from("fashion-mnist from /b", first(SAMPLE.train(), 100), first(SAMPLE.test(), 20)));
    assertTrue(here.sameData(there));
    assertEquals(here, DataIdentity.fromJson(here.toJson(), "checkpoint"));
    assertEquals(List.of(28, 28), here.imageShape());
    assertTrue(here.describe().matches("fashion-mnist from /a \\(100 training and 20 test images of 28x28, SHA-256 [0-9a-f]{12}\\.\\.\\.\\)"),
        here.describe());
    ArrayDataset train = first(SAMPLE.train(), 100);
    float[] pixels = train.features().toFloatArray();
    pixels[pixels.length / 2] += 1f / 255;
    NDArray touched = NDArray.of(pixels, 100, 28, 28);
    DataIdentity changed = DataIdentity.of(from("fashion-mnist from /a", new ArrayDataset(touched, train.labels()), first(SAMPLE.test(), 20)));
    assertFalse(here.sameData(changed), "one pixel of 78,400 counts");
  }

  @Test void trainingAndTestImagesOfDifferentShapesAreRefusedNamingBoth() {
    ArrayDataset test = first(SAMPLE.test(), 20);
    ArrayDataset reshaped = new ArrayDataset(test.features().contiguous().reshape(20, 14, 56), test.labels());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataIdentity.of(from("fashion-mnist from /torn", first(SAMPLE.train(), 100), reshaped)));
    assertEquals("fashion-mnist from /torn: the training images are [28, 28] but the test images are [14, 56]; a model trained on the one"
        + " cannot be tested on the other: the four IDX files must come from one dataset", e.getMessage());
  }
}
