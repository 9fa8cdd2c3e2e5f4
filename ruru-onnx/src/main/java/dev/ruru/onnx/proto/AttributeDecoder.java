package dev.ruru.onnx.proto;

import java.util.ArrayList;
import java.util.List;

/** Reads an AttributeProto. Graph-valued fields are skipped (see {@link OnnxDecoder}). */
final class AttributeDecoder {
  private AttributeDecoder() {}

  static OnnxAttribute read(ProtoReader reader) {
    String name = "";
    int type = 0;
    float floatValue = 0;
    long intValue = 0;
    String stringValue = "";
    OnnxTensor tensor = null;
    RepeatedScalars floats = new RepeatedScalars();
    RepeatedScalars ints = new RepeatedScalars();
    List<String> strings = new ArrayList<>();
    while (reader.hasMore()) {
      switch (reader.readTag()) {
        case 1 -> name = reader.readString();
        case 2 -> floatValue = reader.readFloat();
        case 3 -> intValue = reader.readVarint();
        case 4 -> stringValue = reader.readString();
        case 5 -> tensor = TensorDecoder.read(reader.readMessage());
        case 7 -> reader.readFloats(floats);
        case 8 -> reader.readVarints(ints);
        case 9 -> strings.add(reader.readString());
        case 20 -> type = reader.readInt32();
        default -> reader.skipField();
      }
    }
    List<Float> floatList = new ArrayList<>(floats.size());
    for (float value : floats.toFloatArray()) {
      floatList.add(value);
    }
    List<Long> intList = new ArrayList<>(ints.size());
    for (long value : ints.toLongArray()) {
      intList.add(value);
    }
    return new OnnxAttribute(name, OnnxAttribute.Type.of(type), floatValue, intValue, stringValue, tensor, floatList, intList,
        strings);
  }
}
