/**
 * Image classifiers, the course's multi-layer perceptron and convolutional network: a
 * {@link dev.ruru.models.classify.ModelSpec} says what network to build (an MLP or a CNN; layer sizes,
 * activation, dtype, class names), trains with the {@link dev.ruru.train.objective.Supervised} objective, and is
 * saved as {@code model.json} beside its weights by {@link dev.ruru.models.classify.ModelFiles}, which reads it
 * back into a working {@link dev.ruru.models.classify.SavedModel}; {@link dev.ruru.models.classify.RunReport}
 * and {@link dev.ruru.models.classify.ConvolutionReport} write what a run measured and what its filters see.
 */
package dev.ruru.models.classify;
