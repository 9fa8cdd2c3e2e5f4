package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A Transformer layer's position-wise feed-forward block, linear2(dropout(activation(linear1(x)))),
 * applied to every position of x [B, T, d_model] alike. Its parameters are named {@code linear1.*} and
 * {@code linear2.*}, which the layers merge into their own, as PyTorch's layers hold them directly.
 */
final class FeedForward {
  private final Linear linear1;
  private final Linear linear2;
  private final TransformerLayerConfig.Activation activation;
  private final double dropout;
  private final RandomGenerator rng;

  FeedForward(TransformerLayerConfig config, RandomGenerator rng) {
    this.linear1 = linearLikePyTorch(config.dModel(), config.feedforwardDim(), config, rng);
    this.linear2 = linearLikePyTorch(config.feedforwardDim(), config.dModel(), config, rng);
    this.activation = config.activation();
    this.dropout = config.dropout();
    this.rng = rng;
  }

  /** x [..., d_model] to [..., d_model]; the matrix products see the positions as one batch. */
  Tensor forward(Tensor x, Mode mode) {
    int[] dims = x.shape().dims();
    int features = dims[dims.length - 1];
    Tensor hidden = activation.apply(linear1.forward(x.reshape(-1, features), mode));
    Tensor out = linear2.forward(Functional.dropout(hidden, dropout, mode, rng), mode);
    return out.reshape(x.shape());
  }

  Map<String, Parameter> parameters() {
    return Params.merge(Params.nested("linear1", linear1.parameters()), Params.nested("linear2", linear2.parameters()));
  }

  Linear linear1() { return linear1; }
  Linear linear2() { return linear2; }

  /** torch.nn.Linear's default initialisation, in the configuration's dtype. */
  private static Linear linearLikePyTorch(int in, int out, TransformerLayerConfig config, RandomGenerator rng) {
    double bound = 1 / Math.sqrt(in);
    return new Linear(in, out, Init.kaimingUniform(Math.sqrt(5), Init.FanMode.FAN_IN), Init.uniform(-bound, bound), config.dtype(), rng);
  }
}
