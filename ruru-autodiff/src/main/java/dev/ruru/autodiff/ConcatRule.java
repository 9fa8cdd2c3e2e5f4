package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs joined along one axis. A primitive because a recurrent layer joins one output per step: as
 * padded copies added together (the composite, kept as its oracle in the tests) joining T pieces
 * costs O(T²). Its VJP hands each input its slice of the gradient; its JVP joins the tangents.
 */
final class ConcatRule implements Rule {
  private final int axis;
  private final int[] starts;

  /** {@code sizes}: each input's extent along {@code axis}. */
  ConcatRule(int axis, int[] sizes) {
    this.axis = axis;
    this.starts = new int[sizes.length + 1];
    for (int i = 0; i < sizes.length; i++) {
      starts[i + 1] = starts[i] + sizes[i];
    }
  }

  public String name() { return "concat"; }
  public NDArray forward(NDArray... in) { return NDArray.concatenate(List.of(in), axis); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return g.slice(axis, starts[input], starts[input + 1], 1);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    List<Tensor> tangents = new ArrayList<>();
    for (int i = 0; i < in.length; i++) {
      tangents.add(t[i] != null ? t[i] : in[i].zerosLike());
    }
    return Tensor.apply(this, tangents.toArray(Tensor[]::new));
  }
}
