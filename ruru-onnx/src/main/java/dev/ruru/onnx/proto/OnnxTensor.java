package dev.ruru.onnx.proto;

import dev.ruru.array.NDArray;

/**
 * A TensorProto: a named constant (an initializer, a Constant node's value, a node test's input). ONNX's
 * element types map to Ruru's dtypes: float and float16/bfloat16 to float32, double to float64, the
 * integers up to 32 bits to int32, int64 and uint32/uint64 to int64, bool to bool.
 *
 * @param name the tensor's name (empty for an attribute's value)
 * @param elementType the ONNX data type it was stored as ({@link ElementType})
 * @param value its values
 */
public record OnnxTensor(String name, int elementType, NDArray value) {
  /** A tensor stored in the ONNX type that matches {@code value}'s dtype. */
  public static OnnxTensor of(String name, NDArray value) {
    return new OnnxTensor(name, ElementType.of(value.dtype()), value);
  }
}
