package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Tensor;
import java.util.random.RandomGenerator;

/**
 * Scaled dot-product attention (Vaswani et al., 2017) as pure functions:
 * softmax(q·kᵀ / √d, masked)·v. Shapes: q [..., L, d], k [..., S, d], v [..., S, dv], output
 * [..., L, dv]; the leading axes broadcast as in {@link Tensor#matmul}. Composed from matmul, where
 * and softmax, so both differentiation modes come for free. Inputs are not modified.
 *
 * <p>Masked scores are replaced by the dtype's most negative finite value rather than −∞ (Hugging Face
 * does the same). Where a row has an allowed key the result equals PyTorch's (the masked weights are
 * exactly 0); a row whose every key is masked gets uniform weights, the mean of the values, instead of
 * PyTorch's NaN, so one fully padded sequence cannot poison a batch.
 *
 * <pre>{@code
 * Tensor out = Attention.scaledDotProduct(q, k, v, AttentionMask.causal(5, 5));   // q, k, v [2, 5, 16]
 * }</pre>
 */
public final class Attention {
  private Attention() {}

  /** softmax(q·kᵀ / √d)·v with nothing masked. */
  public static Tensor scaledDotProduct(Tensor query, Tensor key, Tensor value) {
    return scaledDotProduct(query, key, value, AttentionMask.none());
  }

  /** softmax(q·kᵀ / √d, masked)·v; see the class comment for the shapes. */
  public static Tensor scaledDotProduct(Tensor query, Tensor key, Tensor value, AttentionMask mask) {
    checkValue("scaledDotProduct", key, value);
    return weights("scaledDotProduct", query, key, mask).matmul(value);
  }

  /**
   * As {@link #scaledDotProduct(Tensor, Tensor, Tensor, AttentionMask)}, with inverted dropout of
   * probability {@code dropout} on the attention weights in {@link Mode#TRAIN} (as PyTorch's
   * {@code dropout_p}); the masks of dropped weights come from {@code rng}.
   */
  public static Tensor scaledDotProduct(Tensor query, Tensor key, Tensor value, AttentionMask mask, double dropout, Mode mode,
      RandomGenerator rng) {
    checkValue("scaledDotProduct", key, value);
    Tensor weights = Functional.dropout(weights("scaledDotProduct", query, key, mask), dropout, mode, rng);
    return weights.matmul(value);
  }

  /**
   * The attention weights softmax(q·kᵀ / √d, masked) along the key axis: [..., L, S], each row summing
   * to 1. q [..., L, d] and k [..., S, d].
   */
  public static Tensor weights(Tensor query, Tensor key, AttentionMask mask) {
    return weights("attention weights", query, key, mask);
  }

  /** As {@link #weights(Tensor, Tensor, AttentionMask)}, with errors naming {@code layer}. */
  static Tensor weights(String layer, Tensor query, Tensor key, AttentionMask mask) {
    checkQueryAndKey(layer, query, key);
    int depth = query.shape().dim(query.rank() - 1);
    Tensor scores = query.matmul(swapLastTwo(key)).div(Math.sqrt(depth));
    NDArray allowed = mask.allowed(layer, scores.shape());
    if (allowed != null) {
      scores = Tensor.where(Tensor.constant(allowed), scores, Tensor.scalar(lowestFinite(scores.dtype()), scores.dtype()));
    }
    return scores.softmax(scores.rank() - 1);
  }

  /** The most negative finite value of a floating dtype: a masked score that cannot make inf − inf = NaN. */
  static double lowestFinite(DType dtype) {
    return dtype == DType.FLOAT32 ? -Float.MAX_VALUE : -Double.MAX_VALUE;
  }

  /** [..., a, b] to [..., b, a]: a view, which the matrix product reads as a BLAS transpose flag. */
  static Tensor swapLastTwo(Tensor x) {
    int rank = x.rank();
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    axes[rank - 2] = rank - 1;
    axes[rank - 1] = rank - 2;
    return x.permute(axes);
  }

  private static void checkQueryAndKey(String layer, Tensor query, Tensor key) {
    if (query.rank() < 2 || key.rank() < 2) {
      throw new ShapeMismatchException(layer + ": expected query [..., L, d] and key [..., S, d], got " + query.shape() + " and "
          + key.shape());
    }
    if (!query.dtype().isFloating() || !key.dtype().isFloating()) {
      throw new IllegalArgumentException(layer + ": query and key must be float32 or float64, got " + query.dtype() + " and "
          + key.dtype());
    }
    int queryDepth = query.shape().dim(query.rank() - 1);
    int keyDepth = key.shape().dim(key.rank() - 1);
    if (queryDepth != keyDepth) {
      throw new ShapeMismatchException(layer + ": query " + query.shape() + " and key " + key.shape()
          + " must have the same last axis (" + queryDepth + " != " + keyDepth + ")");
    }
  }

  private static void checkValue(String layer, Tensor key, Tensor value) {
    if (value.rank() < 2 || key.rank() < 2 || value.shape().dim(value.rank() - 2) != key.shape().dim(key.rank() - 2)) {
      throw new ShapeMismatchException(layer + ": key " + key.shape() + " and value " + value.shape()
          + " must have the same number of positions on the second-to-last axis (key [..., S, d], value [..., S, dv])");
    }
  }
}
