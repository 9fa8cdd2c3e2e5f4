package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A learned positional encoding (as in BERT and GPT-2): a trained vector per position, weight
 * [maxLen, dim], whose first T rows are added to x [B, T, dim] (or [T, dim]). It equals adding an
 * {@link Embedding} of the positions 0..T−1, and its parameter has the same name ({@code weight}) and
 * initialisation (N(0, 1)), so it loads from a torch.nn.Embedding(maxLen, dim).
 *
 * <pre>{@code
 * Layer encode = new LearnedPositionalEncoding(512, 64, rng);
 * Tensor y = encode.forward(tokenVectors);   // [B, T, 64], T <= 512
 * }</pre>
 */
public final class LearnedPositionalEncoding implements Layer {
  private final int maxLen;
  private final int dim;
  private final Parameter weight;

  /** float32. */
  public LearnedPositionalEncoding(int maxLen, int dim, RandomGenerator rng) {
    this(maxLen, dim, DType.FLOAT32, rng);
  }

  /** As {@link #LearnedPositionalEncoding(int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public LearnedPositionalEncoding(int maxLen, int dim) {
    this(maxLen, dim, Seed.generator());
  }

  public LearnedPositionalEncoding(int maxLen, int dim, DType dtype, RandomGenerator rng) {
    if (dim < 1 || maxLen < 1) {
      throw new IllegalArgumentException("LearnedPositionalEncoding: maxLen and dim must be positive, got " + maxLen + " and " + dim);
    }
    this.maxLen = maxLen;
    this.dim = dim;
    this.weight = new Parameter(Init.normal(0, 1).sample(Shape.of(maxLen, dim), dtype, rng));
  }

  /** As {@link #LearnedPositionalEncoding(int, int, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public LearnedPositionalEncoding(int maxLen, int dim, DType dtype) {
    this(maxLen, dim, dtype, Seed.generator());
  }

  /** x + weight[0:T] for x [..., T, dim]; gradients reach only the rows used. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    int length = SinusoidalPositionalEncoding.checkInput(toString(), input, dim, maxLen);
    return input.add(weight.tensor().slice(0, 0, length, 1));
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.of("weight", weight);
  }

  public Parameter weight() { return weight; }

  @Override
  public String toString() {
    return "LearnedPositionalEncoding(maxLen=" + maxLen + ", dim=" + dim + ")";
  }
}
