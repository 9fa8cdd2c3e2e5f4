package dev.ruru.models.video;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Mode;
import dev.ruru.train.plot.AnimatedGif;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An animated GIF of clips, one row each, with three panels side by side: the input (its frames, then its
 * last frame held: what copying the last frame predicts), the truth (the whole clip) and the model's
 * prediction (the input frames, then the predicted ones). A white bar under the panels marks the frames
 * that are predicted.
 */
public final class PredictionGif {
  private static final int GAP = 2, BAR = 3, SCALE = 2, FRAME_MILLIS = 200;

  private PredictionGif() {}

  /** Predicts the future frames of {@code clips} (features and labels as {@link dev.ruru.data.video.MovingImages} gives them) and writes the GIF. */
  public static void write(Path file, EncoderForecaster model, Batch clips) throws IOException {
    NDArray predicted = Autodiff.noGrad(() -> model.forward(Tensor.constant(clips.features()), Mode.EVAL).value());
    AnimatedGif.write(file, frames(clips.features(), clips.labels(), predicted), FRAME_MILLIS);
  }

  static List<BufferedImage> frames(NDArray input, NDArray truth, NDArray predicted) {
    int rows = input.dim(0), in = input.dim(1), future = truth.dim(1), size = input.dim(4);
    float[] inputs = input.astype(DType.FLOAT32).toFloatArray(), truths = truth.astype(DType.FLOAT32).toFloatArray();
    float[] predictions = predicted.astype(DType.FLOAT32).toFloatArray();
    int cell = size * SCALE + GAP;
    List<BufferedImage> frames = new ArrayList<>();
    for (int t = 0; t < in + future; t++) {
      BufferedImage picture = new BufferedImage(3 * cell + GAP, rows * cell + GAP + BAR, BufferedImage.TYPE_BYTE_GRAY);
      for (int row = 0; row < rows; row++) {
        boolean past = t < in;
        int inputOffset = (row * in + Math.min(t, in - 1)) * size * size;
        int futureOffset = (row * future + (t - in)) * size * size;
        paint(picture, inputs, inputOffset, GAP, GAP + row * cell, size);
        paint(picture, past ? inputs : truths, past ? inputOffset : futureOffset, GAP + cell, GAP + row * cell, size);
        paint(picture, past ? inputs : predictions, past ? inputOffset : futureOffset, GAP + 2 * cell, GAP + row * cell, size);
      }
      if (t >= in) {
        for (int x = GAP + cell; x < 3 * cell; x++) {
          for (int y = rows * cell + GAP; y < rows * cell + GAP + BAR; y++) {
            picture.getRaster().setSample(x, y, 0, 255);
          }
        }
      }
      frames.add(picture);
    }
    return frames;
  }

  private static void paint(BufferedImage picture, float[] values, int offset, int left, int top, int size) {
    for (int y = 0; y < size * SCALE; y++) {
      for (int x = 0; x < size * SCALE; x++) {
        float value = values[offset + (y / SCALE) * size + x / SCALE];
        picture.getRaster().setSample(left + x, top + y, 0, Math.round(Math.clamp(value, 0f, 1f) * 255));
      }
    }
  }
}
