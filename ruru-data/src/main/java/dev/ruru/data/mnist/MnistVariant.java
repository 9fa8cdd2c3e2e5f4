package dev.ruru.data.mnist;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The MNIST-format datasets Ruru knows: their names, class names, canonical mirrors and the SHA-256 and
 * size of each canonical {@code .gz} file, which a download must match.
 */
public enum MnistVariant {
  /** LeCun, Cortes and Burges' handwritten digits; the mirror PyTorch uses. */
  MNIST("mnist", "https://ossci-datasets.s3.amazonaws.com/mnist/",
      Map.of(
          MnistFile.TRAIN_IMAGES, new Checksum("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9_912_422),
          MnistFile.TRAIN_LABELS, new Checksum("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28_881),
          MnistFile.TEST_IMAGES, new Checksum("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1_648_877),
          MnistFile.TEST_LABELS, new Checksum("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4_542)),
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
      List.of()),
  /** Zalando's article images (Xiao, Rasul and Vollgraf, 2017); MIT licence. */
  FASHION_MNIST("fashion-mnist", "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
      Map.of(
          MnistFile.TRAIN_IMAGES, new Checksum("3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", 26_421_880),
          MnistFile.TRAIN_LABELS, new Checksum("a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", 29_515),
          MnistFile.TEST_IMAGES, new Checksum("346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", 4_422_102),
          MnistFile.TEST_LABELS, new Checksum("67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", 5_148)),
      List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
      // Debian's package dataset-fashion-mnist installs the four files here.
      List.of(Path.of("/usr/share/datasets/fashion-mnist")));

  /** A canonical file's SHA-256 (lower-case hex) and its exact size in bytes. */
  public record Checksum(String sha256, long bytes) {}

  private final String id;
  private final URI defaultMirror;
  private final Map<MnistFile, Checksum> checksums;
  private final List<String> classNames;
  private final List<Path> systemDirectories;

  MnistVariant(String id, String defaultMirror, Map<MnistFile, Checksum> checksums, List<String> classNames,
      List<Path> systemDirectories) {
    this.id = id;
    this.defaultMirror = URI.create(defaultMirror);
    this.checksums = checksums;
    this.classNames = classNames;
    this.systemDirectories = systemDirectories;
  }

  /** The name used on the command line and in data directories: {@code mnist}, {@code fashion-mnist}. */
  public String id() {
    return id;
  }

  /** The base URL the four {@code .gz} files are downloaded from unless another is given. */
  public URI defaultMirror() {
    return defaultMirror;
  }

  /** The SHA-256 and size of the canonical {@code file.gz}. */
  public Checksum checksum(MnistFile file) {
    return checksums.get(file);
  }

  /** Class names, indexed by label. */
  public List<String> classNames() {
    return classNames;
  }

  /** Number of classes (10 for both). */
  public int classCount() {
    return classNames.size();
  }

  /** Directories a system package installs the dataset into, searched last. */
  public List<Path> systemDirectories() {
    return systemDirectories;
  }

  /** The variant named {@code id} ({@code mnist} or {@code fashion-mnist}). */
  public static MnistVariant fromId(String id) {
    for (MnistVariant variant : values()) {
      if (variant.id.equals(id)) {
        return variant;
      }
    }
    throw new IllegalArgumentException("unknown dataset '" + id + "'; expected mnist or fashion-mnist");
  }

  @Override
  public String toString() {
    return id;
  }
}
