package dev.ruru.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import org.junit.jupiter.api.Test;

class StandardizerTest {
  private static final float[] TRAIN = {1, 10, 5, 3, 20, 5, 5, 30, 5, 7, 40, 5};   // [4, 3]; column 2 is constant
  private static final float[] TEST = {100, 0, 6, -100, 25, 4};                     // [2, 3]

  /** Mean and population std of column j of a row-major [rows, columns] matrix, by a plain loop. */
  static double[] meanStd(float[] values, int columns, int j) {
    int rows = values.length / columns;
    double sum = 0;
    for (int i = 0; i < rows; i++) {
      sum += values[i * columns + j];
    }
    double mean = sum / rows;
    double squares = 0;
    for (int i = 0; i < rows; i++) {
      squares += (values[i * columns + j] - mean) * (values[i * columns + j] - mean);
    }
    return new double[] {mean, Math.sqrt(squares / rows)};
  }

  @Test
  void testDataIsScaledWithTrainingStatisticsOnly() {
    Standardizer scaler = Standardizer.fit(NDArray.of(TRAIN, 4, 3));
    float[] scaled = scaler.apply(NDArray.of(TEST, 2, 3)).toFloatArray();
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        double[] stats = meanStd(TRAIN, 3, j);
        double std = stats[1] == 0 ? 1 : stats[1];
        assertEquals((TEST[i * 3 + j] - stats[0]) / std, scaled[i * 3 + j], 1e-5, "element [" + i + ", " + j + "]");
      }
    }
  }

  @Test
  void fittingOnOtherDataGivesOtherResults() {
    // Guards the test above: statistics of the test split itself would give different values.
    NDArray test = NDArray.of(TEST, 2, 3);
    float[] fromTrain = Standardizer.fit(NDArray.of(TRAIN, 4, 3)).apply(test).toFloatArray();
    float[] fromTest = Standardizer.fit(test).apply(test).toFloatArray();
    assertEquals(1.0, Math.abs(fromTest[0]), 1e-6, "a 2-row split standardised on itself gives ±1");
    assertEquals((100 - 4) / meanStd(TRAIN, 3, 0)[1], fromTrain[0], 1e-4);
  }

  @Test
  void trainingDataHasZeroMeanAndUnitStdPerFeature() {
    NDArray scaled = Standardizer.fit(NDArray.of(TRAIN, 4, 3)).apply(NDArray.of(TRAIN, 4, 3));
    assertArrayEquals(new float[] {0, 0, 0}, scaled.mean(0).toFloatArray(), 1e-6f);
    assertArrayEquals(new float[] {1, 1, 0}, scaled.std(new int[] {0}, dev.ruru.array.Dims.DROP, 0).toFloatArray(), 1e-5f,
        "the constant column is centred, not divided by zero");
  }

  @Test
  void imageShapedFeaturesKeepTheirShape() {
    NDArray images = NDArray.arange(24).reshape(3, 2, 4).astype(dev.ruru.array.DType.FLOAT32);
    Standardizer scaler = Standardizer.fit(images);
    assertEquals(Shape.of(2, 4), scaler.mean().shape());
    assertEquals(Shape.of(3, 2, 4), scaler.apply(images).shape());
  }

  @Test
  void featuresOfAnotherShapeAreRefused() {
    Standardizer scaler = Standardizer.fit(NDArray.of(TRAIN, 4, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scaler.apply(NDArray.zeros(Shape.of(2, 4))));
    assertEquals("Standardizer.apply: fitted on features [3], got examples [2, 4]; expected [n, 3]", e.getMessage());
  }
}
