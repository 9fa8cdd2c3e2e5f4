package dev.ruru.onnx;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Buffer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Normalization;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** BatchNormalization, LayerNormalization, Softmax and LogSoftmax. */
final class NormalizationOperators {
  private NormalizationOperators() {}

  static void register(Map<String, Operator> table) {
    table.put("BatchNormalization", NormalizationOperators::batchNorm);
    table.put("LayerNormalization", NormalizationOperators::layerNorm);
    table.put("InstanceNormalization", NormalizationOperators::instanceNorm);
    table.put("Hardmax", NormalizationOperators::hardmax);
    table.put("Softmax", call -> List.of(softmax(call, false)));
    table.put("LogSoftmax", call -> List.of(softmax(call, true)));
  }

  /**
   * In {@link Mode#TRAIN} (fine-tuning) the batch's statistics normalise and the running ones move towards
   * them, as PyTorch's BatchNorm does; ONNX's momentum m keeps m of the old value (PyTorch's is 1 − m).
   */
  private static List<Tensor> batchNorm(NodeCall call) {
    Tensor x = call.input(0);
    if (x.rank() < 2) {
      throw call.error("input " + x.shape() + " has no channel axis", "BatchNormalization needs [N, C, ...]");
    }
    int channels = x.shape().dim(1);
    Tensor flat = x.rank() == 3 || x.rank() == 2 ? x : x.reshape(x.shape().dim(0), channels, -1);
    double eps = call.floatAttribute("epsilon", 1e-5f);
    Buffer mean = call.buffer(3);
    Buffer variance = call.buffer(4);
    Tensor y;
    if (call.intAttribute("training_mode", 0) != 0) {
      // Opset 14's training mode: batch statistics, and the updated running ones as extra outputs.
      // ONNX moves the running variance towards the biased batch variance (PyTorch: the unbiased one).
      double momentum = call.floatAttribute("momentum", 0.9f);
      Normalization.BatchNormResult result = Normalization.batchNormTrain(flat, call.input(1), call.input(2), call.input(3).value(),
          call.input(4).value(), 1 - momentum, eps);
      int[] axes = flat.rank() == 2 ? new int[] {0} : new int[] {0, 2};
      NDArray runningVar = call.input(4).value().mul(momentum).add(flat.value().var(axes, Dims.DROP, 0).mul(1 - momentum));
      return List.of(result.output().reshape(x.shape()), Tensor.constant(result.runningMean()), Tensor.constant(runningVar));
    } else if (call.mode() == Mode.TRAIN && mean != null && variance != null) {
      double momentum = 1 - call.floatAttribute("momentum", 0.9f);
      Normalization.BatchNormResult result = Normalization.batchNormTrain(flat, call.input(1), call.input(2), mean.value(),
          variance.value(), momentum, eps);
      mean.set(result.runningMean());
      variance.set(result.runningVar());
      y = result.output();
    } else {
      y = foldedBatchNorm(flat, call.input(1), call.input(2), call.input(3).value(), call.input(4).value(), eps);
    }
    return List.of(y.reshape(x.shape()));
  }

  /**
   * Inference batch normalisation as one scale and one shift per channel, γ/√(σ² + ε) and β − μ·γ/√(σ² + ε),
   * computed on the [C] vectors: two passes over the activations instead of four. Gradients still reach γ, β.
   */
  private static Tensor foldedBatchNorm(Tensor x, Tensor weight, Tensor bias, NDArray mean, NDArray variance, double eps) {
    Tensor scale = weight.div(Tensor.constant(variance.add(eps).sqrt().astype(weight.dtype())));
    Tensor shift = bias.sub(Tensor.constant(mean.astype(weight.dtype())).mul(scale));
    int[] perChannel = x.rank() == 2 ? new int[] {x.shape().dim(1)} : new int[] {x.shape().dim(1), 1};
    return x.mul(scale.reshape(perChannel)).add(shift.reshape(perChannel));
  }

  /**
   * Normalises over the axes from {@code axis} on; the optional outputs are the mean and 1/√(σ² + ε), with
   * the normalised axes kept as size 1 (ONNX's definition).
   */
  private static List<Tensor> layerNorm(NodeCall call) {
    Tensor x = call.input(0);
    int axis = call.axis(call.intAttribute("axis", -1), x.rank());
    int[] axes = new int[x.rank() - axis];
    Arrays.setAll(axes, i -> axis + i);
    Tensor mean = x.mean(axes, Dims.KEEP);
    Tensor centered = x.sub(mean);
    Tensor inverseStd = centered.mul(centered).mean(axes, Dims.KEEP).add(call.floatAttribute("epsilon", 1e-5f)).pow(-0.5);
    Tensor y = centered.mul(inverseStd).mul(call.input(1));
    y = call.optionalInput(2) == null ? y : y.add(call.input(2));
    return List.of(y, mean, inverseStd);
  }

  /** From opset 13 along one axis (default −1); before, over the axes from {@code axis} on (default 1) as one. */
  private static Tensor softmax(NodeCall call, boolean log) {
    Tensor x = call.input(0);
    if (call.opset() >= 13) {
      int axis = call.axis(call.intAttribute("axis", -1), x.rank());
      return log ? x.logSoftmax(axis) : x.softmax(axis);
    }
    int axis = call.axis(call.intAttribute("axis", 1), x.rank());
    int outer = 1;
    for (int i = 0; i < axis; i++) {
      outer *= x.shape().dim(i);
    }
    Tensor flat = x.reshape(outer, -1);
    return (log ? flat.logSoftmax(1) : flat.softmax(1)).reshape(x.shape());
  }

  /** Each (sample, channel) normalised over its spatial axes, then scaled and shifted per channel. */
  private static List<Tensor> instanceNorm(NodeCall call) {
    Tensor x = call.input(0);
    int[] axes = new int[x.rank() - 2];
    Arrays.setAll(axes, i -> i + 2);
    int[] perChannel = new int[x.rank() - 1];
    Arrays.fill(perChannel, 1);
    perChannel[0] = x.shape().dim(1);
    Tensor centered = x.sub(x.mean(axes, Dims.KEEP));
    Tensor inverseStd = centered.mul(centered).mean(axes, Dims.KEEP).add(call.floatAttribute("epsilon", 1e-5f)).pow(-0.5);
    return List.of(centered.mul(inverseStd).mul(call.input(1).reshape(perChannel)).add(call.input(2).reshape(perChannel)));
  }

  /** 1 at the first maximum along the axis, 0 elsewhere (before opset 13: over the flattened axes from it on). */
  private static List<Tensor> hardmax(NodeCall call) {
    NDArray x = call.input(0).value();
    boolean flattened = call.opset() < 13;
    int axis = call.axis(call.intAttribute("axis", flattened ? 1 : -1), x.rank());
    int outer = 1;
    for (int i = 0; i < axis; i++) {
      outer *= x.shape().dim(i);
    }
    NDArray moved = flattened ? x.reshape(outer, -1) : x.swapAxes(axis, x.rank() - 1);
    NDArray hot = NDArray.oneHot(moved.argmax(moved.rank() - 1), moved.shape().dim(moved.rank() - 1), x.dtype());
    return List.of(Tensor.constant(flattened ? hot.reshape(x.shape()) : hot.swapAxes(axis, x.rank() - 1)));
  }
}
