package dev.ruru.spark;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each named array sits in one flat vector of doubles: what the driver broadcasts and what the
 * workers' results are summed as. Doubles, so that the sums over many workers lose nothing a float32
 * weight can hold. The names are sorted: a map's own order may differ between JVMs (an optimiser's
 * state comes from {@code Map.of}, whose order is salted per JVM), and the vector's must not.
 */
final class FlatLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] names;
  private final int[][] shapes;
  private final DType[] dtypes;
  private final int[] offsets;

  private FlatLayout(String[] names, int[][] shapes, DType[] dtypes) {
    this.names = names;
    this.shapes = shapes;
    this.dtypes = dtypes;
    this.offsets = new int[names.length + 1];
    for (int i = 0; i < names.length; i++) {
      long size = 1;
      for (int dim : shapes[i]) {
        size *= dim;
      }
      long end = offsets[i] + size;
      if (end > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("spark: the state to exchange holds more than 2^31 numbers (at '" + names[i] + "')");
      }
      offsets[i + 1] = (int) end;
    }
  }

  /** The layout of {@code arrays}, by sorted name. */
  static FlatLayout of(Map<String, NDArray> arrays) {
    List<String> keys = new ArrayList<>(arrays.keySet());
    keys.sort(null);
    int[][] shapes = new int[keys.size()][];
    DType[] dtypes = new DType[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      NDArray array = arrays.get(keys.get(i));
      shapes[i] = array.shape().dims();
      dtypes[i] = array.dtype();
    }
    return new FlatLayout(keys.toArray(String[]::new), shapes, dtypes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FlatLayout that && Arrays.equals(names, that.names) && Arrays.deepEquals(shapes, that.shapes)
        && Arrays.equals(dtypes, that.dtypes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(names);
  }

  /** Numbers in the vector. */
  int length() {
    return offsets[names.length];
  }

  /** Adds {@code weight × arrays} into {@code into}; {@code arrays} must hold exactly this layout's names and shapes. */
  void accumulate(Map<String, NDArray> arrays, double weight, double[] into) {
    if (arrays.size() != names.length) {
      throw new IllegalStateException("spark: a worker's state has " + arrays.size() + " arrays, the driver's " + names.length
          + "; the recipe must build the same models on every node");
    }
    for (int i = 0; i < names.length; i++) {
      NDArray array = arrays.get(names[i]);
      if (array == null || !Arrays.equals(array.shape().dims(), shapes[i])) {
        throw new IllegalStateException("spark: a worker's '" + names[i] + "' is " + (array == null ? "missing" : array.shape())
            + " where the driver's is " + Arrays.toString(shapes[i]) + "; the recipe must build the same models on every node");
      }
      double[] values = array.toDoubleArray();
      int offset = offsets[i];
      for (int k = 0; k < values.length; k++) {
        into[offset + k] += weight * values[k];
      }
    }
  }

  /** The arrays in {@code vector}, each times {@code scale}, in their dtypes (integers rounded). */
  Map<String, NDArray> arrays(double[] vector, double scale) {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      boolean integral = !dtypes[i].isFloating();
      double[] values = new double[offsets[i + 1] - offsets[i]];
      for (int k = 0; k < values.length; k++) {
        double value = vector[offsets[i] + k] * scale;
        values[k] = integral ? Math.rint(value) : value;
      }
      // reshape: of(values) with no dimensions is a vector of one, and a scalar (a step counter) must stay one.
      arrays.put(names[i], NDArray.of(values, values.length).reshape(shapes[i]).astype(dtypes[i]));
    }
    return arrays;
  }
}
