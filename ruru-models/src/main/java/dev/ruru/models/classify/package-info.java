/**
 * Image classifiers, the course's multi-layer perceptron and convolutional network: a
 * {@link dev.ruru.models.classify.ModelSpec} says what network to build (an MLP or a CNN; layer sizes,
 * activation, dtype, class names), trains with the {@link dev.ruru.train.objective.Supervised} objective, and is
 * saved as {@code model.json} beside its weights by {@link dev.ruru.models.classify.ModelFiles}, which reads it
 * back into a working {@link dev.ruru.models.classify.SavedModel}; {@link dev.ruru.models.classify.RunReport}
 * and {@link dev.ruru.models.classify.ConvolutionReport} write what a run measured and what its filters see.
 * {@link dev.ruru.models.classify.ClassifierRun} is a whole run ({@code ruru train --model mlp|cnn}) from its
 * {@link dev.ruru.models.classify.ClassifierSettings}, checkpointed with the
 * {@link dev.ruru.models.classify.DataIdentity} of its images so that a resume trains on the same data.
 */
package dev.ruru.models.classify;
