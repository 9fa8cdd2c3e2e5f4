/**
 * The pictures a training run writes, as PNG files (each written atomically): learning curves of loss and
 * accuracy per epoch ({@link dev.ruru.train.plot.LearningCurves}), the confusion matrix as a heat map
 * ({@link dev.ruru.train.plot.ConfusionHeatMap}), and a grid of misclassified test images with their
 * predicted and true labels ({@link dev.ruru.train.plot.MisclassifiedGrid}), and a convolution's filters and
 * feature maps ({@link dev.ruru.train.plot.ConvolutionPictures}). Charts are drawn with XChart; the image
 * grids with Java 2D.
 */
package dev.ruru.train.plot;
