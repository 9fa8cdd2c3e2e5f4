package dev.ruru.onnx.proto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an .onnx file (a serialized ModelProto, onnx.proto in this module's proto/ folder) into
 * {@link OnnxModel} records. Only the fields Ruru uses are decoded; the rest are skipped, as protobuf
 * readers do with unknown fields. Nothing recurses: graph-valued attributes (If, Loop) are skipped, so a
 * deeply nested file cannot overflow the stack. Every failure is an {@link OnnxFormatException} naming the
 * file and the byte offset.
 *
 * <pre>{@code
 * OnnxModel model = OnnxDecoder.read(Path.of("cnn.onnx"));
 * model.graph().nodes().forEach(node -> System.out.println(node.opType()));
 * }</pre>
 */
public final class OnnxDecoder {
  private OnnxDecoder() {}

  /** Reads and decodes {@code file}. */
  public static OnnxModel read(Path file) throws IOException {
    return decode(Files.readAllBytes(file), file.toString());
  }

  /** Decodes a ModelProto from {@code bytes}; {@code source} names them in errors. */
  public static OnnxModel decode(byte[] bytes, String source) {
    ProtoReader reader = new ProtoReader(bytes, source);
    long irVersion = 0;
    Map<String, Long> opsets = new LinkedHashMap<>();
    String producer = "";
    String producerVersion = "";
    OnnxGraph graph = null;
    while (reader.hasMore()) {
      switch (reader.readTag()) {
        case 1 -> irVersion = reader.readVarint();
        case 2 -> producer = reader.readString();
        case 3 -> producerVersion = reader.readString();
        case 7 -> graph = readGraph(reader.readMessage());
        case 8 -> readOpset(reader.readMessage(), opsets);
        default -> reader.skipField();
      }
    }
    if (graph == null) {
      throw new OnnxFormatException(source + ": no graph (ModelProto field 7); the file is not an ONNX model");
    }
    return new OnnxModel(irVersion, opsets, producer, producerVersion, graph);
  }

  /** Decodes a lone TensorProto (the .pb files of the ONNX node tests); {@code source} names the bytes in errors. */
  public static OnnxTensor decodeTensor(byte[] bytes, String source) {
    return TensorDecoder.read(new ProtoReader(bytes, source));
  }

  private static void readOpset(ProtoReader reader, Map<String, Long> opsets) {
    String domain = "";
    long version = 1;
    while (reader.hasMore()) {
      switch (reader.readTag()) {
        case 1 -> domain = reader.readString();
        case 2 -> version = reader.readVarint();
        default -> reader.skipField();
      }
    }
    opsets.put(domain, version);
  }

  static OnnxGraph readGraph(ProtoReader reader) {
    String name = "";
    List<OnnxNode> nodes = new ArrayList<>();
    List<OnnxTensor> initializers = new ArrayList<>();
    List<OnnxValueInfo> inputs = new ArrayList<>();
    List<OnnxValueInfo> outputs = new ArrayList<>();
    while (reader.hasMore()) {
      switch (reader.readTag()) {
        case 1 -> nodes.add(readNode(reader.readMessage()));
        case 2 -> name = reader.readString();
        case 5 -> initializers.add(TensorDecoder.read(reader.readMessage()));
        case 11 -> inputs.add(readValueInfo(reader.readMessage()));
        case 12 -> outputs.add(readValueInfo(reader.readMessage()));
        case 15 -> throw reader.error("sparse initializers are not supported");
        default -> reader.skipField();
      }
    }
    return new OnnxGraph(name, nodes, initializers, inputs, outputs);
  }

  private static OnnxNode readNode(ProtoReader reader) {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String name = "";
    String opType = "";
    String domain = "";
    Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
    while (reader.hasMore()) {
      switch (reader.readTag()) {
        case 1 -> inputs.add(reader.readString());
        case 2 -> outputs.add(reader.readString());
        case 3 -> name = reader.readString();
        case 4 -> opType = reader.readString();
        case 5 -> {
          OnnxAttribute attribute = AttributeDecoder.read(reader.readMessage());
          attributes.put(attribute.name(), attribute);
        }
        case 7 -> domain = reader.readString();
        default -> reader.skipField();
      }
    }
    return new OnnxNode(name, opType, domain, inputs, outputs, attributes);
  }

  /** A ValueInfoProto; only tensor types are read (sequences and maps keep element type 0 and no dims). */
  private static OnnxValueInfo readValueInfo(ProtoReader reader) {
    String name = "";
    int[] elementType = {0};
    List<String> dims = new ArrayList<>();
    while (reader.hasMore()) {
      switch (reader.readTag()) {
        case 1 -> name = reader.readString();
        case 2 -> readType(reader.readMessage(), elementType, dims);
        default -> reader.skipField();
      }
    }
    return new OnnxValueInfo(name, elementType[0], dims);
  }

  private static void readType(ProtoReader type, int[] elementType, List<String> dims) {
    while (type.hasMore()) {
      if (type.readTag() != 1) {
        type.skipField();
        continue;
      }
      ProtoReader tensor = type.readMessage();
      while (tensor.hasMore()) {
        switch (tensor.readTag()) {
          case 1 -> elementType[0] = tensor.readInt32();
          case 2 -> readShape(tensor.readMessage(), dims);
          default -> tensor.skipField();
        }
      }
    }
  }

  private static void readShape(ProtoReader shape, List<String> dims) {
    while (shape.hasMore()) {
      if (shape.readTag() != 1) {
        shape.skipField();
        continue;
      }
      ProtoReader dim = shape.readMessage();
      String value = "?";
      while (dim.hasMore()) {
        switch (dim.readTag()) {
          case 1 -> value = Long.toString(dim.readVarint());
          case 2 -> value = dim.readString();
          default -> dim.skipField();
        }
      }
      dims.add(value);
    }
  }
}
