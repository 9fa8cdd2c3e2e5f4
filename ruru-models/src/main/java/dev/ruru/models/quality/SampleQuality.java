package dev.ruru.models.quality;

import dev.ruru.array.NDArray;
import java.util.Locale;

/**
 * The classifier-Fréchet distance of a set of images to real test images, and their classifier score.
 * Lower distance and higher score are better; real training images measured the same way against the
 * test images ({@link #floor}) give the best a generator can expect with that many samples, since
 * the distance of a finite sample is biased upwards.
 *
 * <pre>{@code
 * FeatureStatistics real = FeatureStatistics.of(classifier.outputs(testImages).features());
 * SampleQuality quality = SampleQuality.of(classifier, generatedImages, real);
 * }</pre>
 *
 * @param frechetDistance the squared Fréchet distance between the feature Gaussians (as FID)
 * @param classifierScore the inception-score analogue, in [1, classes]
 * @param samples how many images were measured
 */
public record SampleQuality(double frechetDistance, double classifierScore, int samples) {

  /** The quality of {@code images} (shaped and scaled as the classifier's training images) against {@code real}. */
  public static SampleQuality of(FeatureClassifier classifier, NDArray images, FeatureStatistics real) {
    FeatureClassifier.Outputs outputs = classifier.outputs(images);
    return new SampleQuality(FrechetDistance.between(FeatureStatistics.of(outputs.features()), real),
        ClassifierScore.of(outputs.logits()), images.dim(0));
  }

  /** The quality of the first {@code samples} real training images against the real test images: the floor. */
  public static SampleQuality floor(FeatureClassifier classifier, NDArray trainImages, NDArray testImages, int samples) {
    FeatureStatistics real = FeatureStatistics.of(classifier.outputs(testImages).features());
    return of(classifier, trainImages.slice(0, 0, Math.min(samples, trainImages.dim(0)), 1), real);
  }

  /** {@code "classifier-Fréchet 3.21, classifier score 7.84 (1000 samples)"}. */
  public String describe() {
    return String.format(Locale.ROOT, "classifier-Fréchet %.3f, classifier score %.3f (%d samples)", frechetDistance, classifierScore, samples);
  }
}
