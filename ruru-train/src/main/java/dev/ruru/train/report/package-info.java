/**
 * What a finished training run leaves in its output directory for people and programs: {@code metrics.json}
 * (the schema every Ruru training command writes, with losses, the test results, the diagnosis and the
 * per-class scores) and the three pictures — learning curves, confusion matrix, misclassified test images —
 * plus, for a convolutional network, its first convolution's filters and feature maps.
 */
package dev.ruru.train.report;
