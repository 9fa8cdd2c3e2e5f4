package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.Map;

/**
 * Batch normalisation of images [N, C, H, W] per channel (Ioffe and Szegedy, 2015), as
 * torch.nn.BatchNorm2d: the statistics of channel c are taken over N, H and W. Learnable γ (ones) and
 * β (zeros) of shape [C]; buffers {@code running_mean}, {@code running_var} and
 * {@code num_batches_tracked}, updated in {@link Mode#TRAIN} with momentum 0.1 and the unbiased
 * variance; {@link Mode#EVAL} uses the running statistics. It is {@link Normalization}'s batch norm on
 * the view [N, C, H·W].
 */
public final class BatchNorm2d implements Module {
  private final int features;
  private final double eps;
  private final double momentum;
  private final Parameter weight;
  private final Parameter bias;
  private final Buffer runningMean;
  private final Buffer runningVar;
  private final Buffer batchesTracked;

  /** float32, ε = 1e-5, momentum 0.1: PyTorch's defaults. */
  public BatchNorm2d(int features) {
    this(features, 1e-5, 0.1, DType.FLOAT32);
  }

  public BatchNorm2d(int features, double eps, double momentum, DType dtype) {
    if (features < 1) {
      throw new IllegalArgumentException("BatchNorm2d: the number of channels must be positive, got " + features);
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException("BatchNorm2d: invalid eps: " + eps + " (must be > 0)");
    }
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("BatchNorm2d: invalid momentum: " + momentum + " (must be in [0, 1])");
    }
    Shape shape = Shape.of(features);
    this.features = features;
    this.eps = eps;
    this.momentum = momentum;
    this.weight = new Parameter(NDArray.ones(shape, dtype));
    this.bias = new Parameter(NDArray.zeros(shape, dtype));
    this.runningMean = new Buffer(NDArray.zeros(shape, dtype));
    this.runningVar = new Buffer(NDArray.ones(shape, dtype));
    this.batchesTracked = new Buffer(NDArray.scalar(0, DType.INT64));
  }

  /** In TRAIN, also updates the running statistics (the buffers), once per call. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    ImageShape.require(toString(), input, features);
    Shape shape = input.shape();
    Tensor flat = input.reshape(shape.dim(0), features, shape.dim(2) * shape.dim(3));
    if (mode == Mode.EVAL) {
      return Normalization.batchNormEval(flat, weight.tensor(), bias.tensor(), runningMean.value(), runningVar.value(), eps).reshape(shape);
    }
    if (shape.size() / features < 2) {
      throw new IllegalArgumentException("BatchNorm2d(" + features + "): expected more than 1 value per channel when training, got input "
          + shape + "; use a larger batch or Mode.EVAL");
    }
    Normalization.BatchNormResult result = Normalization.batchNormTrain(flat, weight.tensor(), bias.tensor(),
        runningMean.value(), runningVar.value(), momentum, eps);
    runningMean.set(result.runningMean());
    runningVar.set(result.runningVar());
    batchesTracked.set(NDArray.scalar(batchesTracked.value().item() + 1, DType.INT64));
    return result.output().reshape(shape);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.of("weight", weight, "bias", bias);
  }

  @Override
  public Map<String, Buffer> buffers() {
    return Params.of("running_mean", runningMean, "running_var", runningVar, "num_batches_tracked", batchesTracked);
  }

  public int features() { return features; }
  public Parameter weight() { return weight; }
  public Parameter bias() { return bias; }
  public NDArray runningMean() { return runningMean.value(); }
  public NDArray runningVar() { return runningVar.value(); }

  @Override
  public String toString() {
    return "BatchNorm2d(" + features + ", eps=" + eps + ", momentum=" + momentum + ")";
  }
}
