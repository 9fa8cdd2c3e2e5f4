package dev.ruru.models.video;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;

/**
 * How close predicted frames are to the true ones, as the video-prediction papers report it, for frames
 * [clips, T, 1, S, S] in [0, 1]: the squared error summed over a frame's pixels and averaged over the
 * frames (Srivastava et al. and Shi et al.'s tables), and the structural similarity (Wang et al., 2004)
 * averaged over the frames. SSIM is computed as scikit-image's {@code structural_similarity} does by
 * default: 7×7 uniform windows, sample covariances, K1 = 0.01, K2 = 0.03, data range 1, the mean over
 * the windows that lie wholly inside the frame.
 */
public final class FrameQuality {
  private static final int WINDOW = 7;
  private static final double C1 = 0.01 * 0.01, C2 = 0.03 * 0.03;

  private FrameQuality() {}

  /** Σ over a frame's pixels of (a − b)², averaged over every frame of every clip. */
  public static double msePerFrame(NDArray predicted, NDArray truth) {
    check(predicted, truth);
    float[] a = predicted.astype(DType.FLOAT32).toFloatArray(), b = truth.astype(DType.FLOAT32).toFloatArray();
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double difference = a[i] - b[i];
      sum += difference * difference;
    }
    return sum / frames(predicted);
  }

  /** SSIM of each predicted frame against its true frame, averaged over every frame of every clip. */
  public static double ssim(NDArray predicted, NDArray truth) {
    check(predicted, truth);
    int size = predicted.dim(4);
    if (size < WINDOW || predicted.dim(3) != size) {
      throw new IllegalArgumentException("ssim: frames must be square and at least " + WINDOW + " pixels wide, got " + predicted.shape());
    }
    float[] a = predicted.astype(DType.FLOAT32).toFloatArray(), b = truth.astype(DType.FLOAT32).toFloatArray();
    int count = frames(predicted);
    double sum = 0;
    for (int frame = 0; frame < count; frame++) {
      sum += frameSsim(a, b, frame * size * size, size);
    }
    return sum / count;
  }

  /** The copy-the-last-frame baseline's prediction: the last input frame [clips, T_in, ...] repeated {@code future} times. */
  public static NDArray copyLastFrame(NDArray input, int future) {
    int last = input.dim(1) - 1;
    NDArray frame = input.slice(1, last, last + 1, 1);
    int[] dims = input.shape().dims();
    dims[1] = future;
    return frame.broadcastTo(Shape.of(dims)).contiguous();
  }

  static double frameSsim(float[] a, float[] b, int offset, int size) {
    double n = WINDOW * WINDOW, covarianceNorm = n / (n - 1);
    double total = 0;
    int valid = size - WINDOW + 1;
    for (int top = 0; top < valid; top++) {
      for (int left = 0; left < valid; left++) {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (int r = 0; r < WINDOW; r++) {
          int row = offset + (top + r) * size + left;
          for (int c = 0; c < WINDOW; c++) {
            double x = a[row + c], y = b[row + c];
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
          }
        }
        double ma = sa / n, mb = sb / n;
        double va = covarianceNorm * (saa / n - ma * ma), vb = covarianceNorm * (sbb / n - mb * mb);
        double vab = covarianceNorm * (sab / n - ma * mb);
        total += (2 * ma * mb + C1) * (2 * vab + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
      }
    }
    return total / (valid * valid);
  }

  private static int frames(NDArray clips) {
    return clips.dim(0) * clips.dim(1);
  }

  private static void check(NDArray predicted, NDArray truth) {
    if (!predicted.shape().equals(truth.shape()) || predicted.rank() != 5 || predicted.dim(2) != 1) {
      throw new IllegalArgumentException("frame quality: expected predicted and true frames of one shape [clips, T, 1, S, S], got "
          + predicted.shape() + " and " + truth.shape());
    }
  }
}
