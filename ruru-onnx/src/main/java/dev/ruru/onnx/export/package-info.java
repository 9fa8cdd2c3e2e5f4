/**
 * ONNX export: {@link dev.ruru.onnx.export.OnnxExport} writes a Ruru model built from supported layers as an
 * .onnx file, one exporter per layer class in one table.
 */
package dev.ruru.onnx.export;
