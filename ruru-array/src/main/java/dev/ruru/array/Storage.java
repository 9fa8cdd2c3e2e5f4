package dev.ruru.array;

/**
 * The flat Java arrays behind an {@link NDArray}: {@code float[]}, {@code double[]}, {@code int[]},
 * {@code long[]} or, for bool, {@code byte[]}. Per-element access through here is for the general
 * (slow) paths; hot kernels cast the array once and loop over it directly.
 */
final class Storage {
  private Storage() {}

  static Object allocate(DType dtype, int size) {
    return switch (dtype) {
      case FLOAT32 -> new float[size];
      case FLOAT64 -> new double[size];
      case INT32 -> new int[size];
      case INT64 -> new long[size];
      case BOOL -> new byte[size];
    };
  }

  static double getDouble(Object data, int index) {
    return switch (data) {
      case float[] f -> f[index];
      case double[] d -> d[index];
      case int[] i -> i[index];
      case long[] l -> l[index];
      case byte[] b -> b[index];
      default -> throw new IllegalStateException("unknown storage " + data.getClass());
    };
  }

  static long getLong(Object data, int index) {
    return switch (data) {
      case float[] f -> (long) f[index];
      case double[] d -> (long) d[index];
      case int[] i -> i[index];
      case long[] l -> l[index];
      case byte[] b -> b[index];
      default -> throw new IllegalStateException("unknown storage " + data.getClass());
    };
  }

  static void setDouble(Object data, int index, double value) {
    switch (data) {
      case float[] f -> f[index] = (float) value;
      case double[] d -> d[index] = value;
      case int[] i -> i[index] = (int) value;
      case long[] l -> l[index] = (long) value;
      case byte[] b -> b[index] = (byte) (value != 0 ? 1 : 0);
      default -> throw new IllegalStateException("unknown storage " + data.getClass());
    }
  }

  static void setLong(Object data, int index, long value) {
    switch (data) {
      case float[] f -> f[index] = value;
      case double[] d -> d[index] = value;
      case int[] i -> i[index] = (int) value;
      case long[] l -> l[index] = value;
      case byte[] b -> b[index] = (byte) (value != 0 ? 1 : 0);
      default -> throw new IllegalStateException("unknown storage " + data.getClass());
    }
  }

  /**
   * Copies {@code length} elements from one storage to another, converting the type as NumPy's
   * {@code astype} does (floats to integers truncate toward zero; anything non-zero is true).
   */
  static void copy(Object source, int sourceOffset, int sourceStride, Object target, int targetOffset, int targetStride, int length) {
    if (length == 0) {
      return;   // the offsets of an empty array's elements may lie past its storage ([3, 0] has element offsets 0..2)
    }
    if (source.getClass() == target.getClass() && sourceStride == 1 && targetStride == 1) {
      System.arraycopy(source, sourceOffset, target, targetOffset, length);
      return;
    }
    if (source instanceof float[] s && target instanceof float[] t) {
      for (int i = 0; i < length; i++) {
        t[targetOffset + i * targetStride] = s[sourceOffset + i * sourceStride];
      }
    } else if (source instanceof double[] s && target instanceof double[] t) {
      for (int i = 0; i < length; i++) {
        t[targetOffset + i * targetStride] = s[sourceOffset + i * sourceStride];
      }
    } else if (source instanceof float[] s && target instanceof double[] t) {
      for (int i = 0; i < length; i++) {
        t[targetOffset + i * targetStride] = s[sourceOffset + i * sourceStride];
      }
    } else if (source instanceof double[] s && target instanceof float[] t) {
      for (int i = 0; i < length; i++) {
        t[targetOffset + i * targetStride] = (float) s[sourceOffset + i * sourceStride];
      }
    } else if (isFloating(source) || isFloating(target)) {
      for (int i = 0; i < length; i++) {
        setDouble(target, targetOffset + i * targetStride, getDouble(source, sourceOffset + i * sourceStride));
      }
    } else {
      for (int i = 0; i < length; i++) {
        setLong(target, targetOffset + i * targetStride, getLong(source, sourceOffset + i * sourceStride));
      }
    }
  }

  private static boolean isFloating(Object data) {
    return data instanceof float[] || data instanceof double[];
  }
}
