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
 * variance; {@link Mode#EVAL} uses the running statistics. It is a {@link BatchNorm1d} applied to the
 * view [N, C, H·W], so the two layers share one implementation.
 */
public final class BatchNorm2d implements Layer {
  private final BatchNorm1d perChannel;

  /** float32, ε = 1e-5, momentum 0.1: PyTorch's defaults. */
  public BatchNorm2d(int features) {
    this(features, 1e-5, 0.1, DType.FLOAT32);
  }

  public BatchNorm2d(int features, double eps, double momentum, DType dtype) {
    this.perChannel = new BatchNorm1d("BatchNorm2d", features, eps, momentum, dtype);
  }

  /** In TRAIN, also updates the running statistics (the buffers), once per call, unless frozen (see {@link BatchNorm1d#forward}). */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    int features = features();
    ImageShape.require(toString(), input, features);
    Shape shape = input.shape();
    if (mode == Mode.TRAIN && !perChannel.isFrozen() && shape.size() / features < 2) {
      throw new IllegalArgumentException("BatchNorm2d(" + features + "): expected more than 1 value per channel when training, got input "
          + shape + "; use a larger batch or Mode.EVAL");
    }
    Tensor flat = input.reshape(shape.dim(0), features, shape.dim(2) * shape.dim(3));
    return perChannel.forward(flat, mode).reshape(shape);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return perChannel.parameters();
  }

  @Override
  public Map<String, Buffer> buffers() {
    return perChannel.buffers();
  }

  public double eps() { return perChannel.eps(); }
  public double momentum() { return perChannel.momentum(); }
  /** Whether γ and β are both frozen, which freezes the running statistics too. */
  public boolean isFrozen() { return perChannel.isFrozen(); }
  public int features() { return perChannel.features(); }
  public Parameter weight() { return perChannel.weight(); }
  public Parameter bias() { return perChannel.bias(); }
  public NDArray runningMean() { return perChannel.runningMean(); }
  public NDArray runningVar() { return perChannel.runningVar(); }

  @Override
  public String toString() {
    return perChannel.toString();
  }
}
