package dev.ruru.models.wavenet;

import java.util.random.RandomGenerator;

/** Drawing one code per row of logits: softmax(logits / T) by its cumulative sums, or the maximum when T = 0. */
final class Sampling {
  private Sampling() {}

  /** One code per row of {@code values} [rows·classes]; one uniform number drawn per row (none at T = 0). */
  static int[] draw(double[] values, int rows, int classes, double temperature, RandomGenerator rng) {
    int[] codes = new int[rows];
    for (int b = 0; b < rows; b++) {
      int offset = b * classes;
      int best = 0;
      for (int c = 1; c < classes; c++) {
        best = values[offset + c] > values[offset + best] ? c : best;
      }
      codes[b] = temperature == 0 ? best : draw(values, offset, classes, values[offset + best], temperature, rng);
    }
    return codes;
  }

  /** Inverse-CDF sampling of exp((x − max)/T), the maximum subtracted so that exp cannot overflow. */
  private static int draw(double[] values, int offset, int classes, double max, double temperature, RandomGenerator rng) {
    double total = 0;
    double[] weights = new double[classes];
    for (int c = 0; c < classes; c++) {
      weights[c] = Math.exp((values[offset + c] - max) / temperature);
      total += weights[c];
    }
    double u = rng.nextDouble() * total;
    for (int c = 0; c < classes; c++) {
      u -= weights[c];
      if (u < 0) {
        return c;
      }
    }
    return classes - 1;
  }
}
