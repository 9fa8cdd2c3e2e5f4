package dev.ruru.onnx.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Pool2dSpec;
import dev.ruru.autodiff.Tensor;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.nn.AdaptiveAvgPool2d;
import dev.ruru.nn.AvgPool2d;
import dev.ruru.nn.BatchNorm1d;
import dev.ruru.nn.BatchNorm2d;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Dropout;
import dev.ruru.nn.ELU;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.GELU;
import dev.ruru.nn.GRU;
import dev.ruru.nn.Identity;
import dev.ruru.nn.Interpolation;
import dev.ruru.nn.LSTM;
import dev.ruru.nn.LayerNorm;
import dev.ruru.nn.RecurrentOptions;
import dev.ruru.nn.Residual;
import dev.ruru.nn.TransformerEncoder;
import dev.ruru.nn.TransformerLayerConfig;
import dev.ruru.nn.Upsample;
import dev.ruru.nn.Layer;
import dev.ruru.nn.LeakyReLU;
import dev.ruru.nn.Linear;
import dev.ruru.nn.LogSoftmax;
import dev.ruru.nn.MaxPool2d;
import dev.ruru.nn.Mode;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Seed;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Sigmoid;
import dev.ruru.nn.Softmax;
import dev.ruru.nn.Tanh;
import dev.ruru.array.io.Npz;
import dev.ruru.models.transfer.Pretrained;
import dev.ruru.nn.Unflatten;
import dev.ruru.onnx.OnnxImport;
import dev.ruru.onnx.OnnxLayer;
import dev.ruru.onnx.proto.OnnxEncoder;
import dev.ruru.onnx.proto.OnnxModel;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exported Ruru models give Ruru's outputs in ONNX Runtime (Microsoft's, from Maven Central) and when re-imported. */
class OnnxExportTest {
  private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  @Test
  void theBuiltInMlpRunsInOnnxRuntime() throws OrtException {
    Seed.manualSeed(1);
    Layer mlp = ModelSpec.mlp(List.of(8, 8), List.of(32, 16), DIGITS).build(new SplittableRandom(1));
    assertSameOutputs(mlp, Shape.of(5, 8, 8));
  }

  @Test
  void theBuiltInCnnRunsInOnnxRuntime() throws OrtException {
    Layer cnn = ModelSpec.cnn(List.of(28, 28), List.of(16, 32), List.of(64), DIGITS).build(new SplittableRandom(2));
    assertSameOutputs(cnn, Shape.of(3, 28, 28));
  }

  @Test
  void aCnnWithBatchNormAndEveryExportedLayerRunsInOnnxRuntime() throws OrtException {
    Seed.manualSeed(3);
    Layer model = new Sequential(
        new Conv2d(1, 6, 3, Conv2dSpec.of(1, 1)), new BatchNorm2d(6), new ReLU(), new MaxPool2d(2),
        new Conv2d(6, 8, 3, Conv2dSpec.of(2, 1).withPadding(1, 0, 1, 2)), new BatchNorm2d(8), new LeakyReLU(0.1),
        new AvgPool2d(new Pool2dSpec(3, 3, 1, 1, 1, 1)), new ELU(0.5), new AdaptiveAvgPool2d(1, 1), new Flatten(),
        new Sequential(new Linear(8, 12), new BatchNorm1d(12), new GELU(), new Dropout(0.3)), new Linear(12, 6), new Tanh(),
        new Linear(6, 4), new Sigmoid(), new Linear(4, 3), new Softmax(), new LogSoftmax(1));
    // A training pass moves the running statistics away from 0 and 1, so the export must carry them.
    model.forward(Tensor.constant(NDArray.randn(Shape.of(8, 1, 12, 12), new SplittableRandom(4))), Mode.TRAIN);
    assertSameOutputs(model, Shape.of(4, 1, 12, 12));
  }

  @Test
  void aSmallResNetRunsInOnnxRuntime() throws OrtException {
    Seed.manualSeed(5);
    Layer model = new Sequential(new Conv2d(1, 8, 3, Conv2dSpec.of(1, 1)), new BatchNorm2d(8), new ReLU(),
        block(8, 1), block(8, 2), new AdaptiveAvgPool2d(1, 1), new Flatten(), new Linear(16, 10));
    model.forward(Tensor.constant(NDArray.randn(Shape.of(8, 1, 12, 12), new SplittableRandom(6))), Mode.TRAIN);
    assertSameOutputs(model, Shape.of(3, 1, 12, 12));
  }

  /** A ResNet basic block: conv-bn-relu-conv-bn plus the shortcut (a strided 1x1 conv and bn when the shape changes), then relu. */
  private static Layer block(int channels, int stride) {
    int out = channels * stride;
    Layer body = new Sequential(Conv2d.withoutBias(channels, out, 3, Conv2dSpec.of(stride, 1), DType.FLOAT32), new BatchNorm2d(out),
        new ReLU(), Conv2d.withoutBias(out, out, 3, Conv2dSpec.of(1, 1), DType.FLOAT32), new BatchNorm2d(out));
    Layer shortcut = stride == 1 ? new Identity()
        : new Sequential(Conv2d.withoutBias(channels, out, 1, Conv2dSpec.of(stride, 0), DType.FLOAT32), new BatchNorm2d(out));
    return new Sequential(new Residual(body, shortcut), new ReLU());
  }

  @Test
  void stackedAndBidirectionalLstmAndGruClassifiersRunInOnnxRuntime() throws OrtException {
    Seed.manualSeed(7);
    RecurrentOptions twoLayers = RecurrentOptions.defaults().withLayers(2);
    assertSameOutputs(new Sequential(new LSTM(6, 5, twoLayers), new Flatten(), new Linear(4 * 5, 3)), Shape.of(3, 4, 6));
    assertSameOutputs(new Sequential(new GRU(6, 5, twoLayers.withBidirectional(true)), new Flatten(), new Linear(4 * 10, 3)),
        Shape.of(2, 4, 6));
    assertSameOutputs(new Sequential(new LSTM(6, 5, RecurrentOptions.defaults().withBidirectional(true).withBias(false)),
        new GRU(10, 4, RecurrentOptions.defaults().withBias(false)), new Flatten(), new Linear(4 * 4, 3)), Shape.of(2, 4, 6));
  }

  @Test
  void transformerEncoderClassifiersRunInOnnxRuntime() throws OrtException {
    Seed.manualSeed(8);
    TransformerLayerConfig config = TransformerLayerConfig.of(16, 4).withFeedforwardDim(32);
    assertSameOutputs(new Sequential(new TransformerEncoder(config, 2), new Flatten(), new Linear(5 * 16, 3)),
        Shape.of(2, 5, 16));
    TransformerLayerConfig preNorm = config.withNormPlacement(TransformerLayerConfig.NormPlacement.PRE_NORM)
        .withActivation(TransformerLayerConfig.Activation.GELU);
    assertSameOutputs(new Sequential(TransformerEncoder.withFinalNorm(preNorm, 2), new LayerNorm(16), new Flatten(),
        new Linear(5 * 16, 3)), Shape.of(3, 5, 16));
  }

  @Test
  void aPyTorchCnnSplitForFineTuningGivesPyTorchsOutputsAndExportsWithItsGraphInlined() throws Exception {
    Path file = Path.of(OnnxExportTest.class.getResource("/dev/ruru/onnx/pytorch/cnn.onnx").toURI());
    Map<String, NDArray> reference = Npz.read(file.resolveSibling("cnn.npz"));
    Pretrained start = OnnxPretrained.read(file);
    assertEquals(List.of(28, 28), start.inputShape());
    Sequential model = (Sequential) start.model();
    assertEquals(List.of(Unflatten.class, OnnxLayer.class, Linear.class), model.layers().stream().map(Object::getClass).toList());
    NDArray images = reference.get("input").reshape(3, 28, 28);
    NDArray output = model.forward(Tensor.constant(images)).value();
    assertTrue(output.sub(reference.get("output")).abs().max().item() < 2e-5, "the split model gives PyTorch's outputs");
    assertSameOutputs(model, Shape.of(3, 28, 28));
  }

  @Test
  void layersWithoutAnExporterAreAllNamedInOneError() {
    Layer model = new Sequential(new Linear(4, 4), new Upsample(2, Interpolation.NEAREST),
        new Residual(new Sequential(new ReLU(), new Upsample(2, Interpolation.NEAREST))));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> OnnxExport.export(model, Shape.of(1, 4)));
    assertTrue(error.getMessage().startsWith("ONNX export: no exporter for Upsample (at 1), Upsample (at 2.body.1); Ruru exports "),
        error.getMessage());
  }

  /** Ruru's outputs, ONNX Runtime's on the exported file, and Ruru's on the re-imported file agree within 1e-5. */
  private static void assertSameOutputs(Layer model, Shape inputShape) throws OrtException {
    NDArray input = NDArray.rand(inputShape, new SplittableRandom(7)).astype(dev.ruru.array.DType.FLOAT32);
    NDArray expected = model.forward(Tensor.constant(input)).value();
    OnnxModel exported = OnnxExport.export(model, example(inputShape));
    byte[] bytes = OnnxEncoder.encode(exported);
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession session = environment.createSession(bytes, new OrtSession.SessionOptions());
        ai.onnxruntime.OnnxTensor tensor = ai.onnxruntime.OnnxTensor.createTensor(environment, FloatBuffer.wrap(input.toFloatArray()),
            java.util.Arrays.stream(inputShape.dims()).asLongStream().toArray());
        OrtSession.Result result = session.run(Map.of("input", tensor))) {
      ai.onnxruntime.OnnxTensor output = (ai.onnxruntime.OnnxTensor) result.get(0);
      assertArrayEquals(java.util.Arrays.stream(expected.shape().dims()).asLongStream().toArray(), output.getInfo().getShape());
      float[] runtime = new float[expected.size()];
      output.getFloatBuffer().get(runtime);
      assertClose(expected, NDArray.of(runtime, expected.shape().dims()), "ONNX Runtime");
    }
    NDArray reimported = OnnxImport.of(exported).forward(Tensor.constant(input)).value();
    assertClose(expected, reimported, "Ruru on the re-imported model");
  }

  /** The example input the exporter sees: batch 1 (the batch axis is symbolic in the file). */
  private static Shape example(Shape shape) {
    int[] dims = shape.dims();
    dims[0] = 1;
    return Shape.of(dims);
  }

  private static void assertClose(NDArray expected, NDArray actual, String who) {
    assertEquals(expected.shape(), actual.shape(), who);
    double error = actual.sub(expected).abs().max().item();
    assertTrue(error < 1e-5, who + ": largest difference from Ruru " + error);
  }
}
