package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Skip connections: body(x) + shortcut(x), PyTorch-style names, and a clear error when the two shapes differ. */
class ResidualTest {
  @Test
  void addsTheBodyToTheShortcut() {
    SplittableRandom rng = new SplittableRandom(3);
    Linear body = new Linear(3, 3, rng);
    Linear shortcut = new Linear(3, 3, rng);
    Tensor x = Tensor.constant(NDArray.randn(Shape.of(2, 3), rng));
    NDArray expected = body.forward(x).value().add(shortcut.forward(x).value());
    assertEquals(0, new Residual(body, shortcut).forward(x).value().sub(expected).abs().max().item(), 1e-7);
    NDArray identity = body.forward(x).value().add(x.value());
    assertEquals(0, new Residual(body).forward(x).value().sub(identity).abs().max().item(), 1e-7);
  }

  @Test
  void namesItsParametersAndBuffersBodyAndShortcut() {
    SplittableRandom rng = new SplittableRandom(4);
    Layer block = new Sequential(new Residual(new Sequential(new Conv2d(2, 4, 3, Conv2dSpec.of(2, 1), rng), new BatchNorm2d(4)),
        new Sequential(Conv2d.withoutBias(2, 4, 1, Conv2dSpec.of(2, 0), dev.ruru.array.DType.FLOAT32, rng), new BatchNorm2d(4))),
        new ReLU());
    assertEquals(List.of("0.body.0.weight", "0.body.0.bias", "0.body.1.weight", "0.body.1.bias", "0.shortcut.0.weight",
        "0.shortcut.1.weight", "0.shortcut.1.bias"), List.copyOf(block.parameters().keySet()));
    assertTrue(block.buffers().containsKey("0.shortcut.1.running_var"), block.buffers().keySet().toString());
    assertEquals(Shape.of(1, 4, 3, 3), block.forward(Tensor.constant(NDArray.zeros(Shape.of(1, 2, 6, 6)))).shape());
    assertEquals(Shape.of(1, 4, 3, 3), block.replace("0.shortcut", block.layer("0.shortcut")).forward(
        Tensor.constant(NDArray.zeros(Shape.of(1, 2, 6, 6)))).shape());
  }

  @Test
  void aBodyThatChangesTheShapeNeedsAShortcutThatDoes() {
    Residual residual = new Residual(new Linear(3, 4, new SplittableRandom(5)));
    ShapeMismatchException error = assertThrows(ShapeMismatchException.class,
        () -> residual.forward(Tensor.constant(NDArray.zeros(Shape.of(2, 3)))));
    assertEquals("Residual: the body gives [2, 4] and the shortcut [2, 3] for input [2, 3]; give a shortcut that changes the shape as"
        + " the body does (a strided 1x1 Conv2d)", error.getMessage());
  }
}
