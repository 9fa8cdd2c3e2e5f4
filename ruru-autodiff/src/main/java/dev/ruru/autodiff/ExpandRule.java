package dev.ruru.autodiff;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;

/**
 * Broadcasting as a view (stride 0, no copy). Its VJP, {@link #sumTo}, is the only code that handles
 * the gradients of broadcasting: every value read several times gets the sum of its gradients.
 */
final class ExpandRule implements Rule {
  private final Shape shape;

  ExpandRule(Shape shape) {
    this.shape = shape;
  }

  public String name() { return "broadcastTo"; }
  public NDArray forward(NDArray... in) { return in[0].broadcastTo(shape); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return sumTo(g, in[0].shape()); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].broadcastTo(shape); }

  /** Sums the leading axes that broadcasting added, and the axes that it stretched from 1. */
  static Tensor sumTo(Tensor g, Shape target) {
    int lead = g.rank() - target.rank();
    Tensor result = g;
    if (lead > 0) {
      int[] leading = new int[lead];
      for (int i = 0; i < lead; i++) {
        leading[i] = i;
      }
      result = result.sum(leading, Dims.DROP);
    }
    int stretchedCount = 0;
    int[] stretched = new int[target.rank()];
    for (int i = 0; i < target.rank(); i++) {
      if (target.dim(i) == 1 && result.shape().dim(i) != 1) {
        stretched[stretchedCount++] = i;
      }
    }
    return stretchedCount == 0 ? result : result.sum(java.util.Arrays.copyOf(stretched, stretchedCount), Dims.KEEP);
  }
}
