package dev.ruru.onnx;

import dev.ruru.autodiff.Tensor;
import java.util.List;

/**
 * How Ruru runs one ONNX operator: its outputs, in order, from a {@link NodeCall}. Each is composed of
 * Ruru's differentiable tensor operations, so an imported graph trains as well as it runs.
 */
@FunctionalInterface
public interface Operator {
  List<Tensor> apply(NodeCall call);
}
