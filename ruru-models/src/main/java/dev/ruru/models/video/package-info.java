/**
 * Video prediction: an encoder-forecaster of convolutional recurrent layers (Shi et al., 2015) that
 * watches the first frames of a clip and predicts the next ones, trained on Moving Fashion-MNIST
 * ({@link dev.ruru.data.video.MovingImages}) by {@link dev.ruru.models.video.FramePrediction}, an objective
 * of the one trainer. Quality is the per-frame squared error summed over the pixels and SSIM, each beside
 * the copy-the-last-frame baseline; {@code ruru generate} shows input, truth and prediction as a GIF.
 */
package dev.ruru.models.video;
