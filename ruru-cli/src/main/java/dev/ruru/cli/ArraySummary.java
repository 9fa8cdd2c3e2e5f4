package dev.ruru.cli;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Order;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * What {@code ruru inspect} prints for one array: its name, dtype, shape, memory order and value range.
 *
 * @param order "C" (row-major), "F" (column-major) or "non-contiguous"; an array that is both, such
 *     as a vector, is "C", as NumPy's .npy header calls it
 * @param min the smallest element, formatted; "-" for an empty array (likewise max and mean)
 */
record ArraySummary(String name, DType dtype, String shape, String order, String min, String max, String mean) {
  /** Summarises {@code array}; the statistics are computed as NumPy's min(), max() and mean() would. */
  static ArraySummary of(String name, NDArray array) {
    String order = array.isContiguous(Order.C) ? "C" : array.isContiguous(Order.F) ? "F" : "non-contiguous";
    String shape = array.shape().toString();
    if (array.size() == 0) {
      return new ArraySummary(name, array.dtype(), shape, order, "-", "-", "-");
    }
    // Masks count as 0/1 integers, as NumPy's mean() of a bool array does.
    NDArray values = array.dtype() == DType.BOOL ? array.astype(DType.INT64) : array;
    boolean integral = !values.dtype().isFloating();
    return new ArraySummary(
        name,
        array.dtype(),
        shape,
        order,
        integral ? Long.toString(values.min().getLong()) : number(values.min().item()),
        integral ? Long.toString(values.max().getLong()) : number(values.max().item()),
        number(values.mean().item()));
  }

  /** Six significant digits, trailing zeros dropped ({@code 0.5}, {@code 1.0}, {@code 1.23457e+08}). */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    String text = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toString().toLowerCase(Locale.ROOT);
    return text.contains(".") || text.contains("e") ? text : text + ".0";
  }

  /** The values in column order, for printing. */
  String[] cells() {
    return new String[] {name, dtype.numpyName(), shape, order, min, max, mean};
  }
}
