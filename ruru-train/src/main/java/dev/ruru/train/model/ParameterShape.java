package dev.ruru.train.model;

import dev.ruru.array.DType;
import dev.ruru.array.Shape;
import dev.ruru.train.io.TensorEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A tensor that a model description implies, known before any network is built: its state-dictionary
 * name, its dtype and its extents. The extents are {@code long}, because a description read from a file
 * may imply a tensor larger than any array (a hidden width of 46341 gives 46341² > 2³¹ weights): such a
 * tensor can match no file, and the mismatch is reported, not an overflow.
 *
 * <pre>{@code
 * new ParameterShape("1.weight", DType.FLOAT32, List.of(128L, 784L))   // Linear(784 -> 128)
 * }</pre>
 *
 * @param name the path in the state dictionary, e.g. {@code "rnn.weight_hh_l0"}
 * @param dtype the element type
 * @param dims the extents, each non-negative
 */
public record ParameterShape(String name, DType dtype, List<Long> dims) {
  public ParameterShape {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    dims = List.copyOf(dims);
    if (dims.stream().anyMatch(dim -> dim < 0)) {
      throw new IllegalArgumentException("ParameterShape: negative extent in '" + name + "' " + dims);
    }
  }

  /** A tensor of {@code dtype} with the extents {@code dims}. */
  public static ParameterShape of(String name, DType dtype, long... dims) {
    return new ParameterShape(name, dtype, Arrays.stream(dims).boxed().toList());
  }

  /** A tensor of {@code dtype} and {@code shape}: what an array or a file's entry holds. */
  public static ParameterShape of(String name, DType dtype, Shape shape) {
    return new ParameterShape(name, dtype, Arrays.stream(shape.dims()).mapToObj(dim -> (long) dim).toList());
  }

  /** Whether the file's entry has this name's dtype and exactly these extents. */
  public boolean matches(TensorEntry entry) {
    return entry.dtype() == dtype && dims.equals(Arrays.stream(entry.shape().dims()).mapToObj(dim -> (long) dim).toList());
  }

  /** {@code "float32 [128, 784]"}. */
  public String describe() {
    return dtype.numpyName() + " " + dims;
  }
}
