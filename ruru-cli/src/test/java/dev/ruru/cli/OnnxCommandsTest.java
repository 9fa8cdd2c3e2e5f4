package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Npy;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.nn.Layer;
import dev.ruru.train.ResumableRandom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ruru export --format onnx}, and predict, eval and inspect on the .onnx file it writes. */
class OnnxCommandsTest {
  private static final List<String> CLASSES = List.of("T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
      "Bag", "Ankle boot");

  @TempDir Path dir;

  @Test void anExportedModelPredictsAndEvaluatesAsTheSavedOne() throws IOException {
    ModelSpec spec = ModelSpec.cnn(List.of(28, 28), List.of(4, 8), List.of(16), CLASSES);
    Layer model = spec.build(new ResumableRandom(5));
    Path saved = dir.resolve("model");
    ModelFiles.save(saved, spec, model);
    Path onnx = dir.resolve("model.onnx");
    CommandRun export = CommandRun.of("export", "--model-dir", saved.toString(), "--format", "onnx", "--out", onnx.toString());
    assertEquals(0, export.exitCode(), export.err());
    assertEquals("wrote " + onnx + ": " + spec.describe() + " as ONNX (opset 14), input [batch, 28, 28]\n", export.out());

    Path images = dir.resolve("images.npy");
    Npy.write(images, NDArray.rand(Shape.of(3, 28, 28), new SplittableRandom(6)).astype(dev.ruru.array.DType.FLOAT32));
    CommandRun fromDirectory = CommandRun.of("predict", "--model-dir", saved.toString(), "--input", images.toString());
    CommandRun fromOnnx = CommandRun.of("predict", "--model", onnx.toString(), "--input", images.toString());
    assertEquals(0, fromOnnx.exitCode(), fromOnnx.err());
    assertEquals(classesAndPercentages(fromDirectory.out()), classesAndPercentages(fromOnnx.out()));

    CommandRun evalDirectory = CommandRun.withEmbeddedSample(dir.resolve("home"), "eval", "--model-dir", saved.toString());
    CommandRun evalOnnx = CommandRun.withEmbeddedSample(dir.resolve("home"), "eval", "--model", onnx.toString());
    assertEquals(0, evalOnnx.exitCode(), evalOnnx.err());
    assertEquals(testLine(evalDirectory.out()), testLine(evalOnnx.out()));
    assertTrue(evalOnnx.out().startsWith("model: onnx " + onnx + ": 11 nodes, 8 parameters, input input: float [batch, 28, 28] -> 10 classes"),
        evalOnnx.out());
  }

  @Test void predictReshapesImagesToAPyTorchModelsDeclaredInput() throws Exception {
    // ruru-onnx/scripts/export_pytorch_fixtures.py's MLP: input [batch, 1, 8, 8], 10 classes; its inputs and outputs are
    // in ruru-onnx's test resources (mlp.npz), the first of which is used here.
    Path onnx = dir.resolve("mlp.onnx");
    Files.copy(Path.of(OnnxCommandsTest.class.getResource("pytorch-mlp.onnx").toURI()), onnx);
    Path image = dir.resolve("image.npy");
    Npy.write(image, NDArray.rand(Shape.of(8, 8), new SplittableRandom(3)).astype(dev.ruru.array.DType.FLOAT32));
    CommandRun predict = CommandRun.of("predict", "--model", onnx.toString(), "--input", image.toString());
    assertEquals(0, predict.exitCode(), predict.err());
    assertTrue(predict.out().matches(java.util.regex.Pattern.quote(image.toString())
        + ": class \\d \\d+\\.\\d\\d%, class \\d \\d+\\.\\d\\d%, class \\d \\d+\\.\\d\\d%\n"), predict.out());
  }

  @Test void inspectDescribesTheGraphAndItsInitializers() throws IOException {
    ModelSpec spec = ModelSpec.mlp(List.of(4, 4), List.of(3), List.of("a", "b"));
    Path saved = dir.resolve("mlp");
    ModelFiles.save(saved, spec, spec.build(new ResumableRandom(1)));
    Path onnx = dir.resolve("mlp.onnx");
    assertEquals(0, CommandRun.of("export", "--model-dir", saved.toString(), "--out", onnx.toString()).exitCode());
    CommandRun inspect = CommandRun.of("inspect", onnx.toString());
    assertEquals(0, inspect.exitCode(), inspect.err());
    String out = inspect.out();
    assertTrue(out.startsWith(onnx + " (onnx)\nONNX model: IR version 8, opsets {=14}, producer ruru 0.1.0\n"
        + "  input  input: float [batch, 4, 4]\n  output output: float [batch, 2]\n  4 nodes: Gemm x2, Relu x1, Reshape x1\n"
        + "    /0/Reshape  Reshape  input, 0.shape -> /0/Reshape_output_0\n"), out);
    assertTrue(out.contains("initializers: 5 arrays"), out);
    assertTrue(out.lines().anyMatch(line -> line.strip().startsWith("1.weight") && line.contains("float32") && line.contains("[3, 16]")), out);
  }

  @Test void aCorruptOnnxFileIsNamedWithTheProblem() throws IOException {
    Path bad = dir.resolve("bad.onnx");
    Files.write(bad, new byte[] {0x3A, (byte) 0xFF, 0x01});
    CommandRun inspect = CommandRun.of("inspect", bad.toString());
    assertEquals(Ruru.USAGE_ERROR, inspect.exitCode());
    assertEquals("ruru inspect: " + bad + ": byte 1: a message of 255 bytes, but only 0 remain; the file is not a valid ONNX model"
        + " (truncated or corrupt?)\n", inspect.err());
    CommandRun export = CommandRun.of("export", "--model-dir", dir.toString(), "--format", "tflite", "--out", bad.toString());
    assertEquals("ruru export: Invalid --format: tflite (Ruru exports onnx)\n", export.err());
  }

  /** The classes (by index: an .onnx file names none, so predict numbers them) and probabilities predict prints. */
  private static List<String> classesAndPercentages(String out) {
    return out.lines().map(line -> {
      StringBuilder entries = new StringBuilder();
      java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?:, |: )([^,]+?) (\\d+\\.\\d+%)").matcher(line);
      while (matcher.find()) {
        String name = matcher.group(1);
        int index = name.startsWith("class ") ? Integer.parseInt(name.substring(6)) : CLASSES.indexOf(name);
        entries.append(index).append(' ').append(matcher.group(2)).append(' ');
      }
      return entries.toString();
    }).toList();
  }

  private static String testLine(String out) {
    return out.lines().filter(line -> line.startsWith("test:")).findFirst().orElseThrow(() -> new AssertionError(out));
  }
}
