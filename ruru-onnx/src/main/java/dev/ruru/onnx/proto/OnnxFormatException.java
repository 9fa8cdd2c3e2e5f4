package dev.ruru.onnx.proto;

/**
 * A file that is not a well-formed ONNX model, or uses a part of the format Ruru does not read (external
 * data, string tensors). The message names the file (or whatever the bytes came from) and where in it the
 * problem is.
 */
public final class OnnxFormatException extends IllegalArgumentException {
  public OnnxFormatException(String message) {
    super(message);
  }
}
