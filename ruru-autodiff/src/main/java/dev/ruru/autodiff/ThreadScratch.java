package dev.ruru.autodiff;

import dev.ruru.array.DType;
import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Scratch arrays that a kernel's parallel part borrows and gives back, kept per thread for the next
 * kernel on that thread. The convolution kernels' column matrices are the case: about 220 KB per part
 * and call in W3, five calls a step, each a fresh array before. Java zeroes every fresh array on the
 * allocating thread, in memory that has left the caches, and their churn was a quarter of W3's
 * allocation at two threads, so of its young collections, which copy the step's live activations each
 * time. A kept array stays in its thread's cache instead.
 *
 * <p>A borrowed array holds whatever its last user left: only kernels that write every entry they read
 * borrow. Borrowing removes the array from the thread's store until it is given back, so a kernel
 * nested in another (a part that runs a kernel of its own on the same thread) gets another array; one
 * never given back (its part failed) is collected like any other. Each thread keeps at most
 * {@link #KEPT_BYTES}; larger arrays are never kept.
 */
final class ThreadScratch {
  /** What one thread keeps between kernels: a few column matrices of 256 KB. */
  static final long KEPT_BYTES = 1L << 20;

  private static final ThreadLocal<ArrayDeque<Object>> KEPT = ThreadLocal.withInitial(ArrayDeque::new);

  private ThreadScratch() {}

  /** A float[] (float32) or double[] (float64) of exactly {@code size}, kept by this thread or new; its contents are arbitrary. */
  static Object borrow(DType dtype, int size) {
    Class<?> type = dtype == DType.FLOAT64 ? double[].class : float[].class;
    for (Iterator<Object> it = KEPT.get().iterator(); it.hasNext();) {
      Object array = it.next();
      if (array.getClass() == type && Array.getLength(array) == size) {
        it.remove();
        return array;
      }
    }
    return Im2col.allocate(dtype, size);
  }

  /** Gives {@code array} (from {@link #borrow}) back to this thread's store, the most recent first, dropping the oldest beyond the bound. */
  static void giveBack(Object array) {
    if (bytes(array) > KEPT_BYTES) {
      return;
    }
    ArrayDeque<Object> kept = KEPT.get();
    kept.addFirst(array);
    long total = 0;
    for (Iterator<Object> it = kept.iterator(); it.hasNext();) {
      total += bytes(it.next());
      if (total > KEPT_BYTES) {
        it.remove();
      }
    }
  }

  private static long bytes(Object array) {
    return (long) Array.getLength(array) * (array instanceof double[] ? 8 : 4);
  }
}
