package dev.ruru.models.video;

/**
 * What a video run trains: the network, the image set the clips are made from ({@code fashion-mnist} or
 * {@code mnist}), training clips per epoch and test clips (new ones each epoch cost nothing to store, but
 * the same ones make epochs comparable, so a clip is a function of its index), batch size, Adam's rate,
 * epochs, and the seed of the weights, the shuffles and the clips (the test clips use seed + 1).
 */
public record VideoSettings(VideoSpec spec, String dataset, int clips, int testClips, int batchSize, double learningRate, int epochs,
    long seed) {
  public VideoSettings {
    if (clips < 1 || testClips < 1 || batchSize < 1 || epochs < 1) {
      throw new IllegalArgumentException("video run: --clips, test clips, --batch-size and --epochs must be positive, got " + clips + ", "
          + testClips + ", " + batchSize + " and " + epochs);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("video run: --lr must be positive, got " + learningRate);
    }
  }

  /** {@code cell}'s {@link VideoSpec#defaults} on Moving Fashion-MNIST: 2,000 training and 200 test clips, batch 16, Adam 1e-3, 5 epochs. */
  public static VideoSettings defaults(String cell) {
    return new VideoSettings(VideoSpec.defaults(cell), "fashion-mnist", 2000, 200, 16, 1e-3, 5, 0);
  }

  /** The seed of the test clips: not the training clips' seed, and made from the image set's test images. */
  public long testSeed() {
    return seed + 1;
  }
}
