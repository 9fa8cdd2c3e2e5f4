package dev.ruru.onnx.proto;

import java.util.List;

/**
 * A ValueInfoProto: a graph input's or output's name, element type and shape. Each dimension is its size
 * ("64"), a symbolic name ("batch"), or "?" when the file leaves it out.
 */
public record OnnxValueInfo(String name, int elementType, List<String> dims) {
  public OnnxValueInfo {
    dims = List.copyOf(dims);
  }

  /** The dimensions, with -1 for every one that is not a fixed size. */
  public int[] fixedDims() {
    return dims.stream().mapToInt(dim -> dim.matches("\\d{1,9}") ? Integer.parseInt(dim) : -1).toArray();
  }

  @Override
  public String toString() {
    return name + ": " + ElementType.name(elementType) + " " + dims;
  }
}
