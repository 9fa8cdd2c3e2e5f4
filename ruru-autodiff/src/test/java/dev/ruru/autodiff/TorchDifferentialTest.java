package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Ruru against PyTorch on a few hundred random computation graphs (torch/differential/graphs.txt and
 * values.npy, written by make_graphs.py there): for each graph its value, the vector-Jacobian product
 * (reverse mode) along a random cotangent, the Jacobian-vector product (forward mode) along a random
 * tangent and, for every third graph, the Hessian-vector product of ⟨cotangent, f⟩ both by reverse over
 * reverse and by forward over reverse. All float64; both libraries compute the same exact derivatives,
 * so they must agree to rounding: |ruru − torch| ≤ 1e-9·|torch| + 1e-12·max(1, max |torch|).
 */
class TorchDifferentialTest {
  private static final Path COMMITTED = Path.of("src/test/resources/torch/differential");
  /** -Druru.differential=DIR runs graphs that make_graphs.py --out DIR wrote instead (more of them, another seed). */
  private static final Path FIXTURES = Path.of(System.getProperty("ruru.differential", COMMITTED.toString()));
  private static final double RELATIVE = 1e-9;
  private static final double ABSOLUTE = 1e-12;
  private static final List<GraphProgram> GRAPHS = graphs();

  private static List<GraphProgram> graphs() {
    try {
      return GraphProgram.read(FIXTURES.resolve("graphs.txt"), FIXTURES.resolve("values.npy"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theFixtureHoldsEveryGraphAndUsesEveryOp() {
    assumeTrue(FIXTURES.equals(COMMITTED), "graphs from elsewhere");
    assertEquals(320, GRAPHS.size());
    Set<String> used = new TreeSet<>();
    GRAPHS.forEach(graph -> graph.steps().forEach(step -> used.add(step.op())));
    assertEquals(new TreeSet<>(GraphInterpreter.OPS), used, "ops the interpreter knows but no graph uses, or the reverse");
  }

  @TestFactory
  Stream<DynamicTest> valuesAndDerivativesMatchPyTorch() {
    return GRAPHS.stream().map(graph -> dynamicTest("graph " + graph.id(), () -> {
      String where = "graph " + graph.id() + " (graphs.txt line " + graph.line() + ")";
      try {
        check(graph, where);
      } catch (RuntimeException e) {
        throw new AssertionError(where + ": " + e.getMessage(), e);
      }
    }));
  }

  private static void check(GraphProgram graph, String where) {
    TensorFunction f = GraphInterpreter.function(graph);
    NDArray[] x = graph.inputs().values().toArray(NDArray[]::new);
    List<String> names = List.copyOf(graph.inputs().keySet());
    NDArray value = Autodiff.noGrad(() -> f.apply(Arrays.stream(x).map(Tensor::constant).toArray(Tensor[]::new)).value());
    assertClose(where + ": value", graph.value(), value);
    NDArray[] vjp = Autodiff.vjp(f, x, graph.cotangent());
    for (int i = 0; i < x.length; i++) {
      assertClose(where + ": VJP for " + names.get(i), graph.vjp().get(names.get(i)), vjp[i]);
    }
    NDArray[] tangents = names.stream().map(graph.tangents()::get).toArray(NDArray[]::new);
    assertClose(where + ": JVP", graph.jvp(), Autodiff.jvp(f, x, tangents).tangent());
    if (graph.hvp()) {
      NDArray[] directions = names.stream().map(graph.directions()::get).toArray(NDArray[]::new);
      NDArray[] reverse = reverseOverReverse(f, x, graph.cotangent(), directions);
      NDArray[] forward = forwardOverReverse(f, x, graph.cotangent(), directions);
      for (int i = 0; i < x.length; i++) {
        NDArray expected = graph.hessianVectorProducts().get(names.get(i));
        assertClose(where + ": Hessian-vector product (reverse over reverse) for " + names.get(i), expected, reverse[i]);
        assertClose(where + ": Hessian-vector product (forward over reverse) for " + names.get(i), expected, forward[i]);
      }
    }
  }

  /** H·v of s = ⟨c, f(x)⟩: the gradient recorded as a graph, then differentiated along v by reverse mode again. */
  private static NDArray[] reverseOverReverse(TensorFunction f, NDArray[] x, NDArray cotangent, NDArray[] directions) {
    Tensor[] leaves = Arrays.stream(x).map(Tensor::variable).toArray(Tensor[]::new);
    Tensor s = f.apply(leaves).mul(Tensor.constant(cotangent)).sum();
    Gradients gradients = s.backward(List.of(leaves), Backward.CREATE_GRAPH);
    Tensor directional = null;
    for (int i = 0; i < x.length; i++) {
      Tensor term = gradients.tensor(leaves[i]).mul(Tensor.constant(directions[i])).sum();
      directional = directional == null ? term : directional.add(term);
    }
    if (!directional.requiresGrad()) {
      return Arrays.stream(x).map(a -> NDArray.zeros(a.shape(), a.dtype())).toArray(NDArray[]::new);
    }
    Gradients second = directional.backward(List.of(leaves));
    return Arrays.stream(leaves).map(second::get).toArray(NDArray[]::new);
  }

  /**
   * H·v as the JVP of the gradient function along v: the inputs are dual numbers shifted by zero-valued
   * leaves, and the backward pass to those leaves carries the tangents through every VJP rule.
   */
  private static NDArray[] forwardOverReverse(TensorFunction f, NDArray[] x, NDArray cotangent, NDArray[] directions) {
    TensorFunction gradient = in -> {
      Tensor[] leaves = new Tensor[in.length];
      Tensor[] shifted = new Tensor[in.length];
      for (int i = 0; i < in.length; i++) {
        leaves[i] = Tensor.variable(NDArray.zeros(in[i].shape(), in[i].dtype()));
        shifted[i] = in[i].add(leaves[i]);
      }
      Gradients gradients = f.apply(shifted).mul(Tensor.constant(cotangent)).sum().backward(List.of(leaves));
      List<Tensor> flat = new ArrayList<>();
      for (Tensor leaf : leaves) {
        flat.add(gradients.tensor(leaf).reshape(-1));
      }
      return Tensor.concat(flat, 0);
    };
    NDArray tangent = Autodiff.jvp(gradient, x, directions).tangent();
    NDArray[] split = new NDArray[x.length];
    int start = 0;
    for (int i = 0; i < x.length; i++) {
      split[i] = tangent.slice(0, start, start + x[i].size(), 1).reshape(x[i].shape());
      start += x[i].size();
    }
    return split;
  }

  private static void assertClose(String what, NDArray expected, NDArray actual) {
    assertEquals(expected.shape(), actual.shape(), what + ": shape");
    double[] e = expected.toDoubleArray();
    double[] a = actual.toDoubleArray();
    double scale = 1;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int j = 0; j < e.length; j++) {
      double error = Math.abs(a[j] - e[j]);
      if (!(error <= RELATIVE * Math.abs(e[j]) + ABSOLUTE * scale)) {
        throw new AssertionError(String.format("%s differs from torch at %s: ruru %.17g, torch %.17g (error %.2e, relative %.2e)",
            what, Arrays.toString(unravel(j, expected.shape())), a[j], e[j], error, error / Math.abs(e[j])));
      }
    }
  }

  private static int[] unravel(int flat, Shape shape) {
    int[] index = new int[shape.rank()];
    for (int axis = shape.rank() - 1; axis >= 0; axis--) {
      index[axis] = flat % shape.dim(axis);
      flat /= shape.dim(axis);
    }
    return index;
  }
}
