package dev.ruru.onnx;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.Map;

/**
 * NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss (what training graphs export): scores [N, C] or
 * [N, C, d...], integer targets [N] or [N, d...], optional class weights [C] and an ignore_index. The
 * target's score is picked with a constant one-hot mask, so the loss is differentiable in the scores; the
 * mean divides by the summed weights of the targets not ignored.
 */
final class LossOperators {
  private LossOperators() {}

  static void register(Map<String, Operator> table) {
    table.put("NegativeLogLikelihoodLoss", call -> List.of(negativeLogLikelihood(call, call.input(0))));
    table.put("SoftmaxCrossEntropyLoss", call -> {
      Tensor logProbabilities = call.input(0).logSoftmax(1);
      return List.of(negativeLogLikelihood(call, logProbabilities), logProbabilities);
    });
  }

  private static Tensor negativeLogLikelihood(NodeCall call, Tensor scores) {
    NDArray target = call.input(1).value().astype(DType.INT64);
    int classes = scores.shape().dim(1);
    boolean ignoring = call.has("ignore_index");
    long ignored = call.intAttribute("ignore_index", Long.MIN_VALUE);
    NDArray kept = ignoring ? target.ne(NDArray.scalar(ignored, DType.INT64)).astype(scores.dtype()) : NDArray.ones(target.shape(), scores.dtype());
    NDArray safe = ignoring ? NDArray.where(target.eq(ignored), NDArray.zeros(target.shape(), DType.INT64), target) : target;
    long[] values = safe.toLongArray();
    for (long value : values) {
      if (value < 0 || value >= classes) {
        throw call.error("target " + value + " is not a class in [0, " + classes + ")", "targets must index the scores' axis 1");
      }
    }
    NDArray hot = NDArray.oneHot(safe, classes, scores.dtype());
    int rank = hot.rank();
    int[] classesSecond = new int[rank];
    for (int i = 0; i < rank; i++) {
      classesSecond[i] = i == 0 ? 0 : i == 1 ? rank - 1 : i - 1;
    }
    Tensor picked = scores.mul(Tensor.constant(hot.permute(classesSecond))).sum(1, dev.ruru.array.Dims.DROP);
    Tensor weightTensor = call.optionalInput(2);
    NDArray weights = weightTensor == null ? kept : weightTensor.value().astype(scores.dtype()).take(safe, 0).mul(kept);
    Tensor losses = picked.neg().mul(Tensor.constant(weights));
    return switch (call.stringAttribute("reduction", "mean")) {
      case "none" -> losses;
      case "sum" -> losses.sum();
      case "mean" -> losses.sum().div(Tensor.constant(weights.sum()));
      default -> throw call.error("reduction " + call.stringAttribute("reduction", ""), "use none, sum or mean");
    };
  }
}
