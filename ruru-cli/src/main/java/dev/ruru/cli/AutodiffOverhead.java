package dev.ruru.cli;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The cost of reverse mode on issue 3's yardstick: the loss of a 784-256-10 ReLU MLP with softmax
 * cross-entropy on a batch. Three variants: the loss alone ({@code forward}, no graph), the loss and
 * all four parameter gradients by autodiff ({@code step}), and the same gradients written by hand with
 * arrays only ({@code by-hand}, the course's back_propagation). backward/forward = step/forward − 1;
 * the graph's overhead = step/by-hand.
 */
final class AutodiffOverhead {
  private final NDArray inputs;
  private final NDArray targets;
  private final NDArray[] parameters;

  private AutodiffOverhead(int batch, RandomGenerator random) {
    inputs = NDArray.rand(Shape.of(batch, 784), random);
    NDArray labels = NDArray.uniform(Shape.of(batch), 0, 10, DType.FLOAT64, random).astype(DType.INT64);
    targets = NDArray.oneHot(labels, 10, DType.FLOAT32);
    parameters = new NDArray[] {
      NDArray.normal(Shape.of(784, 256), 0, 0.05, DType.FLOAT32, random), NDArray.zeros(Shape.of(256)),
      NDArray.normal(Shape.of(256, 10), 0, 0.05, DType.FLOAT32, random), NDArray.zeros(Shape.of(10))
    };
  }

  static List<Workload.Variant> variants(int batch, RandomGenerator random) {
    AutodiffOverhead mlp = new AutodiffOverhead(batch, random);
    return List.of(
        new Workload.Variant("forward", () -> Autodiff.noGrad(() -> mlp.loss(mlp.leaves()))),
        new Workload.Variant("step", mlp::autodiffStep),
        new Workload.Variant("by-hand", mlp::handWrittenStep));
  }

  private Tensor[] leaves() {
    return Arrays.stream(parameters).map(Tensor::variable).toArray(Tensor[]::new);
  }

  private Tensor loss(Tensor[] p) {
    Tensor logits = Tensor.constant(inputs).matmul(p[0]).add(p[1]).relu().matmul(p[2]).add(p[3]);
    return logits.softmaxCrossEntropy(targets).mean();
  }

  private Object autodiffStep() {
    Tensor[] p = leaves();
    return loss(p).backward(List.of(p));
  }

  /**
   * dL/dlogits = (softmax − onehot)/B, then the chain rule through each layer by hand, with the array
   * operations a careful user would pick (relu's gradient as one {@code mulHeaviside} pass, as the
   * autodiff rule does), so that step/by-hand measures the graph and nothing else.
   */
  private Object handWrittenStep() {
    int batch = inputs.dim(0);
    NDArray hidden = inputs.matmul(parameters[0]).add(parameters[1]).relu();
    NDArray logits = hidden.matmul(parameters[2]).add(parameters[3]);
    NDArray probabilities = logits.sub(logits.logsumexp(new int[] {1}, Dims.KEEP)).exp();
    NDArray dLogits = probabilities.sub(targets).div(batch);
    NDArray dHidden = dLogits.matmul(parameters[2].transpose()).mulHeaviside(hidden);   // relu's gradient in one pass
    return new NDArray[] {
      inputs.transpose().matmul(dHidden), dHidden.sum(0), hidden.transpose().matmul(dLogits), dLogits.sum(0)
    };
  }
}
