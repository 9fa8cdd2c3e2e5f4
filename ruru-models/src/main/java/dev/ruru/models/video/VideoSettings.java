package dev.ruru.models.video;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.model.ModelJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What a video run trains: the network, the image set the clips are made from ({@code fashion-mnist} or
 * {@code mnist}), training clips per epoch and test clips (new ones each epoch cost nothing to store, but
 * the same ones make epochs comparable, so a clip is a function of its index), batch size, Adam's rate,
 * epochs, and the seed of the weights, the shuffles and the clips (the test clips use seed + 1).
 */
public record VideoSettings(VideoSpec spec, String dataset, int clips, int testClips, int batchSize, double learningRate, int epochs,
    long seed) {
  /** The checkpoint's key for these settings, so that {@code --resume} rebuilds the same run. */
  public static final String KEY = "ruru.video.settings";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> KEYS = List.of("model", "dataset", "clips", "test_clips", "batch_size", "lr", "epochs", "seed");

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

  /** These settings as one line of JSON, the checkpoint's {@link #KEY}. */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.set("model", spec.toJson(JSON));
    node.put("dataset", dataset);
    node.put("clips", clips);
    node.put("test_clips", testClips);
    node.put("batch_size", batchSize);
    node.put("lr", learningRate);
    node.put("epochs", epochs);
    node.put("seed", seed);
    return node.toString();
  }

  /** Whether {@code checkpoint} is a video run's. */
  public static boolean isVideoRun(Checkpoint checkpoint) {
    return checkpoint.extra().containsKey(KEY);
  }

  /** The settings stored in {@code checkpoint}, read from {@code file}; says so when it is not a video run's. */
  public static VideoSettings of(Checkpoint checkpoint, Path file) {
    String json = checkpoint.extra().get(KEY);
    if (json == null) {
      throw new IllegalArgumentException("--resume: " + file + " is not a video run's checkpoint (no " + KEY + ")");
    }
    ModelJson node = ModelJson.parse(json.getBytes(StandardCharsets.UTF_8), file + " (" + KEY + ")");
    node.checkKeys(KEYS, List.of());
    return new VideoSettings(VideoSpec.fromJson(node.object("model")), node.text("dataset"), node.integer("clips"), node.integer("test_clips"),
        node.integer("batch_size"), node.number("lr"), node.integer("epochs"), (long) node.number("seed"));
  }
}
