package dev.ruru.models.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.video.MovingImages;
import dev.ruru.data.video.MovingImagesSpec;
import dev.ruru.nn.Mode;
import dev.ruru.train.History;
import dev.ruru.train.Trainer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EncoderForecasterTest {
  /** 16×16 frames in 4×4 patches, one layer of 8 channels, 3 frames in and 3 out: seconds to train. */
  static final VideoSpec TINY = new VideoSpec(VideoSpec.CONVLSTM, 4, List.of(8), 3, 16, 3, 3);

  static MovingImages squares(int clips, long seed) {
    float[] square = new float[2 * 25];
    Arrays.fill(square, 0, 25, 1f);
    Arrays.fill(square, 25, 50, 0.6f);
    return new MovingImages(NDArray.of(square, 2, 5, 5), clips, new MovingImagesSpec(16, 1, 3, 3, seed));
  }

  @Test
  void patchesAndFramesAreInverses() {
    EncoderForecaster model = TINY.build(new SplittableRandom(1));
    float[] values = new float[2 * 3 * 256];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    Tensor frames = Tensor.constant(NDArray.of(values, 2, 3, 1, 16, 16));
    Tensor patched = model.patches(frames);
    assertEquals(Shape.of(2, 3, 16, 4, 4), patched.shape());
    // Channel a·4 + b of patch cell (r, c) is pixel (4r + a, 4c + b): channel 6 = (1, 2) of cell (2, 3) is pixel (9, 14).
    assertEquals(9 * 16 + 14, patched.value().getDouble(0, 0, 6, 2, 3), 0);
    assertArrayEquals(values, model.frames(patched).value().toFloatArray());
  }

  @Test
  void predictsFutureFramesInTheUnitInterval() {
    for (String cell : VideoSpec.CELLS) {
      EncoderForecaster model = new VideoSpec(cell, 4, List.of(4, 4), 3, 16, 3, 2).build(new SplittableRandom(2));
      NDArray prediction = model.forward(Tensor.constant(squares(2, 0).batch(new int[] {0, 1}).features()), Mode.EVAL).value();
      assertEquals(Shape.of(2, 2, 1, 16, 16), prediction.shape());
      assertTrue(prediction.min().item() > 0 && prediction.max().item() < 1, cell + ": not a sigmoid's output");
    }
    var wrong = assertThrows(IllegalArgumentException.class, () -> TINY.build(new SplittableRandom(3))
        .forward(Tensor.constant(NDArray.zeros(Shape.of(1, 3, 1, 8, 8))), Mode.EVAL));
    assertEquals("EncoderForecaster: expected frames [batch, 3, 1, 16, 16], got [1, 3, 1, 8, 8]", wrong.getMessage());
  }

  @Test
  void trainingWithTheCommonTrainerLearnsTheMotion() {
    FramePrediction objective = new FramePrediction(TINY.build(new SplittableRandom(4)), 1e-2);
    MovingImages train = squares(64, 5), test = squares(16, 6);
    Trainer trainer = Trainer.builder(objective).batchSize(8).seed(7).quiet().build();
    History history = trainer.fit(train, null, 6);
    var after = trainer.evaluate(test);
    // Below both an all-black prediction (it draws the squares) and copying the last frame (it moves them).
    assertTrue(after.get("mse_frame") < 0.8 * Math.min(after.get("black_mse_frame"), after.get("copy_last_mse_frame")), after.toString());
    assertEquals(6, history.epochs().size());
  }
}
