package dev.ruru.models.anomaly;

import dev.ruru.array.NDArray;

/**
 * Scores inputs by how anomalous they are: higher is more anomalous. Implementations learn what normal
 * looks like from normal examples only; the scores' scale is theirs (a squared distance, a
 * reconstruction error, a negative log-likelihood), so a {@link Threshold} is chosen on their own
 * scores of held-out normal data.
 *
 * <pre>{@code
 * AnomalyDetector detector = PcaDetector.fit(normalImages, 32);
 * NDArray scores = detector.scores(testImages);   // [n], float64
 * }</pre>
 */
public interface AnomalyDetector {
  /** One score per input of {@code inputs} [n, ...] (shaped as the detector was fitted on), float64 [n]; inputs are not modified. */
  NDArray scores(NDArray inputs);

  /** What the detector is, in a few words: {@code "PCA reconstruction, 32 components"}. */
  String describe();
}
