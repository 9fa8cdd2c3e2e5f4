package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * Elements {@code start, start + step, ...} before {@code stop} along one axis (a view). Its VJP puts
 * the gradient back at those positions of a zero array: {@link EmbedRule}, the transpose of this rule.
 */
final class SliceRule implements Rule {
  private final int axis;
  private final int start;
  private final int stop;
  private final int step;

  SliceRule(int axis, int start, int stop, int step) {
    this.axis = axis;
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  public String name() { return "slice"; }
  public NDArray forward(NDArray... in) { return in[0].slice(axis, start, stop, step); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return Tensor.apply(new EmbedRule(in[0].shape(), axis, start, stop, step), g);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].slice(axis, start, stop, step); }
}
