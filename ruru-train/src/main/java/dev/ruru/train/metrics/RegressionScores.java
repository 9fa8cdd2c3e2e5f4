package dev.ruru.train.metrics;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * How well predictions of numbers match the truth: the mean squared error
 * {@code MSE = mean((ŷ − y)²)}, the mean absolute error {@code MAE = mean(|ŷ − y|)}, and the coefficient
 * of determination {@code R² = 1 − Σ(ŷ − y)² / Σ(y − ȳ)²}: 1 for perfect predictions, 0 for predicting
 * the mean, below 0 for worse (scikit-learn's {@code r2_score}; a constant truth gives NaN).
 *
 * @param mse mean squared error, in the target's units squared
 * @param mae mean absolute error, in the target's units
 * @param r2 the share of the truth's variance the predictions explain
 */
public record RegressionScores(double mse, double mae, double r2) {
  /** The scores of {@code predicted} against {@code truth}, of the same size (any shape); computed in float64. */
  public static RegressionScores of(NDArray predicted, NDArray truth) {
    if (predicted.size() != truth.size() || truth.size() == 0) {
      throw new IllegalArgumentException("RegressionScores: predictions " + predicted.shape() + " and truth " + truth.shape()
          + " must have the same, non-zero size");
    }
    double[] p = predicted.astype(DType.FLOAT64).reshape(predicted.size()).toDoubleArray();
    double[] y = truth.astype(DType.FLOAT64).reshape(truth.size()).toDoubleArray();
    double mean = 0;
    for (double value : y) {
      mean += value / y.length;
    }
    double squares = 0;
    double absolute = 0;
    double variance = 0;
    for (int i = 0; i < y.length; i++) {
      double error = p[i] - y[i];
      squares += error * error;
      absolute += Math.abs(error);
      variance += (y[i] - mean) * (y[i] - mean);
    }
    return new RegressionScores(squares / y.length, absolute / y.length, variance > 0 ? 1 - squares / variance : Double.NaN);
  }
}
