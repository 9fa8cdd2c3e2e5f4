package dev.ruru.models.latent;

import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.ConvTranspose2d;
import dev.ruru.nn.Interpolation;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Upsample;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How a convolutional decoder doubles its image at each stage: a learned stride-2 transposed convolution,
 * or a fixed resize (nearest or bilinear) followed by a 3x3 convolution, which avoids the checkerboard
 * artefacts that overlapping transposed-convolution kernels leave (Odena et al., Distill 2016).
 */
public enum Upsampling {
  TRANSPOSED, NEAREST, BILINEAR;

  /** The name in model.json and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Upsampling fromId(String id) {
    return Arrays.stream(values()).filter(value -> value.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "unknown upsampling '" + id + "'; expected transposed, nearest or bilinear"));
  }

  /** One stage: [N, in, H, W] to [N, out, 2H, 2W]. */
  Layer stage(int in, int out, RandomGenerator rng) {
    return switch (this) {
      case TRANSPOSED -> new ConvTranspose2d(in, out, 3, Conv2dSpec.of(2, 1), 1, rng);
      case NEAREST -> new Sequential(new Upsample(2, Interpolation.NEAREST), Conv2d.same(in, out, 3, rng));
      case BILINEAR -> new Sequential(new Upsample(2, Interpolation.BILINEAR), Conv2d.same(in, out, 3, rng));
    };
  }
}
