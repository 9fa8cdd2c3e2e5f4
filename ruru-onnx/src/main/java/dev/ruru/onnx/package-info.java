/**
 * ONNX import and export. {@link dev.ruru.onnx.OnnxImport} reads an .onnx file as an
 * {@link dev.ruru.onnx.OnnxLayer}, a Ruru layer that runs the graph on Ruru tensors (so it also fine-tunes
 * and saves); each ONNX operator is one entry in {@link dev.ruru.onnx.Operators}' table, composed of Ruru's
 * differentiable operations. The file format itself is in {@code dev.ruru.onnx.proto}.
 */
package dev.ruru.onnx;
