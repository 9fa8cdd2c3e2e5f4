package dev.ruru.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Params;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CNN family of ModelSpec: W3's sizes, PyTorch's names, a naive forward pass, model.json round trips and refusals. */
class CnnSpecTest {
  /** Small enough for a naive forward pass: 6×6 images, convolutions 2 and 3 wide (6 → 3 → 1 after pooling), dense 3 → 5 → 3. */
  private static final ModelSpec SMALL = ModelSpec.cnn(List.of(6, 6), List.of(2, 3), List.of(5), List.of("a", "b", "c"));

  @TempDir Path dir;

  @Test void defaultW3HasTheParameterCountOfItsLayers() {
    ModelSpec w3 = ModelSpec.cnn(List.of(28, 28), List.of(16, 32), List.of(128), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    Layer model = w3.build(new ResumableRandom(0));
    // conv 1→16 (3×3 + bias), conv 16→32, dense 32·7·7 → 128 → 10.
    long expected = (16 * 9 + 16) + (32 * 16 * 9 + 32) + (32 * 7 * 7 * 128 + 128) + (128 * 10 + 10);
    assertEquals(expected, Params.count(model.parameters()));
    assertEquals(1568, w3.denseFeatures());
    assertEquals("cnn 28x28 conv 16,32 1568-128-10 relu float32", w3.describe());
  }

  @Test void parametersAreNamedAsTorchSequentialNamesThem() {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    SMALL.build(new ResumableRandom(1)).stateDict().forEach((name, value) -> shapes.put(name, value.shape()));
    // nn.Sequential(Unflatten, Conv2d, ReLU, MaxPool2d, Conv2d, ReLU, MaxPool2d, Flatten, Linear, ReLU, Linear).
    assertEquals(Map.of("1.weight", Shape.of(2, 1, 3, 3), "1.bias", Shape.of(2), "4.weight", Shape.of(3, 2, 3, 3), "4.bias", Shape.of(3),
        "8.weight", Shape.of(5, 3), "8.bias", Shape.of(5), "10.weight", Shape.of(3, 5), "10.bias", Shape.of(3)), shapes);
  }

  @Test void forwardMatchesNaiveConvolutionPoolingAndDenseLoops() {
    Layer model = SMALL.build(new ResumableRandom(2));
    NDArray images = NDArray.rand(Shape.of(2, 6, 6), new SplittableRandom(3));
    NDArray scores = Trainer.predict(model, images, 2);
    Map<String, NDArray> state = model.stateDict();
    for (int n = 0; n < 2; n++) {
      double[][][] x = {rows(images, n)};
      x = maxPool(relu(conv(x, state.get("1.weight"), state.get("1.bias"))));
      x = maxPool(relu(conv(x, state.get("4.weight"), state.get("4.bias"))));
      double[] flat = flatten(x);
      double[] hidden = relu(dense(flat, state.get("8.weight"), state.get("8.bias")));
      double[] expected = dense(hidden, state.get("10.weight"), state.get("10.bias"));
      for (int c = 0; c < 3; c++) {
        assertEquals(expected[c], scores.getDouble(n, c), 1e-5, "image " + n + ", class " + c);
      }
    }
  }

  @Test void savedCnnReloadsAndGivesIdenticalPredictions() throws IOException {
    Layer model = SMALL.build(new ResumableRandom(4));
    ModelFiles.save(dir, SMALL, model);
    SavedModel saved = ModelFiles.load(dir);
    assertEquals(SMALL, saved.spec());
    NDArray images = NDArray.rand(Shape.of(5, 6, 6), new SplittableRandom(5));
    NDArray expected = Trainer.predict(model, images, 5);
    assertTrue(expected.equals(Trainer.predict(saved.module(), images, 5)), "identical outputs");
    assertTrue(expected.equals(saved.scores(images)), "scores of a batch [n, rows, columns]");
    assertTrue(expected.slice(0, 0, 1, 1).equals(saved.scores(images.slice(0, 0, 1, 1).reshape(6, 6))), "scores of one image");
  }

  @Test void float64CnnRoundTrips() throws IOException {
    ModelSpec spec = new ModelSpec(ModelSpec.CNN, List.of(4, 4), List.of(2), List.of(), 2, "tanh", 0, DType.FLOAT64, List.of(), "none");
    Layer model = spec.build(new ResumableRandom(6));
    ModelFiles.save(dir, spec, model);
    SavedModel saved = ModelFiles.load(dir);
    assertEquals(spec, saved.spec());
    NDArray images = NDArray.rand(Shape.of(3, 4, 4), new SplittableRandom(7)).astype(DType.FLOAT64);
    assertTrue(Trainer.predict(model, images, 3).equals(saved.scores(images)));
  }

  @Test void impossibleCnnsAreRefusedWithTheNumbers() {
    List<String> names = List.of("a", "b");
    assertEquals("model: unknown architecture 'rnn'; expected one of [mlp, cnn]", assertThrows(IllegalArgumentException.class,
        () -> new ModelSpec("rnn", List.of(4), List.of(), 2, "relu", 0, DType.FLOAT32, List.of(), "")).getMessage());
    assertEquals("model: 3 poolings by 2 leave nothing of images [6, 6]; use at most 2 convolution layers",
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.cnn(List.of(6, 6), List.of(2, 2, 2), List.of(), names)).getMessage());
    assertEquals("model: a cnn needs positive convolution widths, got []",
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.cnn(List.of(6, 6), List.of(), List.of(), names)).getMessage());
    assertEquals("model: a cnn takes greyscale images [rows, columns], got input shape [36]",
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.cnn(List.of(36), List.of(2), List.of(), names)).getMessage());
    assertEquals("model: an mlp has no convolution channels, got [2]", assertThrows(IllegalArgumentException.class,
        () -> new ModelSpec(ModelSpec.MLP, List.of(4), List.of(2), List.of(), 2, "relu", 0, DType.FLOAT32, List.of(), "")).getMessage());
  }

  private static double[][] rows(NDArray images, int n) {
    double[][] image = new double[images.dim(1)][images.dim(2)];
    for (int r = 0; r < image.length; r++) {
      for (int c = 0; c < image[0].length; c++) {
        image[r][c] = images.getDouble(n, r, c);
      }
    }
    return image;
  }

  /** 3×3 cross-correlation with zero padding 1, as torch.nn.Conv2d(in, out, 3, padding=1) computes it. */
  private static double[][][] conv(double[][][] x, NDArray weight, NDArray bias) {
    int height = x[0].length;
    int width = x[0][0].length;
    double[][][] y = new double[weight.dim(0)][height][width];
    for (int o = 0; o < y.length; o++) {
      for (int r = 0; r < height; r++) {
        for (int c = 0; c < width; c++) {
          double sum = bias.getDouble(o);
          for (int i = 0; i < x.length; i++) {
            for (int dr = -1; dr <= 1; dr++) {
              for (int dc = -1; dc <= 1; dc++) {
                boolean inside = r + dr >= 0 && r + dr < height && c + dc >= 0 && c + dc < width;
                sum += inside ? weight.getDouble(o, i, dr + 1, dc + 1) * x[i][r + dr][c + dc] : 0;
              }
            }
          }
          y[o][r][c] = sum;
        }
      }
    }
    return y;
  }

  private static double[][][] relu(double[][][] x) {
    double[][][] y = new double[x.length][x[0].length][x[0][0].length];
    for (int i = 0; i < x.length; i++) {
      for (int r = 0; r < x[0].length; r++) {
        for (int c = 0; c < x[0][0].length; c++) {
          y[i][r][c] = Math.max(0, x[i][r][c]);
        }
      }
    }
    return y;
  }

  private static double[][][] maxPool(double[][][] x) {
    double[][][] y = new double[x.length][x[0].length / 2][x[0][0].length / 2];
    for (int i = 0; i < y.length; i++) {
      for (int r = 0; r < y[0].length; r++) {
        for (int c = 0; c < y[0][0].length; c++) {
          double top = Math.max(x[i][2 * r][2 * c], x[i][2 * r][2 * c + 1]);
          y[i][r][c] = Math.max(top, Math.max(x[i][2 * r + 1][2 * c], x[i][2 * r + 1][2 * c + 1]));
        }
      }
    }
    return y;
  }

  /** Channel-major, then rows, then columns: torch.flatten of [C, H, W]. */
  private static double[] flatten(double[][][] x) {
    double[] flat = new double[x.length * x[0].length * x[0][0].length];
    int k = 0;
    for (double[][] channel : x) {
      for (double[] row : channel) {
        for (double value : row) {
          flat[k++] = value;
        }
      }
    }
    return flat;
  }

  private static double[] dense(double[] x, NDArray weight, NDArray bias) {
    double[] y = new double[weight.dim(0)];
    for (int o = 0; o < y.length; o++) {
      y[o] = bias.getDouble(o);
      for (int i = 0; i < x.length; i++) {
        y[o] += weight.getDouble(o, i) * x[i];
      }
    }
    return y;
  }

  private static double[] relu(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(0, x[i]);
    }
    return y;
  }
}
