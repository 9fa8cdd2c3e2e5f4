package dev.ruru.data.mnist;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.download.Downloader;
import dev.ruru.data.idx.IdxValues;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds, optionally downloads, and loads MNIST or Fashion-MNIST.
 *
 * <p>Search path, in order: the {@link #directory(Path) explicit directory}; {@code $RURU_DATA} and
 * {@code $RURU_DATA/<name>}; {@code ~/.ruru/data/<name>}; then the variant's system directories
 * (Debian's {@code /usr/share/datasets/fashion-mnist} for Fashion-MNIST). The first directory holding
 * all four files (each plain or {@code .gz}; plain is preferred) is used. If none does,
 * {@link IfMissing} decides: fail listing every place searched, download to {@link #downloadDirectory()}
 * from the mirror with SHA-256 checks, or use the {@link EmbeddedSample}.
 *
 * <pre>{@code
 * MnistData data = MnistLoader.of(MnistVariant.FASHION_MNIST).ifMissing(IfMissing.EMBEDDED_SAMPLE).load();
 * System.out.println("data: " + data.source());   // say which data the numbers are about
 * }</pre>
 *
 * Loaders are immutable; each option returns a new one. Images come as float32 in [0, 1] unless
 * {@link #pixels(IdxValues)} asks otherwise; labels as int64.
 */
public final class MnistLoader {
  private final MnistVariant variant;
  private final Path directory;
  private final Map<String, String> environment;
  private final Path home;
  private final List<Path> systemDirectories;
  private final IfMissing ifMissing;
  private final URI mirror;
  private final IdxValues pixels;
  private final Downloader downloader;
  private final Map<MnistFile, MnistVariant.Checksum> checksums;

  private MnistLoader(MnistVariant variant, Path directory, Map<String, String> environment, Path home,
      List<Path> systemDirectories, IfMissing ifMissing, URI mirror, IdxValues pixels, Downloader downloader,
      Map<MnistFile, MnistVariant.Checksum> checksums) {
    this.variant = variant;
    this.directory = directory;
    this.environment = environment;
    this.home = home;
    this.systemDirectories = systemDirectories;
    this.ifMissing = ifMissing;
    this.mirror = mirror;
    this.pixels = pixels;
    this.downloader = downloader;
    this.checksums = checksums;
  }

  /** A loader for {@code variant} searching the real environment, failing if the data is missing. */
  public static MnistLoader of(MnistVariant variant) {
    Map<MnistFile, MnistVariant.Checksum> checksums = new EnumMap<>(MnistFile.class);
    for (MnistFile file : MnistFile.values()) {
      checksums.put(file, variant.checksum(file));
    }
    return new MnistLoader(variant, null, System.getenv(), Path.of(System.getProperty("user.home")), variant.systemDirectories(),
        IfMissing.FAIL, variant.defaultMirror(), IdxValues.SCALED_TO_UNIT, null, Map.copyOf(checksums));
  }

  /** Look in {@code dir} first; downloads go there too. */
  public MnistLoader directory(Path dir) {
    return new MnistLoader(variant, Objects.requireNonNull(dir, "dir"), environment, home, systemDirectories, ifMissing, mirror,
        pixels, downloader, checksums);
  }

  /** What to do when the search path has no dataset. */
  public MnistLoader ifMissing(IfMissing policy) {
    return new MnistLoader(variant, directory, environment, home, systemDirectories, Objects.requireNonNull(policy, "policy"), mirror,
        pixels, downloader, checksums);
  }

  /** Download from {@code baseUrl} (the four {@code .gz} names are resolved against it) instead of the default mirror. */
  public MnistLoader mirror(URI baseUrl) {
    String text = baseUrl.toString();
    URI base = text.endsWith("/") ? baseUrl : URI.create(text + "/");
    return new MnistLoader(variant, directory, environment, home, systemDirectories, ifMissing, base, pixels, downloader, checksums);
  }

  /** How pixels are converted: {@link IdxValues#SCALED_TO_UNIT} (default, float32 in [0, 1]) or {@link IdxValues#AS_STORED} (int32 0..255). */
  public MnistLoader pixels(IdxValues values) {
    return new MnistLoader(variant, directory, environment, home, systemDirectories, ifMissing, mirror,
        Objects.requireNonNull(values, "values"), downloader, checksums);
  }

  /** Download with {@code client} (tests pass one bound to a local server). */
  public MnistLoader downloader(Downloader client) {
    return new MnistLoader(variant, directory, environment, home, systemDirectories, ifMissing, mirror, pixels,
        Objects.requireNonNull(client, "client"), checksums);
  }

  /**
   * Search as if the environment were {@code environment} (for {@code RURU_DATA}), the home directory
   * {@code home}, and the system directories {@code systemDirectories}: for tests and for embedding Ruru
   * in an application with its own configuration.
   */
  public MnistLoader searching(Map<String, String> environment, Path home, List<Path> systemDirectories) {
    return new MnistLoader(variant, directory, Map.copyOf(environment), home, List.copyOf(systemDirectories), ifMissing, mirror,
        pixels, downloader, checksums);
  }

  /**
   * The same loader expecting other files than the canonical ones, by their SHA-256 and size: a private
   * mirror serving its own copies (tests serve the small sample files from a local server).
   */
  public MnistLoader expecting(Map<MnistFile, MnistVariant.Checksum> expected) {
    return new MnistLoader(variant, directory, environment, home, systemDirectories, ifMissing, mirror, pixels, downloader,
        Map.copyOf(expected));
  }

  /** The directories searched, in order. */
  public List<Path> searchPath() {
    List<Path> places = new ArrayList<>();
    if (directory != null) {
      places.add(directory);
    }
    String ruruData = environment.get("RURU_DATA");
    if (ruruData != null && !ruruData.isBlank()) {
      places.add(Path.of(ruruData));
      places.add(Path.of(ruruData, variant.id()));
    }
    places.add(home.resolve(".ruru").resolve("data").resolve(variant.id()));
    places.addAll(systemDirectories);
    return places;
  }

  /** Where {@link #download()} writes: the explicit directory, else {@code $RURU_DATA/<name>}, else {@code ~/.ruru/data/<name>}. */
  public Path downloadDirectory() {
    if (directory != null) {
      return directory;
    }
    String ruruData = environment.get("RURU_DATA");
    if (ruruData != null && !ruruData.isBlank()) {
      return Path.of(ruruData, variant.id());
    }
    return home.resolve(".ruru").resolve("data").resolve(variant.id());
  }

  /** The first directory on the search path holding all four files, if any. */
  public Optional<Path> find() {
    for (Path place : searchPath()) {
      if (missingFiles(place).isEmpty()) {
        return Optional.of(place);
      }
    }
    return Optional.empty();
  }

  /**
   * Loads the dataset from the first directory that has it, or as {@link IfMissing} says.
   *
   * @throws DatasetNotFoundException when nothing is found and the policy is {@link IfMissing#FAIL}
   * @throws dev.ruru.data.DataFileException when a file is corrupt, counts differ or a label is out of range
   */
  public MnistData load() throws IOException {
    Optional<Path> found = find();
    if (found.isPresent()) {
      return loadFrom(found.get(), MnistData.Origin.DIRECTORY, variant.id() + " from " + found.get());
    }
    return switch (ifMissing) {
      case FAIL -> throw new DatasetNotFoundException(variant, describeSearch());
      case DOWNLOAD -> {
        Path target = download();
        yield loadFrom(target, MnistData.Origin.DOWNLOAD, variant.id() + " downloaded from " + mirror + " to " + target);
      }
      case EMBEDDED_SAMPLE -> {
        if (variant != MnistVariant.FASHION_MNIST) {
          throw new DatasetNotFoundException(variant, describeSearch());
        }
        yield EmbeddedSample.fashionMnist(pixels);
      }
    };
  }

  /**
   * Loads the dataset from {@code dir} alone. A directory the user named is the data or an error, never a
   * silent fallback to another copy found elsewhere on the search path.
   *
   * @throws DatasetNotFoundException when {@code dir} does not exist or lacks one of the four files
   */
  public MnistData loadOnly(Path dir) throws IOException {
    List<String> missing = missingFiles(dir);
    if (!missing.isEmpty()) {
      String found = Files.isDirectory(dir) ? " (missing " + String.join(", ", missing) + ")" : " (no such directory)";
      throw new DatasetNotFoundException(variant, List.of(dir + found));
    }
    return loadFrom(dir, MnistData.Origin.DIRECTORY, variant.id() + " from " + dir);
  }

  /**
   * Downloads the four {@code .gz} files from the mirror into {@link #downloadDirectory()}, verifying each
   * SHA-256; a file already there with the right checksum is kept. Returns the directory.
   */
  public Path download() throws IOException {
    Path target = downloadDirectory();
    Downloader client = downloader != null ? downloader : Downloader.withDefaults();
    for (MnistFile file : MnistFile.values()) {
      MnistVariant.Checksum expected = checksums.get(file);
      Path path = target.resolve(file.gzipName());
      if (Files.isRegularFile(path) && Downloader.sha256(path).equalsIgnoreCase(expected.sha256())) {
        continue;
      }
      client.fetch(mirror.resolve(file.gzipName()), path, expected.sha256(), expected.bytes());
    }
    return target;
  }

  private MnistData loadFrom(Path dir, MnistData.Origin origin, String source) throws IOException {
    ArrayDataset train = LabelledImages.read(variant, file(dir, MnistFile.TRAIN_IMAGES), file(dir, MnistFile.TRAIN_LABELS), pixels);
    ArrayDataset test = LabelledImages.read(variant, file(dir, MnistFile.TEST_IMAGES), file(dir, MnistFile.TEST_LABELS), pixels);
    return new MnistData(variant, train, test, origin, source);
  }

  /** The file on disk, plain preferred over {@code .gz} (it reads faster). */
  static LabelledImages.Source file(Path dir, MnistFile file) {
    Path plain = dir.resolve(file.baseName());
    Path path = Files.isRegularFile(plain) ? plain : dir.resolve(file.gzipName());
    return new LabelledImages.Source(path.toString(), () -> Files.newInputStream(path));
  }

  private static List<String> missingFiles(Path dir) {
    List<String> missing = new ArrayList<>();
    for (MnistFile file : MnistFile.values()) {
      if (!Files.isRegularFile(dir.resolve(file.baseName())) && !Files.isRegularFile(dir.resolve(file.gzipName()))) {
        missing.add(file.baseName() + "[.gz]");
      }
    }
    return missing;
  }

  /** Each place searched with what was missing there, in search order. */
  private List<String> describeSearch() {
    List<String> lines = new ArrayList<>();
    for (Path place : searchPath()) {
      lines.add(place + (Files.isDirectory(place) ? " (missing " + String.join(", ", missingFiles(place)) + ")" : " (no such directory)"));
    }
    String ruruData = environment.get("RURU_DATA");
    if (ruruData == null || ruruData.isBlank()) {
      lines.add(directory == null ? 0 : 1, "$RURU_DATA (not set)");
    }
    if (ifMissing == IfMissing.EMBEDDED_SAMPLE) {
      lines.add("embedded sample (only fashion-mnist has one)");
    }
    return lines;
  }
}
