package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.optim.Optimizer;
import dev.ruru.optim.Sgd;
import dev.ruru.optim.SgdConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** End to end: a 2-8-2 tanh MLP trained by SGD with momentum separates XOR, which no linear model can. */
class XorTest {
  @Test
  void smallMlpLearnsXor() {
    NDArray inputs = NDArray.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
    NDArray labels = NDArray.of(new long[] {0, 1, 1, 0}, 4);
    SplittableRandom rng = new SplittableRandom(42);
    Sequential model = new Sequential(new Linear(2, 8, rng), new Tanh(), new Linear(8, 2, rng));
    Optimizer optimizer = new Sgd(model.parameters(), new SgdConfig(0.1, 0.9));
    double loss = Double.NaN;
    for (int epoch = 0; epoch < 300; epoch++) {
      Tensor value = Losses.crossEntropy(model.forward(Tensor.constant(inputs), Mode.TRAIN), labels);
      optimizer.step(value.backward(Params.tensors(model.parameters())));
      loss = value.item();
    }
    NDArray predictions = model.forward(Tensor.constant(inputs)).value().argmax(1);
    assertEquals(labels, predictions.astype(labels.dtype()), "predictions " + predictions);
    assertTrue(loss < 0.05, "final loss " + loss);
  }
}
