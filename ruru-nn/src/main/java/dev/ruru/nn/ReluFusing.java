package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/**
 * A layer that can apply relu to its own output inside its computation, while each part of the
 * output is still in cache. {@link Sequential} calls it for the layer when a {@link ReLU} follows, so
 * networks written layer by layer, PyTorch style, get the fused kernel (oneDNN's and cuDNN's
 * convolution-with-activation) with no change to their layers, names or results.
 */
interface ReluFusing {
  /** relu(forward(input, mode)), computed in one primitive. */
  Tensor forwardRelu(Tensor input, Mode mode);
}
