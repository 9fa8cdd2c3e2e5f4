package dev.ruru.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.NDArray;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** MSE, MAE and R² against NumPy's (make_regression_scores.py, R² by scikit-learn's r2_score formula). */
class RegressionScoresTest {
  private static NDArray array(JsonNode values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).asDouble();
    }
    return NDArray.of(out, out.length);
  }

  @Test void scoresMatchNumpyOnANoisyFitTheMeanAndAWorseThanMeanPrediction() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("regression_scores.json")) {
      for (JsonNode example : new ObjectMapper().readTree(in)) {
        String name = example.get("name").asText();
        RegressionScores scores = RegressionScores.of(array(example.get("predicted")), array(example.get("truth")));
        assertEquals(example.get("mse").asDouble(), scores.mse(), 1e-12, name);
        assertEquals(example.get("mae").asDouble(), scores.mae(), 1e-12, name);
        assertEquals(example.get("r2").asDouble(), scores.r2(), 1e-12, name);
      }
    }
  }

  @Test void handComputedCaseAndErrors() {
    // truth 1, 2, 3 (mean 2, Σ(y-ȳ)² = 2); predictions 1, 2, 4: squared errors 0, 0, 1.
    RegressionScores scores = RegressionScores.of(NDArray.of(new float[] {1, 2, 4}, 3, 1), NDArray.of(new float[] {1, 2, 3}, 3));
    assertEquals(1.0 / 3, scores.mse(), 1e-12);
    assertEquals(1.0 / 3, scores.mae(), 1e-12);
    assertEquals(0.5, scores.r2(), 1e-12);
    assertTrue(Double.isNaN(RegressionScores.of(NDArray.of(new float[] {1, 2}, 2), NDArray.of(new float[] {5, 5}, 2)).r2()));
    assertThrows(IllegalArgumentException.class, () -> RegressionScores.of(NDArray.of(new float[] {1}, 1), NDArray.of(new float[] {1, 2}, 2)));
  }
}
