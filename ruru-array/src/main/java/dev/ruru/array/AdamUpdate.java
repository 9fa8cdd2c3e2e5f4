package dev.ruru.array;

/**
 * Adam's step for one parameter (Kingma and Ba, 2015) in one pass over the parameter, its gradient and
 * the two moment estimates, all changed in place:
 * <pre>
 *   m ← m·β₁ + (1 − β₁)·g          v ← v·β₂ + (g·g)·(1 − β₂)
 *   θ ← θ + (−step)·(m / (√v / c₂ + ε))       step = lr / (1 − β₁ᵗ),  c₂ = √(1 − β₂ᵗ)
 * </pre>
 * Composed from whole-array operations the same step took eleven passes and four temporary arrays the
 * size of the parameter, and its square root ran unvectorised: a fifth of a profiled VAE epoch. Each
 * element is computed with the operations, in the order and with the float32 or float64 roundings of
 * that composition ({@code Adam.update} without this kernel), so both give the same bits; the test
 * compares them. Chunks split across cores as the elementwise kernels do.
 *
 * <pre>{@code
 * if (AdamUpdate.fits(parameter, gradient, m, v)) {
 *   AdamUpdate.applyInPlace(parameter, gradient, m, v, new AdamUpdate.Coefficients(0.9, 0.999, stepSize, correction2, 1e-8));
 * }
 * }</pre>
 */
public final class AdamUpdate {
  private static final int CHUNK = 1 << 15;

  private AdamUpdate() {}

  /**
   * The scalars of one step.
   *
   * @param beta1 β₁, the first moment's decay
   * @param beta2 β₂, the second moment's decay
   * @param stepSize lr / (1 − β₁ᵗ)
   * @param correction2 √(1 − β₂ᵗ)
   * @param epsilon ε, added to the denominator
   */
  public record Coefficients(double beta1, double beta2, double stepSize, double correction2, double epsilon) {}

  /**
   * Whether the four arrays can take the one-pass step: one floating dtype and one shape, each laid out
   * in C order over its whole storage from offset 0 and none of them the same storage as another.
   */
  public static boolean fits(NDArray parameter, NDArray gradient, NDArray firstMoment, NDArray secondMoment) {
    NDArray[] arrays = {parameter, gradient, firstMoment, secondMoment};
    for (NDArray array : arrays) {
      boolean whole = array.offset == 0 && array.isContiguous() && java.lang.reflect.Array.getLength(array.data) == array.size();
      if (array.dtype != parameter.dtype || !array.shape().equals(parameter.shape()) || !whole) {
        return false;
      }
    }
    return parameter.dtype.isFloating() && parameter.data != firstMoment.data && parameter.data != secondMoment.data
        && firstMoment.data != secondMoment.data && gradient.data != firstMoment.data && gradient.data != secondMoment.data;
  }

  /**
   * The step above, changing {@code parameter}, {@code firstMoment} and {@code secondMoment}; the
   * gradient is not modified (it may be the parameter's own storage only if the caller wants that).
   *
   * @throws IllegalArgumentException when the arrays do not {@link #fits fit}
   */
  public static void applyInPlace(NDArray parameter, NDArray gradient, NDArray firstMoment, NDArray secondMoment, Coefficients c) {
    if (!fits(parameter, gradient, firstMoment, secondMoment)) {
      throw new IllegalArgumentException("AdamUpdate: expected four whole C-contiguous float arrays of one dtype and shape, got parameter "
          + parameter.describe() + ", gradient " + gradient.describe() + ", moments " + firstMoment.describe() + " and "
          + secondMoment.describe() + "; use the composed update for other layouts");
    }
    int n = parameter.size();
    if (parameter.data instanceof float[] p) {
      float[] g = (float[]) gradient.data;
      float[] m = (float[]) firstMoment.data;
      float[] v = (float[]) secondMoment.data;
      Parallel.forEachChunk(n, CHUNK, (from, to) -> floats(p, g, m, v, c, from, to));
    } else {
      double[] p = (double[]) parameter.data;
      double[] g = (double[]) gradient.data;
      double[] m = (double[]) firstMoment.data;
      double[] v = (double[]) secondMoment.data;
      Parallel.forEachChunk(n, CHUNK, (from, to) -> doubles(p, g, m, v, c, from, to));
    }
  }

  /** The scalars are rounded to float32 first, as whole-array operations with a scalar round them. */
  private static void floats(float[] p, float[] g, float[] m, float[] v, Coefficients c, int from, int to) {
    float beta1 = (float) c.beta1();
    float oneMinusBeta1 = (float) (1 - c.beta1());
    float beta2 = (float) c.beta2();
    float oneMinusBeta2 = (float) (1 - c.beta2());
    float correction2 = (float) c.correction2();
    float epsilon = (float) c.epsilon();
    float step = (float) -c.stepSize();
    for (int k = from; k < to; k++) {
      float gradient = g[k];
      float first = m[k] * beta1 + oneMinusBeta1 * gradient;
      float second = v[k] * beta2 + gradient * gradient * oneMinusBeta2;
      m[k] = first;
      v[k] = second;
      p[k] += step * (first / ((float) Math.sqrt(second) / correction2 + epsilon));
    }
  }

  private static void doubles(double[] p, double[] g, double[] m, double[] v, Coefficients c, int from, int to) {
    double beta1 = c.beta1();
    double oneMinusBeta1 = 1 - c.beta1();
    double beta2 = c.beta2();
    double oneMinusBeta2 = 1 - c.beta2();
    double step = -c.stepSize();
    for (int k = from; k < to; k++) {
      double gradient = g[k];
      double first = m[k] * beta1 + oneMinusBeta1 * gradient;
      double second = v[k] * beta2 + gradient * gradient * oneMinusBeta2;
      m[k] = first;
      v[k] = second;
      p[k] += step * (first / (Math.sqrt(second) / c.correction2() + c.epsilon()));
    }
  }
}
