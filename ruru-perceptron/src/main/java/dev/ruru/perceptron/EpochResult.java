package dev.ruru.perceptron;

/**
 * What one training epoch of a {@link MulticlassPerceptron} achieved.
 *
 * @param epoch the epoch's number, from 1
 * @param trainAccuracy accuracy on the whole training set with the weights at the epoch's end
 * @param validationAccuracy the same on the validation set; NaN when there is none
 * @param seconds wall time of the epoch's training pass alone (evaluation excluded)
 * @param mistakes examples the training pass predicted wrongly, each of which moved the weights
 */
public record EpochResult(int epoch, double trainAccuracy, double validationAccuracy, double seconds, int mistakes) {}
