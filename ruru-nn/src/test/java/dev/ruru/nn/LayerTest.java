package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayerTest {
  private static Sequential model() {
    SplittableRandom rng = new SplittableRandom(7);
    return new Sequential(new Linear(4, 3, rng), new ReLU(), new BatchNorm1d(3), new Linear(3, 2, rng));
  }

  @Test
  void sequentialNamesParametersAndBuffersByPosition() {
    Sequential model = model();
    assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "3.weight", "3.bias"), List.copyOf(model.parameters().keySet()));
    assertEquals(List.of("2.running_mean", "2.running_var", "2.num_batches_tracked"), List.copyOf(model.buffers().keySet()));
    assertEquals(9, model.stateDict().size());
    assertEquals(4 * 3 + 3 + 3 + 3 + 3 * 2 + 2, Params.count(model.parameters()));
    Map<String, Parameter> nested = Params.nested("layers", model.parameters());
    assertTrue(nested.containsKey("layers.0.weight"));
  }

  @Test
  void parameterOwnsItsArrayAndKeepsOneTensor() {
    NDArray start = NDArray.ones(Shape.of(2));
    Parameter p = new Parameter(start);
    Tensor first = p.tensor();
    assertSame(first, p.tensor());
    assertTrue(first.requiresGrad());
    p.set(NDArray.zeros(Shape.of(2)));
    assertSame(first, p.tensor());
    assertSame(p.value(), p.tensor().value());
    assertEquals(NDArray.zeros(Shape.of(2)), p.tensor().value());
    assertEquals(NDArray.ones(Shape.of(2)), start, "the parameter copied the array it started from");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.set(NDArray.zeros(Shape.of(3))));
    assertEquals("Parameter.set: expected float32 [2], got float32 [3]", e.getMessage());
  }

  @Test
  void aGraphRecordedBeforeAnUpdateRefusesBackward() {
    Parameter p = new Parameter(NDArray.ones(Shape.of(2)));
    Tensor loss = p.tensor().mul(p.tensor()).sum();
    double result = p.update(value -> value.addInPlace(1).sum().item());
    assertEquals(4.0, result);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> loss.backward(List.of(p.tensor())));
    assertTrue(e.getMessage().contains("was modified in place after it was used"), e.getMessage());
    // A graph recorded after the update is fine: d/dp Σp² = 2p = 4.
    Tensor again = p.tensor().mul(p.tensor()).sum();
    assertEquals(NDArray.full(Shape.of(2), 4, DType.FLOAT32), again.backward(List.of(p.tensor())).get(p.tensor()));
  }

  @Test
  void sequentialFusesLinearAndReluAndGetsTheSameNumbers() {
    SplittableRandom rng = new SplittableRandom(5);
    Linear hidden = new Linear(6, 8, rng);
    Linear noBias = Linear.withoutBias(8, 3, Init.xavierUniform(), DType.FLOAT32, rng);
    Sequential mlp = new Sequential(hidden, new ReLU(), noBias, new ReLU());
    Tensor x = Tensor.variable(NDArray.randn(Shape.of(7, 6), new SplittableRandom(6)));
    List<Tensor> wrt = List.of(x, hidden.weight().tensor(), hidden.bias().tensor(), noBias.weight().tensor());
    Tensor fused = mlp.forward(x, Mode.TRAIN);
    Tensor apart = Functional.relu(Functional.linear(Functional.relu(Functional.linear(x, hidden.weight().tensor(), hidden.bias().tensor())),
        noBias.weight().tensor()));
    assertEquals(apart.value(), fused.value());
    Gradients fusedGrads = fused.mul(fused).sum().backward(wrt);
    Gradients apartGrads = apart.mul(apart).sum().backward(wrt);
    for (Tensor t : wrt) {
      assertEquals(apartGrads.get(t), fusedGrads.get(t));
    }
    assertEquals(List.of("0.weight", "0.bias", "2.weight"), List.copyOf(mlp.parameters().keySet()), "names by position, the ReLUs kept");
  }

  @Test
  void stateDictIsASnapshotAndLoadingCopiesIn() {
    Linear layer = new Linear(3, 2, new SplittableRandom(1));
    Map<String, NDArray> saved = layer.stateDict();
    NDArray before = saved.get("weight").copy();
    layer.weight().update(value -> value.addInPlace(1));
    assertEquals(before, saved.get("weight"), "a training step must not change a state dictionary taken before it");
    layer.loadStateDict(saved);
    assertEquals(before, layer.weight().value());
    layer.weight().update(value -> value.addInPlace(1));
    assertEquals(before, saved.get("weight"), "loading must not make the model share the dictionary's arrays");
  }

  @Test
  void gradientsOfAForwardPassAreFoundUnderTheParameterTensors() {
    Linear layer = new Linear(3, 2, new SplittableRandom(1));
    NDArray x = NDArray.randn(Shape.of(5, 3), new SplittableRandom(2));
    Tensor loss = layer.forward(Tensor.constant(x), Mode.TRAIN).sum();
    Gradients grads = loss.backward(Params.tensors(layer.parameters()));
    // d/dW Σ(x·Wᵀ + b) = 1ᵀ·x for every output row; d/db = batch size.
    NDArray columnSums = x.sum(0);
    NDArray expectedWeight = NDArray.stack(List.of(columnSums, columnSums), 0);
    assertTrue(grads.get(layer.weight().tensor()).allClose(expectedWeight, 1e-5, 1e-6));
    assertEquals(NDArray.full(Shape.of(2), 5, DType.FLOAT32), grads.get(layer.bias().tensor()));
    assertEquals(2, Params.gradients(layer.parameters(), grads).size());
  }

  @Test
  void stateDictRoundTripsIntoAFreshModel() {
    Sequential source = model();
    source.forward(Tensor.constant(NDArray.randn(Shape.of(8, 4), new SplittableRandom(3))), Mode.TRAIN);
    Sequential target = new Sequential(new Linear(4, 3, new SplittableRandom(99)), new ReLU(), new BatchNorm1d(3),
        new Linear(3, 2, new SplittableRandom(98)));
    target.loadStateDict(source.stateDict());
    assertEquals(source.stateDict(), target.stateDict());
    Tensor x = Tensor.constant(NDArray.randn(Shape.of(5, 4), new SplittableRandom(4)));
    assertEquals(source.forward(x).value(), target.forward(x).value());
  }

  @Test
  void loadStateDictNamesEveryMismatchAndLoadsNothing() {
    Sequential model = model();
    Map<String, NDArray> before = model.stateDict();
    Map<String, NDArray> state = new LinkedHashMap<>(before);
    state.put("0.weight", NDArray.zeros(Shape.of(5, 4)));
    state.put("3.bias", NDArray.zeros(Shape.of(2), DType.FLOAT64));
    state.remove("2.running_var");
    state.put("4.weight", NDArray.zeros(Shape.of(1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(state));
    assertEquals("loadStateDict: entry '0.weight' has shape [5, 4] but the model expects [3, 4]; "
        + "entry '3.bias' has dtype float64 but the model expects float32; missing entry '2.running_var' (float32 [3]); "
        + "unexpected entry '4.weight' (float32 [1]); nothing was loaded", e.getMessage());
    assertEquals(before, model.stateDict());
  }

  @Test
  void linearDefaultInitialisationIsPyTorchsBound() {
    Linear layer = new Linear(100, 50, new SplittableRandom(5));
    double bound = 1 / Math.sqrt(100);
    assertTrue(layer.weight().value().abs().max().item() <= bound);
    assertTrue(layer.bias().value().abs().max().item() <= bound);
    assertTrue(layer.weight().value().abs().max().item() > 0.95 * bound, "samples should fill the interval");
    assertEquals(Shape.of(50, 100), layer.weight().shape());
    assertEquals("Linear(100 -> 50)", layer.toString());
  }

  @Test
  void modulesPrintLikePyTorch() {
    assertEquals("Sequential(\n  (0): Linear(4 -> 3)\n  (1): ReLU()\n  (2): BatchNorm1d(3, eps=1.0E-5, momentum=0.1)\n"
        + "  (3): Linear(3 -> 2)\n)", model().toString());
  }

  @Test
  void linearModuleReportsAShapeErrorWithItsName() {
    Sequential mlp = new Sequential(new Linear(784, 128, new SplittableRandom(1)), new ReLU());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mlp.forward(Tensor.constant(NDArray.zeros(Shape.of(32, 28, 28)))));
    assertEquals("Linear(784 -> 128): expected input [batch, 784], got [32, 28, 28]; flatten images first", e.getMessage());
  }

  @Test
  void parameterlessLayersHaveNoState() {
    for (Layer layer : List.of(new ReLU(), new LeakyReLU(), new ELU(), new GELU(), new Sigmoid(), new Tanh(), new Softmax(),
        new LogSoftmax(), new Identity(), new Flatten(), new Dropout(0.1, new SplittableRandom(1)))) {
      assertTrue(layer.parameters().isEmpty() && layer.stateDict().isEmpty(), layer.toString());
    }
    Tensor x = Tensor.constant(NDArray.randn(Shape.of(2, 3), new SplittableRandom(1)));
    assertSame(x, new Identity().forward(x));
    assertSame(x, new Dropout(0.5, new SplittableRandom(1)).forward(x));
  }
}
