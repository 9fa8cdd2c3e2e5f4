package dev.ruru.autodiff;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;

/**
 * Σ_j ℓ(x_ij, y_ij) per row of x [n, m], against constant targets y ({@link BinaryCrossEntropy#withLogitsSummed}):
 * the binary cross-entropy and the sum over the row in one primitive. Its derivatives are those of the
 * composition withLogits(x).sum(1): the row's gradient g_i spread over its row times σ(x) − y (VJP), and
 * Σ_j t_ij·(σ(x_ij) − y_ij) (JVP), both through {@link MulSigmoidResidualRule} with the σ(x) the forward
 * pass kept, so second derivatives work as the composition's do.
 */
final class BinaryCrossEntropySumRule implements Rule {
  private final NDArray targets;
  /** σ(x) from the forward pass, for both derivatives. */
  private NDArray sigmoid;

  BinaryCrossEntropySumRule(NDArray targets) {
    this.targets = targets;
  }

  public String name() { return "binaryCrossEntropyWithLogitsSummed"; }

  public NDArray forward(NDArray... in) {
    BinaryCrossEntropy.LossAndSigmoid result = BinaryCrossEntropy.lossSums(in[0], targets);
    sigmoid = result.sigmoid();
    return result.loss();
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    Tensor spread = g.reshape(g.shape().dim(0), 1).broadcastTo(in[0].shape());
    return Tensor.apply(new MulSigmoidResidualRule(targets, sigmoid), spread, in[0]);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.apply(new MulSigmoidResidualRule(targets, sigmoid), t[0], in[0]).sum(1, Dims.DROP);
  }
}
