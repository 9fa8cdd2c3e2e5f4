package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** runOnEmbedding (project the table, then look up) against the lookup followed by run, in values and gradients. */
class RecurrentEmbeddingTest {
  @Test
  void projectingTheTableEqualsProjectingTheLookedUpRows() {
    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      SplittableRandom rng = new SplittableRandom(4);
      LSTM lstm = new LSTM(5, 6, RecurrentOptions.defaults().withLayers(2).withBidirectional(true).withDtype(dtype), rng);
      Tensor table = Tensor.variable(NDArray.randn(Shape.of(7, 5), rng).astype(dtype));
      NDArray ids = NDArray.of(new long[] {0, 3, 3, 6, 1, 2, 2, 2, 5, 0}, 2, 5);
      RecurrentOutput folded = lstm.runOnEmbedding(table, ids, null, Mode.EVAL);
      RecurrentOutput plain = lstm.run(Embedding.lookup(table, ids), null, Mode.EVAL);
      double tolerance = dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
      assertTrue(folded.output().value().allClose(plain.output().value(), tolerance, tolerance), dtype + " output");
      NDArray weights = NDArray.linspace(-1, 1, 2 * 5 * 12, dtype).reshape(2, 5, 12);
      List<Tensor> leaves = new ArrayList<>(List.of(table));
      leaves.addAll(Params.tensors(lstm.parameters()));
      Gradients a = folded.output().mul(Tensor.constant(weights)).sum().add(folded.state().cell().sum()).backward(leaves);
      Gradients b = plain.output().mul(Tensor.constant(weights)).sum().add(plain.state().cell().sum()).backward(leaves);
      for (Tensor leaf : leaves) {
        assertTrue(a.get(leaf).allClose(b.get(leaf), tolerance * 10, tolerance * 10), dtype + " gradient of " + leaf.shape());
      }
    }
  }
}
