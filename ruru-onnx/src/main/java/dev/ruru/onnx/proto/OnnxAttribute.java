package dev.ruru.onnx.proto;

import java.util.List;

/**
 * An AttributeProto: a node's named setting. Exactly one value field is meaningful, chosen by
 * {@code type}; graphs (the bodies of If, Loop and Scan) are recorded by type only, since Ruru runs no
 * control flow.
 */
public record OnnxAttribute(String name, Type type, float floatValue, long intValue, String stringValue, OnnxTensor tensor,
    List<Float> floats, List<Long> ints, List<String> strings) {

  /** AttributeProto.AttributeType, by its number in onnx.proto. */
  public enum Type {
    UNDEFINED(0), FLOAT(1), INT(2), STRING(3), TENSOR(4), GRAPH(5), FLOATS(6), INTS(7), STRINGS(8), TENSORS(9), GRAPHS(10),
    SPARSE_TENSOR(11), SPARSE_TENSORS(12), TYPE_PROTO(13), TYPE_PROTOS(14);

    final int number;

    Type(int number) {
      this.number = number;
    }

    static Type of(int number) {
      for (Type type : values()) {
        if (type.number == number) {
          return type;
        }
      }
      return UNDEFINED;
    }
  }

  public OnnxAttribute {
    floats = List.copyOf(floats);
    ints = List.copyOf(ints);
    strings = List.copyOf(strings);
  }

  public static OnnxAttribute ofInt(String name, long value) {
    return new OnnxAttribute(name, Type.INT, 0, value, "", null, List.of(), List.of(), List.of());
  }

  public static OnnxAttribute ofFloat(String name, float value) {
    return new OnnxAttribute(name, Type.FLOAT, value, 0, "", null, List.of(), List.of(), List.of());
  }

  public static OnnxAttribute ofInts(String name, List<Long> values) {
    return new OnnxAttribute(name, Type.INTS, 0, 0, "", null, List.of(), values, List.of());
  }

  public static OnnxAttribute ofString(String name, String value) {
    return new OnnxAttribute(name, Type.STRING, 0, 0, value, null, List.of(), List.of(), List.of());
  }

  public static OnnxAttribute ofTensor(String name, OnnxTensor value) {
    return new OnnxAttribute(name, Type.TENSOR, 0, 0, "", value, List.of(), List.of(), List.of());
  }
}
