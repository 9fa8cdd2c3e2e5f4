package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Arrays that the backward passes of a training loop write their leaves' gradients into, so that each
 * step's weight gradient lands where the last step's did, in the caches, instead of on fresh memory
 * (PyTorch keeps a parameter's {@code .grad} the same way). Give the same object to every pass of the
 * loop: {@code loss.backward(leaves, buffers)}.
 *
 * <p>A gradient such a pass returns may be one of these arrays, and it holds only until the next pass
 * with the same buffers: copy what must outlive it. Only primitives that can compute a gradient in place
 * use a buffer (a linear layer's weight); the others return fresh arrays as usual. A pass that records
 * its graph ({@link Backward#CREATE_GRAPH}) or carries tangents uses none.
 */
public final class GradientBuffers {
  // Weak keys: a loop whose leaves change (new tensors each step) must not keep the old arrays alive.
  // Tensor keeps Object's identity equality, so this is an identity map.
  private final Map<Tensor, NDArray> arrays = new WeakHashMap<>();

  /** The array for {@code leaf}'s gradient, made on first use (or when the leaf's shape or dtype changed). */
  NDArray arrayFor(Tensor leaf) {
    NDArray array = arrays.get(leaf);
    if (array == null || !array.shape().equals(leaf.shape()) || array.dtype() != leaf.dtype()) {
      array = NDArray.zeros(leaf.shape(), leaf.dtype());
      arrays.put(leaf, array);
    }
    return array;
  }
}
