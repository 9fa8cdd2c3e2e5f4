package dev.ruru.autodiff;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;

/**
 * Softmax cross-entropy of logits x against a constant target distribution q along the last axis:
 * loss = logsumexp(x) − Σ q·x, one value per row. A fused primitive because training computes it
 * every step: the composite (logSoftmax, then gather or a product with q) stays as its test oracle.
 * With Σ q = 1, ∂loss/∂x = softmax(x) − q; in general softmax(x)·Σq − q.
 */
final class SoftmaxCrossEntropyRule implements Rule {
  private final NDArray targets;

  SoftmaxCrossEntropyRule(NDArray targets) {
    this.targets = targets;
  }

  public String name() { return "softmaxCrossEntropy"; }

  public NDArray forward(NDArray... in) {
    int last = in[0].rank() - 1;
    NDArray logsumexp = in[0].logsumexp(new int[] {last}, Dims.DROP);
    NDArray targetMass = targets.sum(new int[] {last}, Dims.DROP);
    return logsumexp.mul(targetMass).sub(in[0].mul(targets).sum(new int[] {last}, Dims.DROP));
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return slope(in[0]).mul(g.reshape(keptShape(in[0])));
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return t[0].mul(slope(in[0])).sum(in[0].rank() - 1, Dims.DROP);
  }

  /** softmax(x)·Σq − q, written with Tensor ops so that it can be differentiated again. */
  private Tensor slope(Tensor logits) {
    int last = logits.rank() - 1;
    Tensor mass = Tensor.constant(targets.sum(new int[] {last}, Dims.KEEP));
    return logits.softmax(last).mul(mass).sub(Tensor.constant(targets));
  }

  private static int[] keptShape(Tensor logits) {
    int[] shape = logits.shape().dims();
    shape[shape.length - 1] = 1;
    return shape;
  }
}
