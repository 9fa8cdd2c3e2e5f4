package dev.ruru.models.anomaly;

import dev.ruru.array.NDArray;
import dev.ruru.data.Standardizer;

/**
 * A detector of table rows: each numeric column is standardised with the normal training rows' mean
 * and standard deviation (so a column in metres weighs no more than one in millimetres), and the
 * standardised rows go to {@code detector}.
 *
 * <pre>{@code
 * Standardizer columns = Standardizer.fit(normalRows);                     // [n, features]
 * AnomalyDetector detector = new TabularDetector(columns, PcaDetector.fit(columns.apply(normalRows), 4));
 * }</pre>
 *
 * @param standardizer the normal training rows' column statistics, [features] each
 * @param detector the detector fitted on the standardised rows
 */
public record TabularDetector(Standardizer standardizer, AnomalyDetector detector) implements AnomalyDetector {
  @Override
  public NDArray scores(NDArray inputs) {
    return detector.scores(standardizer.apply(inputs));
  }

  /** The number of columns the detector takes. */
  public int features() {
    return standardizer.mean().dim(0);
  }

  @Override
  public String describe() {
    return detector.describe() + " of " + features() + " standardised columns";
  }
}
