package dev.ruru.models.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.mnist.MnistData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which images a classifier run trains on, stored in its checkpoint so that {@code --resume} refuses other
 * data: the dataset's name, where it was found, how many images of which size, and a SHA-256 of both sets'
 * shapes, every label, and the pixels of up to {@value #HASHED_IMAGES} images spread evenly over each set
 * (all of them in a small set). The same files found elsewhere (moved, copied) are the same data; the full
 * dataset where a small extract was used, or another extract, is not, though the name is the same. It is
 * an identity, not a guard against tampering (the loaders check the files): hashing every pixel of MNIST's
 * 70,000 images took 0.2 to 0.6 s, as long as an epoch of a small MLP; the spread sample takes milliseconds.
 *
 * @param name the dataset's id, with {@code -sample} for the embedded sample: {@code fashion-mnist-sample}
 * @param source where it was found, in words (not compared: a moved directory holds the same data)
 * @param trainImages the training images (before the validation split)
 * @param testImages the test images
 * @param imageShape one image's {@code [rows, columns]}, the same in both sets
 * @param sha256 the hex SHA-256 of the training then the test set: shape, labels (int32) and the sampled images' pixels
 *     (float32), little-endian
 */
public record DataIdentity(String name, String source, int trainImages, int testImages, List<Integer> imageShape, String sha256) {
  /** The checkpoint metadata key the identity is stored under. */
  public static final String KEY = "ruru.train.data";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** At most this many images of each set have their pixels hashed: every ⌈n / 1024⌉-th. */
  static final int HASHED_IMAGES = 1024;

  public DataIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    imageShape = List.copyOf(imageShape);
    Objects.requireNonNull(sha256, "sha256");
  }

  /** The identity of {@code data}, whose training and test images must have one shape ({@link #checkImageShapes}). */
  public static DataIdentity of(MnistData data) {
    List<Integer> shape = checkImageShapes(data);
    String name = data.variant().id() + (data.isEmbeddedSample() ? "-sample" : "");
    return new DataIdentity(name, data.source(), data.train().size(), data.test().size(), shape, digest(data));
  }

  /**
   * One image's shape, the same for the training and the test set; refused, naming both, when they differ:
   * a model trained on the one cannot be tested on the other, so that must be found before training.
   */
  public static List<Integer> checkImageShapes(MnistData data) {
    List<Integer> train = imageShape(data.train().features());
    List<Integer> test = imageShape(data.test().features());
    if (!train.equals(test)) {
      throw new IllegalArgumentException(data.source() + ": the training images are " + train + " but the test images are " + test
          + "; a model trained on the one cannot be tested on the other: the four IDX files must come from one dataset");
    }
    return train;
  }

  private static List<Integer> imageShape(NDArray images) {
    List<Integer> shape = new ArrayList<>();
    for (int axis = 1; axis < images.rank(); axis++) {
      shape.add(images.dim(axis));
    }
    return shape;
  }

  /** Whether {@code other} is the same data: name, sizes and hash (not where it was found). */
  public boolean sameData(DataIdentity other) {
    return name.equals(other.name) && trainImages == other.trainImages && testImages == other.testImages
        && imageShape.equals(other.imageShape) && sha256.equals(other.sha256);
  }

  /** {@code "fashion-mnist from DIR (999 training and 100 test images of 28x28, SHA-256 0123456789ab...)"}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s (%,d training and %,d test images of %s, SHA-256 %s...)", source, trainImages, testImages,
        String.join("x", imageShape.stream().map(String::valueOf).toList()), sha256.substring(0, Math.min(12, sha256.length())));
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", name);
    root.put("source", source);
    root.put("train_images", trainImages);
    root.put("test_images", testImages);
    imageShape.forEach(root.putArray("image_shape")::add);
    root.put("sha256", sha256);
    return root.toString();
  }

  /** The identity {@link #toJson} wrote; {@code file} names the checkpoint in messages. */
  public static DataIdentity fromJson(String json, String file) {
    try {
      JsonNode root = JSON.readTree(json);
      List<Integer> shape = new ArrayList<>();
      root.path("image_shape").forEach(dim -> shape.add(dim.asInt()));
      return new DataIdentity(root.path("name").asText(), root.path("source").asText(), root.path("train_images").asInt(),
          root.path("test_images").asInt(), shape, root.path("sha256").asText());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": malformed " + KEY + " metadata: " + e.getOriginalMessage(), e);
    }
  }

  private static String digest(MnistData data) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, data.train());
      update(sha, data.test());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static void update(MessageDigest sha, ArrayDataset set) {
    NDArray images = set.features();
    int[] labels = set.labels().toIntArray();
    int[] dims = images.shape().dims();
    ByteBuffer head = ByteBuffer.allocate(4 * (dims.length + labels.length)).order(ByteOrder.LITTLE_ENDIAN);
    head.asIntBuffer().put(dims).put(labels);
    sha.update(head.array());
    int stride = Math.max(1, (images.dim(0) + HASHED_IMAGES - 1) / HASHED_IMAGES);
    ByteBuffer bytes = ByteBuffer.allocate(4 * (int) (images.size() / Math.max(1, images.dim(0)))).order(ByteOrder.LITTLE_ENDIAN);
    for (int image = 0; image < images.dim(0); image += stride) {
      // One image at a time is a contiguous slice: copied as it is, not gathered through strides.
      bytes.clear();
      bytes.asFloatBuffer().put(images.slice(0, image, image + 1, 1).toFloatArray());
      sha.update(bytes.array());
    }
  }
}
