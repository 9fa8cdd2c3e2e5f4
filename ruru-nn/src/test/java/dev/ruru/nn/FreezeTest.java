package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FreezeTest {
  private static Sequential model() {
    SplittableRandom rng = new SplittableRandom(3);
    return new Sequential(new Conv2d(1, 2, 3, dev.ruru.autodiff.Conv2dSpec.of(1, 0), rng), new BatchNorm2d(2), new ReLU(), new Flatten(), new Linear(2 * 4 * 4, 3, rng));
  }

  @Test
  void globsMatchWholePathsOrLeadingParts() {
    PathPattern pattern = PathPattern.parse("features.*, 1");
    assertTrue(pattern.matches("features.0.weight"));
    assertTrue(pattern.matches("1.weight"));
    assertFalse(pattern.matches("10.weight"), "'1' selects layer 1, not layer 10");
    assertFalse(pattern.matches("classifier.features.weight"));
    assertTrue(PathPattern.parse("*.bias").matches("4.bias"));
    assertTrue(PathPattern.parse("?.weight").matches("4.weight"));
    assertFalse(PathPattern.parse("?.weight").matches("14.weight"));
    assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("a,,b"));
  }

  @Test
  void freezeReturnsThePathsAndUnfreezeUndoesIt() {
    Sequential model = model();
    assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias"), model.freeze("0,1"));
    assertEquals(List.of("4.weight", "4.bias"), List.copyOf(model.trainableParameters().keySet()));
    assertEquals(List.of("0.bias", "1.bias", "4.bias"), model.unfreeze("*.bias"));
    assertEquals(List.of("0.bias", "1.bias", "4.weight", "4.bias"), List.copyOf(model.trainableParameters().keySet()));
  }

  @Test
  void aPatternThatSelectsNothingNamesThePaths() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model().freeze("features.*"));
    assertEquals("path pattern 'features.*' selects nothing; the paths are [0.weight, 0.bias, 1.weight, 1.bias, 4.weight, 4.bias]",
        e.getMessage());
  }

  @Test
  void frozenBatchNormKeepsItsRunningStatisticsInTraining() {
    Sequential model = model();
    BatchNorm2d norm = (BatchNorm2d) model.get(1);
    Tensor x = Tensor.constant(NDArray.randn(Shape.of(4, 1, 6, 6), new SplittableRandom(9)).mul(3).add(2));
    model.forward(x, Mode.TRAIN);
    NDArray mean = norm.runningMean();
    assertNotEquals(NDArray.zeros(Shape.of(2)), mean, "an unfrozen BatchNorm updates its statistics");
    model.freeze("1");
    Tensor trained = model.forward(x, Mode.TRAIN);
    assertEquals(mean, norm.runningMean(), "a frozen BatchNorm keeps its statistics");
    assertEquals(model.forward(x, Mode.EVAL).value(), trained.value(), "and normalises with them");
    // Gradients still flow through it to the layers before.
    Conv2d conv = (Conv2d) model.get(0);
    assertTrue(trained.sum().backward(List.of(conv.weight().tensor())).contains(conv.weight().tensor()));
    model.unfreeze("1");
    model.forward(x, Mode.TRAIN);
    assertNotEquals(mean, norm.runningMean(), "unfrozen, it updates them again");
  }
}
