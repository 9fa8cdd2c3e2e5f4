/**
 * How well a classifier does, and what its learning curves say: accuracy and top-k accuracy
 * ({@link dev.ruru.train.metrics.Classification}), the confusion matrix with per-class precision, recall and
 * F1 ({@link dev.ruru.train.metrics.ConfusionMatrix}), the numbers of each epoch
 * ({@link dev.ruru.train.metrics.EpochMetrics}), and the course's diagnosis of over- and underfitting from
 * them ({@link dev.ruru.train.metrics.Diagnosis}), by stated rules with stated thresholds.
 */
package dev.ruru.train.metrics;
