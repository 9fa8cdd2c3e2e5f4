package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A lookup table of learned vectors, as torch.nn.Embedding: integer ids of any shape [...] pick rows
 * of the weight [numEmbeddings, dim], giving [..., dim]. The lookup is a gather, whose gradient adds
 * into each picked row, so an id used several times collects the sum of its positions' gradients. The
 * weight starts N(0, 1), as PyTorch's. An optional padding index names a row that starts at zero and
 * gets no gradient (PyTorch's {@code padding_idx}), so padding never changes.
 *
 * <pre>{@code
 * Embedding embedding = new Embedding(10_000, 128, rng);
 * Tensor vectors = embedding.forward(Tensor.constant(tokenIds));   // int64 [B, T] -> [B, T, 128]
 * }</pre>
 */
public final class Embedding implements Layer {
  private static final int NO_PADDING = -1;

  private final int numEmbeddings;
  private final int dim;
  private final int paddingIndex;
  private final Parameter weight;

  /** float32, no padding index. */
  public Embedding(int numEmbeddings, int dim, RandomGenerator rng) {
    this(numEmbeddings, dim, DType.FLOAT32, rng);
  }

  /** As {@link #Embedding(int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public Embedding(int numEmbeddings, int dim) {
    this(numEmbeddings, dim, Seed.generator());
  }

  public Embedding(int numEmbeddings, int dim, DType dtype, RandomGenerator rng) {
    this(numEmbeddings, dim, NO_PADDING, dtype, rng);
  }

  /** As {@link #Embedding(int, int, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public Embedding(int numEmbeddings, int dim, DType dtype) {
    this(numEmbeddings, dim, dtype, Seed.generator());
  }

  private Embedding(int numEmbeddings, int dim, int paddingIndex, DType dtype, RandomGenerator rng) {
    if (numEmbeddings < 1 || dim < 1) {
      throw new IllegalArgumentException("Embedding: numEmbeddings and dim must be positive, got " + numEmbeddings + " and " + dim);
    }
    this.numEmbeddings = numEmbeddings;
    this.dim = dim;
    this.paddingIndex = paddingIndex;
    NDArray initial = Init.normal(0, 1).sample(Shape.of(numEmbeddings, dim), dtype, rng);
    if (paddingIndex != NO_PADDING) {
      initial.slice(0, paddingIndex, paddingIndex + 1, 1).fillInPlace(0);
    }
    this.weight = new Parameter(initial);
  }

  /**
   * With PyTorch's {@code padding_idx}: row {@code paddingIndex} (negative counts from the end) starts at
   * zero and gets no gradient.
   */
  public static Embedding withPaddingIndex(int numEmbeddings, int dim, int paddingIndex, DType dtype, RandomGenerator rng) {
    int index = paddingIndex < 0 ? paddingIndex + numEmbeddings : paddingIndex;
    if (index < 0 || index >= numEmbeddings) {
      throw new IllegalArgumentException("Embedding(" + numEmbeddings + ", " + dim + "): padding index " + paddingIndex
          + " is outside [-" + numEmbeddings + ", " + numEmbeddings + ")");
    }
    return new Embedding(numEmbeddings, dim, index, dtype, rng);
  }

  /** As {@link #withPaddingIndex(int, int, int, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public static Embedding withPaddingIndex(int numEmbeddings, int dim, int paddingIndex, DType dtype) {
    return withPaddingIndex(numEmbeddings, dim, paddingIndex, dtype, Seed.generator());
  }

  /** The rows of the weight picked by {@code ids} (int32 or int64, any shape): [..., dim]. */
  @Override
  public Tensor forward(Tensor ids, Mode mode) {
    return lookup(toString(), weight.tensor(), ids.value(), paddingIndex);
  }

  /** torch.nn.functional.embedding: rows of {@code weight} [n, dim] picked by {@code ids} [...], giving [..., dim]. */
  public static Tensor lookup(Tensor weight, NDArray ids) {
    return lookup("embedding", weight, ids, NO_PADDING);
  }

  private static Tensor lookup(String layer, Tensor weight, NDArray ids, int paddingIndex) {
    if (weight.rank() != 2) {
      throw new IllegalArgumentException(layer + ": the weight must be [numEmbeddings, dim], got " + weight.shape());
    }
    checkIds(layer, ids, weight.shape().dim(0));
    Tensor rows = weight.takeRows(ids);                       // [..., dim]
    if (paddingIndex != NO_PADDING) {
      // Padding positions read the row's value as a constant, so no gradient reaches it.
      int[] column = Arrays.copyOf(ids.shape().dims(), ids.rank() + 1);
      column[ids.rank()] = 1;
      rows = Tensor.where(Tensor.constant(ids.eq(paddingIndex).reshape(column)), rows.detach(), rows);
    }
    return rows;
  }

  private static void checkIds(String layer, NDArray ids, int numEmbeddings) {
    if (!ids.dtype().isInteger()) {
      throw new IllegalArgumentException(layer + ": ids must be int32 or int64, got " + ids.dtype()
          + "; convert them with astype(DType.INT64)");
    }
    long[] values = ids.toLongArray();
    for (int k = 0; k < values.length; k++) {
      if (values[k] < 0 || values[k] >= numEmbeddings) {
        throw new IndexOutOfBoundsException(layer + ": id " + values[k] + " at position " + Arrays.toString(unravel(k, ids.shape()))
            + " is outside [0, " + numEmbeddings + ")");
      }
    }
  }

  private static int[] unravel(int flat, Shape shape) {
    int[] position = new int[shape.rank()];
    for (int axis = shape.rank() - 1, rest = flat; axis >= 0; axis--) {
      position[axis] = rest % shape.dim(axis);
      rest /= shape.dim(axis);
    }
    return position;
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.of("weight", weight);
  }

  public Parameter weight() { return weight; }
  public int numEmbeddings() { return numEmbeddings; }
  public int dim() { return dim; }

  @Override
  public String toString() {
    return "Embedding(" + numEmbeddings + ", " + dim + (paddingIndex == NO_PADDING ? "" : ", paddingIndex=" + paddingIndex) + ")";
  }
}
