package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.Map;

/**
 * Batch normalisation over x [N, C] or [N, C, L] (Ioffe and Szegedy, 2015), as torch.nn.BatchNorm1d:
 * learnable γ (ones) and β (zeros) of shape [C]; buffers {@code running_mean} (zeros),
 * {@code running_var} (ones) and {@code num_batches_tracked}. {@link Mode#TRAIN} normalises with the
 * batch's statistics and moves the running ones towards them (momentum 0.1, unbiased variance);
 * {@link Mode#EVAL} normalises with the running statistics. See {@link Normalization}.
 */
public final class BatchNorm1d implements Layer {
  private final String name;
  private final int features;
  private final double eps;
  private final double momentum;
  private final Parameter weight;
  private final Parameter bias;
  private final Buffer runningMean;
  private final Buffer runningVar;
  private final Buffer batchesTracked;

  /** float32, ε = 1e-5, momentum 0.1: PyTorch's defaults. */
  public BatchNorm1d(int features) {
    this(features, 1e-5, 0.1, DType.FLOAT32);
  }

  public BatchNorm1d(int features, double eps, double momentum, DType dtype) {
    this("BatchNorm1d", features, eps, momentum, dtype);
  }

  /** For layers that are this one on a reshaped input ({@link BatchNorm2d}): {@code name} appears in messages. */
  BatchNorm1d(String name, int features, double eps, double momentum, DType dtype) {
    if (features < 1) {
      throw new IllegalArgumentException(name + ": the number of features must be positive, got " + features);
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException(name + ": invalid eps: " + eps + " (must be > 0)");
    }
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException(name + ": invalid momentum: " + momentum + " (must be in [0, 1])");
    }
    Shape shape = Shape.of(features);
    this.name = name;
    this.features = features;
    this.eps = eps;
    this.momentum = momentum;
    this.weight = new Parameter(NDArray.ones(shape, dtype));
    this.bias = new Parameter(NDArray.zeros(shape, dtype));
    this.runningMean = new Buffer(NDArray.zeros(shape, dtype));
    this.runningVar = new Buffer(NDArray.ones(shape, dtype));
    this.batchesTracked = new Buffer(NDArray.scalar(0, DType.INT64));
  }

  /**
   * In TRAIN, also updates the running statistics (the buffers), once per call, unless the layer is
   * frozen ({@link #isFrozen()}): then it normalises with the running statistics and keeps them, as
   * Keras's frozen BatchNormalization does, because a frozen layer's γ and β were learnt for those
   * statistics, and a small fine-tuning batch would replace them with noisy ones.
   */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    if (mode == Mode.EVAL || isFrozen()) {
      return Normalization.batchNormEval(input, weight.tensor(), bias.tensor(), runningMean.value(), runningVar.value(), eps);
    }
    Normalization.BatchNormResult result = Normalization.batchNormTrain(input, weight.tensor(), bias.tensor(),
        runningMean.value(), runningVar.value(), momentum, eps);
    runningMean.set(result.runningMean());
    runningVar.set(result.runningVar());
    batchesTracked.set(NDArray.scalar(batchesTracked.value().item() + 1, DType.INT64));
    return result.output();
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.of("weight", weight, "bias", bias);
  }

  @Override
  public Map<String, Buffer> buffers() {
    return Params.of("running_mean", runningMean, "running_var", runningVar, "num_batches_tracked", batchesTracked);
  }

  /** Whether γ and β are both frozen ({@link Layer#freeze}), which freezes the running statistics too. */
  public boolean isFrozen() {
    return !weight.isTrainable() && !bias.isTrainable();
  }

  public double eps() { return eps; }
  public double momentum() { return momentum; }
  public int features() { return features; }
  public Parameter weight() { return weight; }
  public Parameter bias() { return bias; }
  public NDArray runningMean() { return runningMean.value(); }
  public NDArray runningVar() { return runningVar.value(); }

  @Override
  public String toString() {
    return name + "(" + features + ", eps=" + eps + ", momentum=" + momentum + ")";
  }
}
