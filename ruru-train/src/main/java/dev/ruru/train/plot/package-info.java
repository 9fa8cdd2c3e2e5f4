/**
 * The pictures a training run writes, as PNG files (each written atomically): learning curves of loss and
 * accuracy per epoch ({@link dev.ruru.train.plot.LearningCurves}), the confusion matrix as a heat map
 * ({@link dev.ruru.train.plot.ConfusionHeatMap}), and a grid of misclassified test images with their
 * predicted and true labels ({@link dev.ruru.train.plot.MisclassifiedGrid}). Charts are drawn with XChart;
 * the image grid with Java 2D.
 */
package dev.ruru.train.plot;
