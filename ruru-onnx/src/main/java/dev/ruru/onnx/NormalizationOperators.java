package dev.ruru.onnx;

import dev.ruru.array.Shape;
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
    if (call.mode() == Mode.TRAIN && mean != null && variance != null) {
      double momentum = 1 - call.floatAttribute("momentum", 0.9f);
      Normalization.BatchNormResult result = Normalization.batchNormTrain(flat, call.input(1), call.input(2), mean.value(),
          variance.value(), momentum, eps);
      mean.set(result.runningMean());
      variance.set(result.runningVar());
      y = result.output();
    } else {
      y = Normalization.batchNormEval(flat, call.input(1), call.input(2), call.input(3).value(), call.input(4).value(), eps);
    }
    return List.of(y.reshape(x.shape()));
  }

  private static List<Tensor> layerNorm(NodeCall call) {
    Tensor x = call.input(0);
    int axis = call.axis(call.intAttribute("axis", -1), x.rank());
    Tensor scale = call.input(1);
    Tensor bias = call.optionalInput(2);
    if (call.node().outputs().size() > 1) {
      throw call.error("the Mean and InvStdDev outputs are not supported", "use the first output only");
    }
    bias = bias == null ? scale.zerosLike() : bias;
    int normalizedRank = x.rank() - axis;
    Shape normalized = Shape.of(Arrays.copyOfRange(x.shape().dims(), axis, x.rank()));
    return List.of(Normalization.layerNorm(x, normalizedRank, scale.broadcastTo(normalized), bias.broadcastTo(normalized),
        call.floatAttribute("epsilon", 1e-5f)));
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
}
