package dev.ruru.onnx.proto;

import dev.ruru.array.DType;

/** ONNX's TensorProto.DataType numbers and how they map to Ruru's dtypes. */
public final class ElementType {
  public static final int FLOAT = 1;
  public static final int UINT8 = 2;
  public static final int INT8 = 3;
  public static final int UINT16 = 4;
  public static final int INT16 = 5;
  public static final int INT32 = 6;
  public static final int INT64 = 7;
  public static final int STRING = 8;
  public static final int BOOL = 9;
  public static final int FLOAT16 = 10;
  public static final int DOUBLE = 11;
  public static final int UINT32 = 12;
  public static final int UINT64 = 13;
  public static final int BFLOAT16 = 16;

  private static final String[] NAMES = {"undefined", "float", "uint8", "int8", "uint16", "int16", "int32", "int64", "string",
      "bool", "float16", "double", "uint32", "uint64", "complex64", "complex128", "bfloat16"};

  private ElementType() {}

  /** The name ONNX gives {@code type} ("float", "int64"), or "type N" for a number it does not define here. */
  public static String name(int type) {
    return type >= 0 && type < NAMES.length ? NAMES[type] : "type " + type;
  }

  /** The ONNX type that stores {@code dtype} exactly. */
  public static int of(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> FLOAT;
      case FLOAT64 -> DOUBLE;
      case INT32 -> INT32;
      case INT64 -> INT64;
      case BOOL -> BOOL;
    };
  }

  /** The Ruru dtype that holds values of ONNX type {@code type}, or null when Ruru has none (strings, complex). */
  public static DType dtype(int type) {
    return switch (type) {
      case FLOAT, FLOAT16, BFLOAT16 -> DType.FLOAT32;
      case DOUBLE -> DType.FLOAT64;
      case UINT8, INT8, UINT16, INT16, INT32 -> DType.INT32;
      case INT64, UINT32, UINT64 -> DType.INT64;
      case BOOL -> DType.BOOL;
      default -> null;
    };
  }

  /** Bytes per element in raw_data, or 0 for a type without a fixed width. */
  static int rawWidth(int type) {
    return switch (type) {
      case UINT8, INT8, BOOL -> 1;
      case UINT16, INT16, FLOAT16, BFLOAT16 -> 2;
      case FLOAT, INT32, UINT32 -> 4;
      case DOUBLE, INT64, UINT64 -> 8;
      default -> 0;
    };
  }
}
