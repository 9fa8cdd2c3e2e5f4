package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which queries may attend to which keys. PyTorch has two opposite conventions for boolean masks, so
 * the factory says which one a mask is in: {@link #allowing} (true = may attend, as
 * {@code F.scaled_dot_product_attention}) and {@link #blocking} (true = may not attend, as the
 * {@code attn_mask} of {@code nn.MultiheadAttention} and the Transformer layers). {@link #keyPadding}
 * takes PyTorch's {@code key_padding_mask} [batch, keys] (true = padding, ignored) and {@link #causal}
 * its {@code is_causal}. Masks combine with {@link #and}: a pair may attend when every part allows it.
 *
 * <p>Attention scores have shape [..., queries, keys] ([batch, heads, queries, keys] in
 * {@link MultiheadAttention}). Allowing and blocking masks broadcast against them by NumPy's rules
 * (aligned at the last axis); a key-padding mask is aligned at the first (batch) and last (key) axes.
 *
 * <pre>{@code
 * NDArray padding = ids.eq(PAD);                                    // [batch, length], true at padding
 * AttentionMask mask = AttentionMask.causal(length, length).and(AttentionMask.keyPadding(padding));
 * Tensor y = encoderLayer.forward(x, mask, Mode.TRAIN);
 * }</pre>
 */
public final class AttentionMask {
  private static final AttentionMask NONE = new AttentionMask(List.of());

  /** One boolean array, true where attention is allowed; key padding is aligned at the batch axis. */
  private record Part(NDArray allowed, Alignment alignment) {}

  private enum Alignment { TRAILING, BATCH_AND_KEY, EXACT_QUERIES_AND_KEYS }

  private final List<Part> parts;

  private AttentionMask(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** Every query attends to every key. */
  public static AttentionMask none() {
    return NONE;
  }

  /** A bool mask broadcastable to [..., queries, keys]: true where the query may attend to the key. */
  public static AttentionMask allowing(NDArray allowed) {
    return new AttentionMask(List.of(new Part(checkBool("allowing", allowed), Alignment.TRAILING)));
  }

  /** A bool mask broadcastable to [..., queries, keys]: true where the query may NOT attend (PyTorch's attn_mask). */
  public static AttentionMask blocking(NDArray blocked) {
    return new AttentionMask(List.of(new Part(checkBool("blocking", blocked).eq(0.0), Alignment.TRAILING)));
  }

  /**
   * Query i attends to keys 0..i: the lower triangle of a [queries, keys] matrix of ones, aligned at the
   * top left as PyTorch's {@code is_causal} (for queries = keys, {@code generate_square_subsequent_mask}).
   */
  public static AttentionMask causal(int queries, int keys) {
    if (queries < 1 || keys < 1) {
      throw new IllegalArgumentException("AttentionMask.causal: sizes must be positive, got " + queries + " queries and " + keys + " keys");
    }
    NDArray allowed = NDArray.arange(queries).reshape(queries, 1).ge(NDArray.arange(keys).reshape(1, keys));
    return new AttentionMask(List.of(new Part(allowed, Alignment.EXACT_QUERIES_AND_KEYS)));
  }

  /** PyTorch's key_padding_mask: a bool [batch, keys], true at padding positions, which no query attends to. */
  public static AttentionMask keyPadding(NDArray padding) {
    checkBool("keyPadding", padding);
    if (padding.rank() != 2) {
      throw new ShapeMismatchException("AttentionMask.keyPadding: expected a mask [batch, keys], got " + padding.shape());
    }
    return new AttentionMask(List.of(new Part(padding.eq(0.0), Alignment.BATCH_AND_KEY)));
  }

  /** A mask allowing a pair only where both this and {@code other} allow it. */
  public AttentionMask and(AttentionMask other) {
    List<Part> both = new ArrayList<>(parts);
    both.addAll(other.parts);
    return new AttentionMask(both);
  }

  /** True when this mask allows everything. */
  public boolean isNone() {
    return parts.isEmpty();
  }

  /**
   * A bool array broadcastable to {@code scores} ([..., queries, keys]), true where attention is
   * allowed, or null when nothing is masked. Errors name {@code layer} and both shapes.
   */
  NDArray allowed(String layer, Shape scores) {
    NDArray result = null;
    for (Part part : parts) {
      NDArray allowed = aligned(layer, part, scores);
      result = result == null ? allowed : NDArray.where(result, allowed, NDArray.scalar(0, DType.BOOL));
    }
    return result;
  }

  private static NDArray aligned(String layer, Part part, Shape scores) {
    int[] dims = scores.dims();
    int rank = dims.length;
    NDArray mask = part.allowed();
    String layout = rank == 4 ? " ([batch, heads, queries, keys])" : " ([..., queries, keys])";
    switch (part.alignment()) {
      case BATCH_AND_KEY -> {
        if (rank < 2 || mask.dim(0) != dims[0] || mask.dim(1) != dims[rank - 1]) {
          throw new ShapeMismatchException(layer + ": the key padding mask " + mask.shape() + " does not match the attention scores "
              + scores + layout + "; expected [" + (rank < 2 ? "batch" : dims[0]) + ", " + dims[rank - 1] + "]");
        }
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[0] = dims[0];
        shape[rank - 1] = dims[rank - 1];
        return mask.reshape(shape);
      }
      case EXACT_QUERIES_AND_KEYS -> {
        if (mask.dim(0) != dims[rank - 2] || mask.dim(1) != dims[rank - 1]) {
          throw new ShapeMismatchException(layer + ": the causal mask " + mask.shape() + " does not match the attention scores "
              + scores + layout + "; make it with causal(" + dims[rank - 2] + ", " + dims[rank - 1] + ")");
        }
        return mask;
      }
      default -> {
        checkBroadcastable(layer, mask.shape(), scores, layout);
        return mask;
      }
    }
  }

  private static void checkBroadcastable(String layer, Shape mask, Shape scores, String layout) {
    boolean fits = mask.rank() <= scores.rank();
    for (int i = 1; fits && i <= mask.rank(); i++) {
      int m = mask.dim(mask.rank() - i);
      fits = m == 1 || m == scores.dim(scores.rank() - i);
    }
    if (!fits) {
      throw new ShapeMismatchException(layer + ": the attention mask " + mask + " does not broadcast to the attention scores "
          + scores + layout);
    }
  }

  private static NDArray checkBool(String factory, NDArray mask) {
    if (mask.dtype() != DType.BOOL) {
      throw new IllegalArgumentException("AttentionMask." + factory + ": expected a bool mask, got " + mask.dtype()
          + "; make one with a comparison such as ids.eq(padId)");
    }
    return mask;
  }

  @Override
  public String toString() {
    if (parts.isEmpty()) {
      return "AttentionMask(none)";
    }
    List<String> names = new ArrayList<>();
    for (Part part : parts) {
      names.add(switch (part.alignment()) {
        case TRAILING -> "allowed " + part.allowed().shape();
        case BATCH_AND_KEY -> "key padding " + part.allowed().shape();
        case EXACT_QUERIES_AND_KEYS -> "causal " + part.allowed().shape();
      });
    }
    return "AttentionMask(" + String.join(" and ", names) + ")";
  }
}
