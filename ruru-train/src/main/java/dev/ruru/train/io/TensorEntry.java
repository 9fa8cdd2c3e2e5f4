package dev.ruru.train.io;

import dev.ruru.array.DType;
import dev.ruru.array.Shape;
import java.util.Objects;

/**
 * One tensor as a safetensors header describes it: its name, element type, shape and the byte range
 * {@code [begin, end)} of its little-endian, C-ordered data, relative to the start of the data section.
 *
 * @param name the tensor's key in the header, e.g. {@code layers.0.weight}
 * @param dtype the element type ({@code F32 F64 I32 I64 BOOL} in the file)
 * @param shape the extents; {@code end - begin = shape.size() · dtype.itemSize()}
 * @param begin first byte, inclusive
 * @param end last byte, exclusive
 */
public record TensorEntry(String name, DType dtype, Shape shape, long begin, long end) {
  public TensorEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(shape, "shape");
  }

  /** Bytes of data: {@code end - begin}. */
  public long byteCount() {
    return end - begin;
  }

  /** The code safetensors uses for a Ruru dtype: {@code F32}, {@code F64}, {@code I32}, {@code I64}, {@code BOOL}. */
  public static String code(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> "F32";
      case FLOAT64 -> "F64";
      case INT32 -> "I32";
      case INT64 -> "I64";
      case BOOL -> "BOOL";
    };
  }

  /** The Ruru dtype of a safetensors code, or null for one Ruru does not hold (F16, BF16, U8, ...). */
  static DType dtypeOf(String code) {
    return switch (code) {
      case "F32" -> DType.FLOAT32;
      case "F64" -> DType.FLOAT64;
      case "I32" -> DType.INT32;
      case "I64" -> DType.INT64;
      case "BOOL" -> DType.BOOL;
      default -> null;
    };
  }
}
