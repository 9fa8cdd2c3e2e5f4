package dev.ruru.data.idx;

import dev.ruru.array.NDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Big-endian IDX element bytes to arrays of the dtype {@link IdxValues} asks for. */
final class IdxDecoding {
  private IdxDecoding() {}

  static NDArray decode(byte[] data, IdxHeader header, IdxValues values) {
    int[] dims = header.dims();
    int count = (int) header.elementCount();
    ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
    return switch (values) {
      case SCALED_TO_UNIT -> NDArray.wrap(unitFloats(data, count), dims);
      case FLOAT32 -> NDArray.wrap(floats(buffer, header.type(), count), dims);
      case AS_STORED -> switch (header.type()) {
        case FLOAT -> NDArray.wrap(floats(buffer, IdxType.FLOAT, count), dims);
        case DOUBLE -> NDArray.wrap(doubles(buffer, count), dims);
        default -> NDArray.wrap(ints(buffer, header.type(), count), dims);
      };
    };
  }

  private static float[] unitFloats(byte[] data, int count) {
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      out[i] = (data[i] & 0xff) / 255f;
    }
    return out;
  }

  private static int[] ints(ByteBuffer buffer, IdxType type, int count) {
    int[] out = new int[count];
    switch (type) {
      case UBYTE -> {
        for (int i = 0; i < count; i++) {
          out[i] = buffer.get(i) & 0xff;
        }
      }
      case BYTE -> {
        for (int i = 0; i < count; i++) {
          out[i] = buffer.get(i);
        }
      }
      case SHORT -> {
        for (int i = 0; i < count; i++) {
          out[i] = buffer.getShort(2 * i);
        }
      }
      case INT -> buffer.asIntBuffer().get(out);
      default -> throw new IllegalStateException("not an integer IDX type: " + type);
    }
    return out;
  }

  private static float[] floats(ByteBuffer buffer, IdxType type, int count) {
    if (type == IdxType.FLOAT) {
      float[] out = new float[count];
      buffer.asFloatBuffer().get(out);
      return out;
    }
    float[] out = new float[count];
    if (type == IdxType.DOUBLE) {
      for (int i = 0; i < count; i++) {
        out[i] = (float) buffer.getDouble(8 * i);
      }
      return out;
    }
    int[] whole = ints(buffer, type, count);
    for (int i = 0; i < count; i++) {
      out[i] = whole[i];
    }
    return out;
  }

  private static double[] doubles(ByteBuffer buffer, int count) {
    double[] out = new double[count];
    buffer.asDoubleBuffer().get(out);
    return out;
  }
}
