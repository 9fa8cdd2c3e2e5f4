package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.Map;

/**
 * Layer normalisation over the trailing axes {@code normalizedShape} (Ba et al., 2016), as
 * torch.nn.LayerNorm: each sample is normalised with its own statistics, the same in training and
 * evaluation; learnable γ (ones) and β (zeros) of that shape. See {@link Normalization#layerNorm}.
 */
public final class LayerNorm implements Layer {
  private final Shape normalizedShape;
  private final double eps;
  private final Parameter weight;
  private final Parameter bias;

  /** float32, ε = 1e-5. */
  public LayerNorm(int... normalizedShape) {
    this(Shape.of(normalizedShape), 1e-5, DType.FLOAT32);
  }

  public LayerNorm(Shape normalizedShape, double eps, DType dtype) {
    if (normalizedShape.rank() == 0) {
      throw new IllegalArgumentException("LayerNorm: the normalised shape needs at least one axis");
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException("LayerNorm: invalid eps: " + eps + " (must be > 0)");
    }
    this.normalizedShape = normalizedShape;
    this.eps = eps;
    this.weight = new Parameter(NDArray.ones(normalizedShape, dtype));
    this.bias = new Parameter(NDArray.zeros(normalizedShape, dtype));
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Normalization.layerNorm(input, normalizedShape.rank(), weight.tensor(), bias.tensor(), eps);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.of("weight", weight, "bias", bias);
  }

  public Shape normalizedShape() { return normalizedShape; }
  public double eps() { return eps; }
  public Parameter weight() { return weight; }
  public Parameter bias() { return bias; }

  @Override
  public String toString() {
    return "LayerNorm(" + normalizedShape + ", eps=" + eps + ")";
  }
}
