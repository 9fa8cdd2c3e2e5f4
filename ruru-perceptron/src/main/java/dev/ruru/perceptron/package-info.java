/**
 * The perceptron, the course's first model, trained with the classic learning rule and nothing but
 * arrays: no loss, no gradients, no autodiff. {@link dev.ruru.perceptron.BinaryPerceptron} predicts
 * 1 when {@code b + w·x > 0} and moves its weights by {@code λ(a − f(x))x} after each mistake, stopping
 * when an epoch changes nothing. {@link dev.ruru.perceptron.MulticlassPerceptron} keeps one weight vector
 * per class, predicts the argmax and, after a mistake, moves only the true class towards the example and
 * the predicted class away from it; its batched update averages {@code x·(onehot(label) −
 * onehot(prediction))} over the batch exactly as the course's NumPy code does.
 * {@link dev.ruru.perceptron.PerceptronTraining} runs epochs over a data loader and reports accuracy,
 * {@link dev.ruru.perceptron.WeightImages} draws what each class's weights "see", and
 * {@link dev.ruru.perceptron.PerceptronBenchmark} is workload W1 of {@code shared/anchors}.
 */
package dev.ruru.perceptron;
