/**
 * Anomaly detection by the one-class protocol: learn from normal examples only (the training images of
 * one class), score every test image, and see how well the scores rank the other classes above the
 * normal one. A detector is anything that scores inputs ({@link dev.ruru.models.anomaly.AnomalyDetector});
 * here the reconstruction error of a PCA ({@link dev.ruru.models.anomaly.PcaDetector}, the baseline) and
 * Deep SVDD ({@link dev.ruru.models.anomaly.DeepSvdd}, Ruff et al. 2018: the distance to a centre in a
 * learned code, trained by {@link dev.ruru.models.anomaly.DeepSvddObjective} through the one Trainer); an
 * autoencoder's reconstruction error or a VAE's negative ELBO plug in the same way.
 * {@link dev.ruru.models.anomaly.OneClassEvaluation} gives AUROC and AUPRC, a
 * {@link dev.ruru.models.anomaly.Threshold} chosen on held-out normal data for a target false-positive
 * rate, and the pictures; {@link dev.ruru.models.anomaly.AnomalyRun} is {@code ruru anomaly}.
 */
package dev.ruru.models.anomaly;
