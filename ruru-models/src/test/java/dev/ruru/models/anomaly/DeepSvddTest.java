package dev.ruru.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.csv.CsvData;
import dev.ruru.data.csv.CsvFormat;
import dev.ruru.data.csv.CsvReader;
import dev.ruru.data.csv.LabelColumn;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deep SVDD's centre, loss, gradient and scores against Ruff et al.'s PyTorch formulation (make_svdd_fixtures.py). */
class DeepSvddTest {
  private static void assertClose(String what, NDArray expected, NDArray actual, double relative) {
    assertEquals(expected.shape(), actual.shape(), what + ": shape");
    double scale = expected.abs().max().item();
    double worst = expected.astype(actual.dtype()).sub(actual).abs().max().item();
    assertTrue(worst <= relative * scale + 1e-7, what + ": largest difference " + worst + " for values up to " + scale);
  }

  @Test
  void centreLossGradientAndScoresMatchPyTorch() throws Exception {
    Map<String, NDArray> f = Npz.read(Path.of(DeepSvddTest.class.getResource("/anomaly/svdd.npz").toURI()));
    Layer network = DeepSvdd.network(new SplittableRandom(1));
    Map<String, NDArray> state = new LinkedHashMap<>();
    f.forEach((key, value) -> {
      if (key.startsWith("net.")) {
        state.put(key.substring(4), value);
      }
    });
    network.loadStateDict(state);
    NDArray images = f.get("images");

    NDArray centre = DeepSvdd.centre(network, images);
    assertClose("centre", f.get("centre"), centre, 1e-5);
    DeepSvddObjective objective = new DeepSvddObjective(network, centre, 1e-4);
    Tensor loss = objective.loss(images, Mode.TRAIN);
    assertEquals(f.get("loss").item(), loss.item(), 1e-5 * f.get("loss").item(), "loss");
    Map<String, Parameter> first = Map.of("w", network.parameters().get("1.weight"));
    NDArray gradient = Params.gradients(first, loss.backward(Params.tensors(first))).get(first.get("w"));
    assertClose("gradient by the first convolution's weight", f.get("grad"), gradient, 1e-4);
    assertClose("evaluation-mode scores", f.get("scores"), objective.detector().scores(images), 1e-4);
  }

  @Test
  void onlyWeightsAreTrainedNotBatchNormScaleAndShift() {
    Layer network = DeepSvdd.network(new SplittableRandom(1));
    assertEquals(java.util.List.of("1.weight", "5.weight", "10.weight"), java.util.List.copyOf(DeepSvdd.trainableParameters(network).keySet()));
    assertTrue(network.parameters().keySet().stream().noneMatch(name -> name.endsWith("bias") && !name.startsWith("2.") && !name.startsWith("6.")),
        "no bias terms except batch normalisation's fixed shift");
  }

  @Test
  void centreCoordinatesNearZeroMoveToEpsilon() {
    // A network that outputs zeros: every coordinate of c becomes +ε.
    Layer zeros = (input, mode) -> Tensor.constant(NDArray.zeros(dev.ruru.array.Shape.of(input.shape().dim(0), DeepSvdd.CODE)));
    NDArray centre = DeepSvdd.centre(zeros, NDArray.zeros(dev.ruru.array.Shape.of(3, 28, 28)));
    assertEquals(NDArray.full(dev.ruru.array.Shape.of(DeepSvdd.CODE), DeepSvdd.EPSILON, dev.ruru.array.DType.FLOAT32), centre);
  }
  /**
   * On a real table (scikit-learn's Wisconsin breast-cancer rows, benign normal, make_breast_cancer_csv.py)
   * the bias-free perceptron learns: 60 epochs give a test AUROC above 0.95 and above the nearly
   * untrained network's (one epoch), and the saved detector scores rows again.
   */
  @Test
  void onATableTheBiasFreePerceptronLearnsToFlagMalignantRows(@TempDir Path directory) throws Exception {
    CsvData table = CsvReader.read(Path.of(DeepSvddTest.class.getResource("/anomaly/breast_cancer.csv").toURI()),
        CsvFormat.withHeader(LabelColumn.named("diagnosis")));
    double[] auroc = new double[2];
    int[] epochs = {1, 60};
    for (int i = 0; i < epochs.length; i++) {
      AnomalyRun.Settings settings = new AnomalyRun.Settings(AnomalyModelFiles.DEEP_SVDD, 1, 4, epochs[i], 1e-3, 32, 0.05, 0);
      auroc[i] = new AnomalyRun(directory.resolve("e" + epochs[i]), new PrintWriter(new StringWriter()))
          .train(table, "breast_cancer.csv", settings, 0.3).auroc();
    }
    System.out.println("table deep-svdd AUROC after 1 and 60 epochs: " + auroc[0] + ", " + auroc[1]);
    assertTrue(auroc[1] > 0.95 && auroc[1] > auroc[0] + 0.01, "AUROC after 1 and 60 epochs: " + auroc[0] + ", " + auroc[1]);
    DeepSvdd saved = assertInstanceOf(DeepSvdd.class, ((TabularDetector) AnomalyModelFiles.load(directory.resolve("e60")).detector()).detector());
    assertEquals(List.of("0.weight", "2.weight", "4.weight"), List.copyOf(saved.network().parameters().keySet()), "weights only, no biases");
    assertEquals(4, saved.centre().dim(0));
    ShapeMismatchException wrong = assertThrows(ShapeMismatchException.class, () -> saved.scores(NDArray.zeros(Shape.of(2, 29))));
    assertEquals("DeepSvdd: expected inputs [n, 30], got [2, 29]; give the table's 30 feature columns", wrong.getMessage());
  }
}
