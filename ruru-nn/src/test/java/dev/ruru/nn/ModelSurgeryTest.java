package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv2dSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Replacing a sub-layer by path (a new head) and the summary table. */
class ModelSurgeryTest {
  private static Sequential cnn() {
    SplittableRandom rng = new SplittableRandom(5);
    Sequential features = new Sequential(new Conv2d(1, 4, 3, Conv2dSpec.of(1, 1), rng), new ReLU(), new MaxPool2d(2));
    return new Sequential(new Unflatten(1, 1, 8), features, new Flatten(), new Linear(4 * 4 * 4, 10, rng));
  }

  @Test
  void replaceGivesANewHeadAndSharesTheRest() {
    Sequential model = cnn();
    Linear head = new Linear(64, 3, new SplittableRandom(1));
    Layer replaced = model.replace("3", head);
    assertSame(head, replaced.layer("3"));
    assertSame(model.layer("1.0"), replaced.layer("1.0"), "the other layers are shared");
    assertEquals(Shape.of(2, 3), replaced.forward(dev.ruru.autodiff.Tensor.constant(dev.ruru.array.NDArray.zeros(Shape.of(2, 8, 8)))).shape());
    Layer nested = model.replace("1.0", new Conv2d(1, 4, 3, Conv2dSpec.of(1, 1), new SplittableRandom(2)));
    assertNotSame(model.layer("1"), nested.layer("1"), "the containers on the path are copied");
    assertSame(model.layer("1.2"), nested.layer("1.2"));
    assertEquals(model.parameters().keySet(), nested.parameters().keySet());
  }

  @Test
  void unknownPathsNameWhatIsThere() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cnn().replace("1.7", new ReLU()));
    assertEquals("layer path: '1' (Sequential) has no sub-layer '7'; its sub-layers are [0, 1, 2]", e.getMessage());
    UnsupportedOperationException leaf = assertThrows(UnsupportedOperationException.class, () -> new Linear(2, 2).withChild("x", new ReLU()));
    assertEquals("Linear: cannot replace child 'x'; only containers such as Sequential can have their layers replaced", leaf.getMessage());
  }

  @Test
  void summaryListsPathsShapesAndTrainableCounts() {
    Sequential model = cnn();
    model.freeze("1");
    ModelSummary summary = model.summary(Shape.of(1, 8, 8));
    assertEquals(List.of("0", "1.0", "1.1", "1.2", "2", "3"), summary.rows().stream().map(ModelSummary.Row::path).toList());
    assertEquals("""
        path  layer      output shape  parameters  trainable
        0     Unflatten  [1, 1, 8, 8]           0          0
        1.0   Conv2d     [1, 4, 8, 8]          40          0
        1.1   ReLU       [1, 4, 8, 8]           0          0
        1.2   MaxPool2d  [1, 4, 4, 4]           0          0
        2     Flatten    [1, 64]                0          0
        3     Linear     [1, 10]              650        650
        total 690 parameters, 650 trainable, 40 frozen""", summary.toString());
  }
}
