package dev.ruru.onnx.proto;

import java.util.Arrays;

/**
 * The values of a repeated scalar field as they are read: 64-bit integers, or the bits of floats and
 * doubles. It grows by doubling, so a field sent as many unpacked values (legal, if unusual) reads in
 * linear time; its size is bounded by the bytes read, since every value takes at least one.
 */
public final class RepeatedScalars {
  private long[] values = new long[4];
  private int size;

  public void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, 2 * size);
    }
    values[size++] = value;
  }

  public int size() { return size; }

  public long[] toLongArray() {
    return Arrays.copyOf(values, size);
  }

  public int[] toIntArray() {
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = (int) values[i];
    }
    return out;
  }

  /** The values as floats, each holding a float's bits in its low 32. */
  public float[] toFloatArray() {
    float[] out = new float[size];
    for (int i = 0; i < size; i++) {
      out[i] = Float.intBitsToFloat((int) values[i]);
    }
    return out;
  }

  /** The values as doubles, each holding a double's bits. */
  public double[] toDoubleArray() {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = Double.longBitsToDouble(values[i]);
    }
    return out;
  }
}
