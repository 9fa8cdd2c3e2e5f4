package dev.ruru.onnx;

import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.Map;

/** Matrix products: MatMul (NumPy's matmul) and Gemm (alpha·A'·B' + beta·C, what PyTorch's Linear exports to). */
final class MatrixOperators {
  private MatrixOperators() {}

  static void register(Map<String, Operator> table) {
    table.put("MatMul", call -> List.of(call.input(0).matmul(call.input(1))));
    table.put("Gemm", MatrixOperators::gemm);
    table.put("Einsum", EinsumOperator::einsum);
  }

  private static List<Tensor> gemm(NodeCall call) {
    Tensor a = call.input(0);
    Tensor b = call.input(1);
    Tensor c = call.optionalInput(2);
    boolean transA = call.intAttribute("transA", 0) != 0;
    boolean transB = call.intAttribute("transB", 0) != 0;
    double alpha = call.floatAttribute("alpha", 1f);
    double beta = call.floatAttribute("beta", 1f);
    if (a.rank() != 2 || b.rank() != 2) {
      throw call.error("A " + a.shape() + " and B " + b.shape() + " must be matrices", "Gemm multiplies 2-D inputs");
    }
    a = transA ? a.transpose() : a;
    // Linear's layout (B = W transposed, C = bias) goes to the fused x·Wᵀ + b kernel.
    if (transB && alpha == 1 && beta == 1 && c != null && c.rank() == 1 && c.shape().dim(0) == b.shape().dim(0)) {
      return List.of(a.linear(b, c));
    }
    Tensor product = a.matmul(transB ? b.transpose() : b);
    product = alpha == 1 ? product : product.mul(alpha);
    return List.of(c == null ? product : product.add(beta == 1 ? c : c.mul(beta)));
  }
}
