package dev.ruru.train.io;

import dev.ruru.array.DType;
import dev.ruru.array.Shape;
import java.util.Objects;

/**
 * One tensor as a safetensors header describes it: its name, element type, shape and the byte range
 * {@code [begin, end)} of its little-endian, C-ordered data, relative to the start of the data section.
 *
 * @param name the tensor's key in the header, e.g. {@code layers.0.weight}
 * @param dtype the element type in Ruru ({@code F32 F64 I32 I64 BOOL} in the file; {@code F16} and
 *     {@code BF16} are read as float32)
 * @param shape the extents; {@code end - begin = shape.size() · storedItemSize()}
 * @param begin first byte, inclusive
 * @param end last byte, exclusive
 * @param stored the dtype code in the file, e.g. {@code F32} or {@code BF16}
 */
public record TensorEntry(String name, DType dtype, Shape shape, long begin, long end, String stored) {
  /** The half-precision codes, which Ruru widens to float32 on reading (it computes in 32 or 64 bits only). */
  static final String HALF = "F16";
  static final String BRAIN_HALF = "BF16";

  public TensorEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(stored, "stored");
  }

  /** An entry stored in its own dtype, as Ruru writes them. */
  public TensorEntry(String name, DType dtype, Shape shape, long begin, long end) {
    this(name, dtype, shape, begin, end, code(dtype));
  }

  /** Bytes per element in the file: 2 for F16 and BF16, else the dtype's size. */
  public int storedItemSize() {
    return stored.equals(HALF) || stored.equals(BRAIN_HALF) ? 2 : dtype.itemSize();
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

  /** The Ruru dtype of a safetensors code (float32 for F16 and BF16), or null for one Ruru does not read (U8, ...). */
  static DType dtypeOf(String code) {
    return switch (code) {
      case "F32", HALF, BRAIN_HALF -> DType.FLOAT32;
      case "F64" -> DType.FLOAT64;
      case "I32" -> DType.INT32;
      case "I64" -> DType.INT64;
      case "BOOL" -> DType.BOOL;
      default -> null;
    };
  }
}
