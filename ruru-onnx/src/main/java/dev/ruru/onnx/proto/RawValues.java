package dev.ruru.onnx.proto;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian raw_data to arrays, and arrays back to raw_data (always little-endian, as ONNX requires). */
final class RawValues {
  private RawValues() {}

  static NDArray decode(byte[] raw, int type, int size, int[] shape) {
    ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    return switch (type) {
      case ElementType.FLOAT -> {
        float[] out = new float[size];
        buffer.asFloatBuffer().get(out);
        yield NDArray.wrap(out, shape);
      }
      case ElementType.DOUBLE -> {
        double[] out = new double[size];
        buffer.asDoubleBuffer().get(out);
        yield NDArray.wrap(out, shape);
      }
      case ElementType.INT64, ElementType.UINT64 -> {
        long[] out = new long[size];
        buffer.asLongBuffer().get(out);
        yield NDArray.wrap(out, shape);
      }
      case ElementType.UINT32 -> {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
          out[i] = buffer.getInt(4 * i) & 0xFFFFFFFFL;
        }
        yield NDArray.wrap(out, shape);
      }
      case ElementType.FLOAT16, ElementType.BFLOAT16 -> halfFloats(shorts(buffer, size, true), type, shape);
      case ElementType.BOOL -> NDArray.wrap(bytes(raw, false), shape).ne(NDArray.scalar(0, DType.INT32));
      default -> NDArray.wrap(integers(raw, buffer, type, size), shape);
    };
  }

  private static int[] integers(byte[] raw, ByteBuffer buffer, int type, int size) {
    return switch (type) {
      case ElementType.INT32 -> {
        int[] out = new int[size];
        buffer.asIntBuffer().get(out);
        yield out;
      }
      case ElementType.INT16 -> shorts(buffer, size, false);
      case ElementType.UINT16 -> shorts(buffer, size, true);
      case ElementType.INT8 -> bytes(raw, true);
      default -> bytes(raw, false);
    };
  }

  private static int[] shorts(ByteBuffer buffer, int size, boolean unsigned) {
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      short value = buffer.getShort(2 * i);
      out[i] = unsigned ? value & 0xFFFF : value;
    }
    return out;
  }

  private static int[] bytes(byte[] raw, boolean signed) {
    int[] out = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = signed ? raw[i] : raw[i] & 0xFF;
    }
    return out;
  }

  /** float16 (IEEE half) or bfloat16 (the top 16 bits of a float) bit patterns to float32. */
  static NDArray halfFloats(int[] bits, int type, int[] shape) {
    float[] out = new float[bits.length];
    for (int i = 0; i < bits.length; i++) {
      out[i] = type == ElementType.FLOAT16 ? Float.float16ToFloat((short) bits[i]) : Float.intBitsToFloat(bits[i] << 16);
    }
    return NDArray.wrap(out, shape);
  }

  /** The values of {@code array} as raw_data in the ONNX type that matches its dtype. */
  static byte[] encode(NDArray array) {
    ByteBuffer buffer = ByteBuffer.allocate(array.size() * array.dtype().itemSize()).order(ByteOrder.LITTLE_ENDIAN);
    switch (array.dtype()) {
      case FLOAT32 -> buffer.asFloatBuffer().put(array.toFloatArray());
      case FLOAT64 -> buffer.asDoubleBuffer().put(array.toDoubleArray());
      case INT32 -> buffer.asIntBuffer().put(array.toIntArray());
      case INT64 -> buffer.asLongBuffer().put(array.toLongArray());
      case BOOL -> {
        for (int value : array.toIntArray()) {
          buffer.put((byte) value);
        }
      }
    }
    return buffer.array();
  }
}
