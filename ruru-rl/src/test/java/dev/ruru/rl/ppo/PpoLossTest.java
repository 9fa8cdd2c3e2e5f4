package dev.ruru.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against ppo_loss.json, made by ppo_loss_fixture.py with PyTorch 1.13 in float64 (CleanRL's formulas). */
class PpoLossTest {
  @Test void lossAndGradientMatchPyTorch() throws IOException {
    JsonNode fixture;
    try (InputStream in = PpoLossTest.class.getResourceAsStream("ppo_loss.json")) {
      fixture = new ObjectMapper().readTree(in);
    }
    int index = 0;
    for (JsonNode c : fixture.get("cases")) {
      Tensor logits = Tensor.variable(matrix(c.get("logits")));
      Tensor values = Tensor.variable(vector(c.get("values")));
      PpoLoss.Targets targets = new PpoLoss.Targets(longs(c.get("actions")), vector(c.get("old_log_probabilities")),
          vector(c.get("advantages")), vector(c.get("returns")), vector(c.get("old_values")));
      PpoLoss.Terms terms = PpoLoss.compute(logits, values, targets, fixture.get("clip").asDouble(), fixture.get("value_clip").asDouble(),
          fixture.get("entropy_coefficient").asDouble(), fixture.get("value_coefficient").asDouble());
      String where = "case " + index++;
      assertEquals(c.get("loss").asDouble(), terms.loss().item(), 1e-12, where + " loss");
      assertEquals(c.get("policy_loss").asDouble(), terms.policyLoss().item(), 1e-12, where + " policy loss");
      assertEquals(c.get("value_loss").asDouble(), terms.valueLoss().item(), 1e-12, where + " value loss");
      assertEquals(c.get("entropy").asDouble(), terms.entropy().item(), 1e-12, where + " entropy");
      assertEquals(c.get("approximate_kl").asDouble(), terms.approximateKl(), 1e-12, where + " approximate KL");
      assertEquals(c.get("clip_fraction").asDouble(), terms.clipFraction(), 1e-12, where + " clip fraction");
      assertTrue(terms.clipFraction() > 0, "the fixture must exercise the clipped branch");
      Gradients gradients = terms.loss().backward(List.of(logits, values));
      assertClose(matrix(c.get("grad_logits")), gradients.get(logits), where + " d loss / d logits");
      assertClose(vector(c.get("grad_values")), gradients.get(values), where + " d loss / d values");
    }
  }

  @Test void normalisedAdvantagesHaveMeanZeroAndUnitSampleStd() {
    NDArray normalised = PpoLoss.normalised(NDArray.of(new double[] {1, 2, 3, 4}, 4));
    double[] x = normalised.toDoubleArray();
    double std = Math.sqrt((1.5 * 1.5 * 2 + 0.5 * 0.5 * 2) / 3);
    assertEquals(-1.5 / (std + 1e-8), x[0], 1e-12);
    assertEquals(0.5 / (std + 1e-8), x[2], 1e-12);
  }

  private static void assertClose(NDArray expected, NDArray actual, String what) {
    double[] e = expected.toDoubleArray();
    double[] a = actual.toDoubleArray();
    assertEquals(e.length, a.length, what);
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], a[i], 1e-12, what + " at " + i);
    }
  }

  static NDArray matrix(JsonNode rows) {
    int columns = rows.get(0).size();
    double[] data = new double[rows.size() * columns];
    for (int i = 0; i < rows.size(); i++) {
      for (int k = 0; k < columns; k++) {
        data[i * columns + k] = rows.get(i).get(k).asDouble();
      }
    }
    return NDArray.of(data, rows.size(), columns);
  }

  static NDArray vector(JsonNode values) {
    double[] data = new double[values.size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = values.get(i).asDouble();
    }
    return NDArray.of(data, data.length);
  }

  static NDArray longs(JsonNode values) {
    long[] data = new long[values.size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = values.get(i).asLong();
    }
    return NDArray.of(data, data.length);
  }
}
