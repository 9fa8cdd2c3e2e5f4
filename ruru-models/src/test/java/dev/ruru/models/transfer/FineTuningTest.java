package dev.ruru.models.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.ArrayDataset;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.ReLU;
import dev.ruru.train.ResumableRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FineTuningTest {
  /** Twelve examples: labels 0..3, three of each, feature i = i. */
  private static ArrayDataset data() {
    float[] features = new float[12];
    long[] labels = new long[12];
    for (int i = 0; i < 12; i++) {
      features[i] = i;
      labels[i] = i % 4;
    }
    return new ArrayDataset(NDArray.of(features, 12, 1), NDArray.of(labels, 12));
  }

  @Test
  void classSubsetRelabelsInTheOrderGiven() {
    ArrayDataset subset = ClassSubset.of(data(), List.of(3, 1));
    assertEquals(List.of(1L, 0L, 1L, 0L, 1L, 0L), Arrays.stream(subset.labels().toLongArray()).boxed().toList());
    assertEquals(1f, subset.features().toFloatArray()[0]);
    assertEquals(3f, subset.features().toFloatArray()[1]);
  }

  @Test
  void perClassDrawsNOfEachClassWithoutReplacementAndNamesAShortClass() {
    ArrayDataset two = ClassSubset.perClass(data(), 2, 7);
    long[] labels = two.labels().toLongArray();
    assertEquals(List.of(0L, 0L, 1L, 1L, 2L, 2L, 3L, 3L), Arrays.stream(labels).boxed().toList());
    float[] features = two.features().toFloatArray();
    for (int k = 0; k < 8; k += 2) {
      assertTrue(features[k] != features[k + 1], "without replacement");
    }
    assertEquals(Arrays.toString(features), Arrays.toString(ClassSubset.perClass(data(), 2, 7).features().toFloatArray()), "seeded");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassSubset.perClass(data(), 4, 7));
    assertEquals("labels per class: class 0 has 3 examples, fewer than 4", e.getMessage());
  }

  @Test
  void adaptFreezesTheBodyAndGivesANewTrainableHead() {
    ResumableRandom random = new ResumableRandom(1);
    Layer model = TransferExperiment.spec(5).build(random);
    assertEquals("10", FineTuning.headPath(model));
    Layer adapted = FineTuning.adapt(model, "*", 3, random);
    assertEquals(List.of("10.weight", "10.bias"), List.copyOf(adapted.trainableParameters().keySet()));
    assertEquals(Shape.of(3, 128), adapted.parameters().get("10.weight").shape());
    assertSame(model.layer("1"), adapted.layer("1"), "the body is the pretrained one");
    Layer nested = new dev.ruru.nn.Sequential(new dev.ruru.nn.Sequential(new Linear(4, 4), new ReLU()), new dev.ruru.nn.Sequential(new Linear(4, 2)));
    assertEquals("1.0", FineTuning.headPath(nested));
  }
}
