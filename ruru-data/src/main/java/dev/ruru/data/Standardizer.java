package dev.ruru.data;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.Arrays;
import java.util.Objects;

/**
 * Standardisation fitted on training data: {@code x' = (x − mean) / std}, with {@code mean} and
 * {@code std} taken per feature over the training examples (axis 0) and then applied unchanged to
 * validation and test data, so no statistic leaks from them into training.
 *
 * <p>Shapes: {@link #fit(NDArray)} takes {@code [n, f...]} and keeps {@code mean} and {@code std} of
 * shape {@code [f...]}; {@link #apply(NDArray)} takes {@code [m, f...]}. A feature that is constant in the
 * training data (std below 1e-12, such as an always-black pixel) gets std 1: it is centred, not divided
 * by zero.
 *
 * <pre>{@code
 * Standardizer scaler = Standardizer.fit(splits.train().features());
 * ArrayDataset train = splits.train().mapFeatures(scaler::apply);
 * ArrayDataset test = splits.test().mapFeatures(scaler::apply);      // training statistics
 * }</pre>
 */
public record Standardizer(NDArray mean, NDArray std) {
  private static final double SMALLEST_STD = 1e-12;

  public Standardizer {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(std, "std");
    if (!mean.shape().equals(std.shape())) {
      throw new IllegalArgumentException("Standardizer: mean " + mean.shape() + " and std " + std.shape() + " differ in shape");
    }
  }

  /** Per-feature mean and population standard deviation (ddof 0) of {@code features [n, f...]}. */
  public static Standardizer fit(NDArray features) {
    if (features.rank() == 0 || features.dim(0) == 0) {
      throw new IllegalArgumentException("Standardizer.fit: need at least one example, got shape " + features.shape());
    }
    NDArray mean = features.mean(0);
    NDArray std = features.std(new int[] {0}, Dims.DROP, 0);
    NDArray safe = NDArray.where(std.gt(SMALLEST_STD), std, NDArray.ones(std.shape(), std.dtype()));
    return new Standardizer(mean, safe);
  }

  /** {@code (features − mean) / std}, broadcast over the first axis; the input is not modified. */
  public NDArray apply(NDArray features) {
    if (features.rank() != mean.rank() + 1 || !dropFirst(features).equals(mean.shape())) {
      // [n] for scalar features, else [n, f1, f2, ...]
      String expected = mean.rank() == 0 ? "[n]" : "[n, " + mean.shape().toString().substring(1);
      throw new IllegalArgumentException("Standardizer.apply: fitted on features " + mean.shape() + ", got examples "
          + features.shape() + "; expected " + expected);
    }
    return features.sub(mean).div(std);
  }

  private static Shape dropFirst(NDArray array) {
    int[] dims = array.shape().dims();
    return Shape.of(Arrays.copyOfRange(dims, 1, dims.length));
  }
}
