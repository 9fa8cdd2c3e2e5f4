package dev.ruru.onnx.proto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@link OnnxModel} records as a serialized ModelProto, the inverse of {@link OnnxDecoder} for the
 * fields Ruru reads. Tensors go as raw_data, as PyTorch writes them.
 */
public final class OnnxEncoder {
  private OnnxEncoder() {}

  /** Writes {@code model} to {@code file} through a temporary file, so a failed write leaves no half model. */
  public static void write(OnnxModel model, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try {
      Files.write(temporary, encode(model));
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  public static byte[] encode(OnnxModel model) {
    ProtoWriter writer = new ProtoWriter().varint(1, model.irVersion());
    if (!model.producerName().isEmpty()) {
      writer.string(2, model.producerName());
    }
    if (!model.producerVersion().isEmpty()) {
      writer.string(3, model.producerVersion());
    }
    writer.message(7, graph -> writeGraph(graph, model.graph()));
    model.opsets().forEach((domain, version) -> writer.message(8, opset -> opset.string(1, domain).varint(2, version)));
    return writer.toByteArray();
  }

  private static void writeGraph(ProtoWriter writer, OnnxGraph graph) {
    graph.nodes().forEach(node -> writer.message(1, out -> writeNode(out, node)));
    writer.string(2, graph.name());
    graph.initializers().forEach(tensor -> writer.message(5, out -> writeTensor(out, tensor)));
    graph.inputs().forEach(input -> writer.message(11, out -> writeValueInfo(out, input)));
    graph.outputs().forEach(output -> writer.message(12, out -> writeValueInfo(out, output)));
  }

  private static void writeNode(ProtoWriter writer, OnnxNode node) {
    node.inputs().forEach(input -> writer.string(1, input));
    node.outputs().forEach(output -> writer.string(2, output));
    if (!node.name().isEmpty()) {
      writer.string(3, node.name());
    }
    writer.string(4, node.opType());
    node.attributes().values().forEach(attribute -> writer.message(5, out -> writeAttribute(out, attribute)));
    if (!node.domain().isEmpty()) {
      writer.string(7, node.domain());
    }
  }

  private static void writeAttribute(ProtoWriter writer, OnnxAttribute attribute) {
    writer.string(1, attribute.name());
    switch (attribute.type()) {
      case FLOAT -> writer.floatValue(2, attribute.floatValue());
      case INT -> writer.varint(3, attribute.intValue());
      case STRING -> writer.string(4, attribute.stringValue());
      case TENSOR -> writer.message(5, out -> writeTensor(out, attribute.tensor()));
      case FLOATS -> attribute.floats().forEach(value -> writer.floatValue(7, value));
      case INTS -> writer.packedVarints(8, attribute.ints().stream().mapToLong(Long::longValue).toArray());
      case STRINGS -> attribute.strings().forEach(value -> writer.string(9, value));
      default -> {
        // Graphs and sparse tensors are not decoded (OnnxDecoder), so only their type is written back.
      }
    }
    writer.varint(20, attribute.type().number);
  }

  static void writeTensor(ProtoWriter writer, OnnxTensor tensor) {
    writer.packedVarints(1, java.util.Arrays.stream(tensor.value().shape().dims()).asLongStream().toArray());
    writer.varint(2, ElementType.of(tensor.value().dtype()));
    if (!tensor.name().isEmpty()) {
      writer.string(8, tensor.name());
    }
    writer.bytes(9, RawValues.encode(tensor.value()));
  }

  private static void writeValueInfo(ProtoWriter writer, OnnxValueInfo info) {
    writer.string(1, info.name());
    writer.message(2, type -> type.message(1, tensor -> {
      tensor.varint(1, info.elementType());
      tensor.message(2, shape -> info.dims().forEach(dim -> shape.message(1, out -> {
        if (dim.matches("\\d{1,18}")) {
          out.varint(1, Long.parseLong(dim));
        } else if (!dim.equals("?")) {
          out.string(2, dim);
        }
      })));
    }));
  }
}
