package dev.ruru.data.idx;

import java.util.Locale;

/**
 * The element types of the IDX format: the third byte of the magic number, and the bytes per element.
 * All multi-byte types are big-endian.
 */
public enum IdxType {
  /** Unsigned byte, 0..255: MNIST's pixels and labels. */
  UBYTE(0x08, 1),
  /** Signed byte, -128..127. */
  BYTE(0x09, 1),
  /** Signed 16-bit integer. */
  SHORT(0x0B, 2),
  /** Signed 32-bit integer. */
  INT(0x0C, 4),
  /** 32-bit IEEE float. */
  FLOAT(0x0D, 4),
  /** 64-bit IEEE float. */
  DOUBLE(0x0E, 8);

  private final int code;
  private final int itemSize;

  IdxType(int code, int itemSize) {
    this.code = code;
    this.itemSize = itemSize;
  }

  /** The type byte in the magic number. */
  public int code() {
    return code;
  }

  /** Bytes per element. */
  public int itemSize() {
    return itemSize;
  }

  /** Whether the elements are integers (ubyte, byte, short, int). */
  public boolean isInteger() {
    return this != FLOAT && this != DOUBLE;
  }

  /** The smallest value an element can hold. */
  public double minimum() {
    return switch (this) {
      case UBYTE -> 0;
      case BYTE -> Byte.MIN_VALUE;
      case SHORT -> Short.MIN_VALUE;
      case INT -> Integer.MIN_VALUE;
      case FLOAT -> -Float.MAX_VALUE;
      case DOUBLE -> -Double.MAX_VALUE;
    };
  }

  /** The largest value an element can hold. */
  public double maximum() {
    return switch (this) {
      case UBYTE -> 255;
      case BYTE -> Byte.MAX_VALUE;
      case SHORT -> Short.MAX_VALUE;
      case INT -> Integer.MAX_VALUE;
      case FLOAT -> Float.MAX_VALUE;
      case DOUBLE -> Double.MAX_VALUE;
    };
  }

  /** The type with this code byte, or {@code null} if the format defines none. */
  static IdxType fromCode(int code) {
    for (IdxType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    return null;
  }

  /** {@code 0x08 ubyte, 0x09 byte, ...}: the list an error message offers. */
  static String describeAll() {
    StringBuilder list = new StringBuilder();
    for (IdxType type : values()) {
      list.append(list.isEmpty() ? "" : ", ").append(String.format("0x%02x", type.code)).append(' ').append(type);
    }
    return list.toString();
  }

  /** The format's name for the type: {@code ubyte}, {@code float}, ... */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
