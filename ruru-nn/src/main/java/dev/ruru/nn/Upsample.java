package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/**
 * Upsampling of [N, C, H, W] images by a scale factor, nearest or bilinear (the decoder's alternative to
 * {@link ConvTranspose2d}: resize, then let a Conv2d learn the detail, which avoids the transposed
 * convolution's checkerboard patterns). No parameters. Output [N, C, ⌊H·scale⌋, ⌊W·scale⌋], as
 * PyTorch's {@code nn.Upsample(scale_factor=scale, mode=...)} (see {@link Functional#upsample}).
 *
 * <pre>{@code
 * Layer up = new Upsample(2, Interpolation.NEAREST);
 * Tensor y = up.forward(x);          // x [8, 32, 7, 7] -> y [8, 32, 14, 14]
 * }</pre>
 */
public final class Upsample implements Layer {
  private final double scale;
  private final Interpolation interpolation;

  public Upsample(double scale, Interpolation interpolation) {
    Functional.checkUpsampleScale(scale);
    this.scale = scale;
    this.interpolation = interpolation;
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    ImageShape.require(toString(), input, -1);
    return Functional.upsample(input, scale, interpolation);
  }

  public double scale() { return scale; }
  public Interpolation interpolation() { return interpolation; }

  @Override
  public String toString() {
    return "Upsample(" + scale + ", " + interpolation.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
