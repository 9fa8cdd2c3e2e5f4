package dev.ruru.train.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.train.io.Safetensors;
import dev.ruru.train.io.SafetensorsHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The two files of a saved model, {@code model.json} (the description) and {@code model.safetensors} (the
 * weights), written as a sealed pair and read back only as one.
 *
 * <p><b>Sealing.</b> Two files cannot be replaced in one atomic step, so a save killed between them, or a
 * retrain into the same directory, could leave weights beside a description they do not fit. The weights
 * file therefore records the SHA-256 of the exact description bytes it was saved with, in its header
 * metadata under {@value #SEAL}, and loading refuses any other description (a file copied from elsewhere,
 * a description edited by hand, a rename lost to a power failure). A description byte for byte equal to
 * the sealed one describes the weights just as well, so two saves with identical descriptions make no
 * torn pair. Descriptions of version {@value #SEALED_VERSION} must be sealed; version 1 (written before
 * sealing) loads unsealed, unless the weights are sealed, which means they belong to a newer description.
 *
 * <p><b>Replacing the pair</b> is atomic as readers see it, with a journal of one file: the new
 * description is first written beside the old one as {@value #NEXT}, then the weights replace theirs
 * (each write atomic: {@link AtomicFile}), then {@value #NEXT} is renamed over model.json. A kill before
 * the weights' rename leaves the old pair whole (and a stray {@value #NEXT} the next save overwrites); a
 * kill after it leaves the new weights sealed with {@value #NEXT}'s bytes, and {@link #open} reads the
 * new pair from there. model.json and model.safetensors stay plain files under their names, which users,
 * docs and other tools open directly.
 *
 * <p><b>Reading</b> ({@link #open}, then {@link Opened#checkTensors}, {@link Opened#checkSeal},
 * {@link Opened#readWeights}) checks the description strictly, then the weights' header alone (names, dtypes,
 * shapes) against the tensors the description implies, then the seal, and only then reads the data,
 * refusing NaN or infinite values; nothing of the size the description claims is allocated before the
 * header has confirmed it. Every message names the file it is about.
 */
public final class ModelDirectory {
  /** The weights of a saved model, beside its description. */
  public static final String WEIGHTS = "model.safetensors";
  /** The description of a saved model: its family and settings, from which it is rebuilt. */
  public static final String DESCRIPTION = "model.json";
  /** The weights' metadata key holding the SHA-256 (hex) of the model.json bytes saved with them. */
  public static final String SEAL = "ruru.description_sha256";
  /** The first description version whose weights carry the seal. */
  public static final int SEALED_VERSION = 2;
  /** The description of a save in progress, renamed over model.json once the weights are in place. */
  public static final String NEXT = "model.json.next";
  /** Problems listed in one message at most: a description of a million layers gives the first few. */
  static final int MAX_LISTED = 8;

  private ModelDirectory() {}

  /**
   * Replaces the pair in {@code directory}: {@code state} as {@code model.safetensors}, sealed with the
   * SHA-256 of {@code description}, and {@code description} as {@code model.json}, atomically as a whole
   * (see the class comment); {@code summary} goes into the weights' metadata as {@code "ruru.model"} for
   * people and tools that read only the weights.
   */
  public static void write(Path directory, Map<String, NDArray> state, String summary, String description) throws IOException {
    byte[] bytes = description.getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(directory);
    Path next = directory.resolve(NEXT);
    AtomicFile.write(next, out -> out.write(bytes));
    // "format": "pt" is what Hugging Face's loaders look for in a PyTorch state_dict file.
    Safetensors.write(directory.resolve(WEIGHTS), state, Map.of("format", "pt", "ruru.model", summary, SEAL, sha256(bytes)));
    Files.move(next, directory.resolve(DESCRIPTION), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * The first {@value #MAX_LISTED} ways in which the tensors {@code found} (in {@code where}) differ from
   * those {@code described} (names, dtypes, shapes), in words; null when they are the same. The description
   * is consumed lazily, so one that implies millions of tensors costs no more than what it is checked against.
   */
  static String differences(Stream<ParameterShape> described, Map<String, ParameterShape> found, String where) {
    Map<String, ParameterShape> left = new LinkedHashMap<>(found);
    List<String> problems = new ArrayList<>();
    Iterator<ParameterShape> wanted = described.iterator();
    while (wanted.hasNext() && problems.size() < MAX_LISTED) {
      ParameterShape shape = wanted.next();
      ParameterShape actual = left.remove(shape.name());
      if (actual == null) {
        problems.add("tensor '" + shape.name() + "' (" + shape.describe() + ") is missing from " + where);
      } else if (!shape.equals(actual)) {
        problems.add("tensor '" + shape.name() + "' is " + shape.describe() + " in the description but " + actual.describe() + " in " + where);
      }
    }
    boolean more = wanted.hasNext();
    for (ParameterShape actual : left.values()) {
      if (problems.size() < MAX_LISTED && !more) {
        problems.add("tensor '" + actual.name() + "' (" + actual.describe() + ") of " + where + " is not in the description");
      }
    }
    return problems.isEmpty() ? null : String.join("; ", problems) + (more || problems.size() == MAX_LISTED ? "; and possibly more" : "");
  }

  /**
   * Refuses to save {@code state} under a description that implies other tensors ({@code described}):
   * such a pair could never be loaded, so the mistake is named now, before anything is written.
   */
  public static void checkSaved(Map<String, NDArray> state, Stream<ParameterShape> described, String summary) {
    Map<String, ParameterShape> found = new LinkedHashMap<>();
    state.forEach((name, array) -> found.put(name, ParameterShape.of(name, array.dtype(), array.shape())));
    String problems = differences(described, found, "the model");
    if (problems != null) {
      throw new IllegalArgumentException("save: the model does not match its description (" + summary + "): " + problems
          + "; nothing was written");
    }
  }

  /**
   * What kind of description a reader expects.
   *
   * @param id the {@code "format"} value, e.g. {@code "ruru-model"}
   * @param noun what it is, in a message: {@code "Ruru model"}
   * @param writtenBy which command writes such a directory, for a message about a missing file
   * @param elsewhere where a description of another format belongs, appended to the wrong-format message
   */
  public record Format(String id, String noun, String writtenBy, String elsewhere) {}

  /**
   * Opens the pair in {@code directory}: both files must exist, the description must be strict JSON of
   * {@code format} and of a version this code reads, and the weights' header must be valid.
   */
  public static Opened open(Path directory, Format format) throws IOException {
    Path description = directory.resolve(DESCRIPTION);
    Path weights = directory.resolve(WEIGHTS);
    for (Path file : List.of(description, weights)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("model directory " + directory + ": missing " + file.getFileName() + " (a saved " + format.noun()
            + " is " + DESCRIPTION + " and " + WEIGHTS + ", as " + format.writtenBy() + " writes them)");
      }
    }
    byte[] bytes = ModelJson.read(description);
    ModelJson json = described(bytes, description, format);
    SafetensorsHeader header = Safetensors.readHeader(weights);
    String seal = header.metadata().get(SEAL);
    Path next = directory.resolve(NEXT);
    if (seal != null && !seal.equals(sha256(bytes)) && Files.isRegularFile(next)) {
      // A save stopped after the new weights were in place: its description waits in the journal.
      byte[] pending = ModelJson.read(next);
      if (seal.equals(sha256(pending))) {
        description = next;
        bytes = pending;
        json = described(bytes, description, format);
      }
    }
    return new Opened(description, weights, json, json.integer("version"), sha256(bytes), header);
  }

  /** The description in {@code bytes}, strictly parsed, refused unless it is of {@code format} and a version this code reads. */
  private static ModelJson described(byte[] bytes, Path description, Format format) {
    ModelJson json = ModelJson.parse(bytes, description.toString());
    JsonNode id = json.has("format") ? json.raw("format") : null;
    if (id == null || !id.isTextual() || !format.id().equals(id.textValue())) {
      throw new IllegalArgumentException(description + ": not a " + format.noun() + " description (\"format\" is "
          + (id == null ? "missing" : id) + ", expected \"" + format.id() + "\")" + format.elsewhere());
    }
    int version = json.integer("version");
    if (version < 1 || version > SEALED_VERSION) {
      throw new IllegalArgumentException(description + ": \"version\": " + version + " is not a version this Ruru reads (1 to "
          + SEALED_VERSION + "); the model was saved by a newer Ruru, or the file was edited");
    }
    return json;
  }

  /**
   * Whether {@code directory}'s model.json names {@code format}: a cheap look at its {@code "format"} key, so
   * that a command can dispatch on the model's family before its loader checks everything. False when there
   * is no model.json.
   *
   * @throws IOException or IllegalArgumentException when model.json is not readable JSON
   */
  public static boolean hasFormat(Path directory, String format) throws IOException {
    Path description = directory.resolve(DESCRIPTION);
    if (!Files.isRegularFile(description)) {
      return false;
    }
    ModelJson json = ModelJson.parse(ModelJson.read(description), description.toString());
    return json.has("format") && json.raw("format").isTextual() && format.equals(json.raw("format").textValue());
  }

  /**
   * The keys both formats write for people, {@code "weights"} and {@code "summary"}, optional, must still be
   * what they say: a {@code "weights"} naming another file would promise what loading does not do.
   */
  public static void checkKeysForPeople(ModelJson json) {
    if (json.has("weights") && !WEIGHTS.equals(json.text("weights"))) {
      throw json.mismatch("weights", "\"" + WEIGHTS + "\" (the weights always lie beside model.json under that name)");
    }
    if (json.has("summary")) {
      json.text("summary");
    }
  }

  /**
   * A pair opened by {@link #open}: the description parsed and the weights' header read, no tensor data yet.
   *
   * @param description the path of model.json
   * @param weights the path of model.safetensors
   * @param json the description, strictly parsed
   * @param version its {@code "version"}
   * @param descriptionSha256 the SHA-256 of its bytes, as the seal records it
   * @param header the weights' header: every tensor's name, dtype and shape
   */
  public record Opened(Path description, Path weights, ModelJson json, int version, String descriptionSha256, SafetensorsHeader header) {
    /**
     * Refuses weights whose tensors are not exactly those {@code expected} (names, dtypes, shapes), listing
     * the first {@value ModelDirectory#MAX_LISTED} differences; {@code expected} is consumed lazily, so a
     * description that implies millions of tensors costs no more than the file it is checked against.
     */
    public void checkTensors(Stream<ParameterShape> expected, String summary) {
      Map<String, ParameterShape> found = new LinkedHashMap<>();
      header.tensors().forEach(entry -> found.put(entry.name(), ParameterShape.of(entry.name(), entry.dtype(), entry.shape())));
      String problems = differences(expected, found, "the weights");
      if (problems != null) {
        throw new IllegalArgumentException(weights + " does not match " + description + " (" + summary + "): " + problems
            + "; nothing was loaded");
      }
    }

    /** Refuses weights that were not saved with this description (see the class comment). */
    public void checkSeal() {
      String seal = header.metadata().get(SEAL);
      if (version >= SEALED_VERSION && !descriptionSha256.equals(seal)) {
        throw torn(seal == null ? "the weights carry no " + SEAL + " (they were saved by an older Ruru, or by another tool)"
            : "the weights were saved with a model.json of SHA-256 " + seal + ", this one's is " + descriptionSha256);
      }
      if (version < SEALED_VERSION && seal != null) {
        throw torn("the weights were saved with a version-" + SEALED_VERSION + " model.json (SHA-256 " + seal + "), this one is version "
            + version);
      }
    }

    private IllegalArgumentException torn(String why) {
      return new IllegalArgumentException(description + " and " + weights + " were not saved together: " + why
          + "; a save was interrupted between the two files, or one was replaced or edited; nothing was loaded;"
          + " save the model again, or restore both files from the same save");
    }

    /** Builds the network, naming the description when the rebuild fails. */
    public <T> T rebuild(Supplier<T> build, String summary) {
      try {
        return build.get();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(description + ": cannot rebuild the model it describes (" + summary + "): " + e.getMessage(), e);
      }
    }

    /** Every tensor of the weights, refusing a NaN or infinite value by tensor, position and file. */
    public Map<String, NDArray> readWeights() throws IOException {
      Map<String, NDArray> tensors = Safetensors.read(weights).tensors();
      tensors.forEach(this::checkFinite);
      return tensors;
    }

    private void checkFinite(String name, NDArray tensor) {
      if (!tensor.dtype().isFloating()) {
        return;
      }
      // float32 is read as float32: a model's largest tensors are not copied to twice their size to be checked.
      double[] wide = tensor.dtype() == DType.FLOAT64 ? tensor.toDoubleArray() : null;
      float[] narrow = wide == null ? tensor.toFloatArray() : null;
      int size = wide != null ? wide.length : narrow.length;
      int first = -1;
      int count = 0;
      for (int i = 0; i < size; i++) {
        if (!Double.isFinite(wide != null ? wide[i] : narrow[i])) {
          first = first < 0 ? i : first;
          count++;
        }
      }
      if (count > 0) {
        double value = wide != null ? wide[first] : narrow[first];
        throw new IllegalArgumentException(weights + ": tensor '" + name + "' " + tensor.shape() + " holds " + count + " NaN or infinite value"
            + (count == 1 ? "" : "s") + " (the first, " + value + ", at " + Arrays.toString(unravel(first, tensor.shape().dims()))
            + "); such weights compute nothing (did the training diverge?); nothing was loaded");
      }
    }
  }

  private static int[] unravel(int flat, int[] dims) {
    int[] index = new int[dims.length];
    for (int axis = dims.length - 1, rest = flat; axis >= 0; axis--) {
      index[axis] = rest % dims[axis];
      rest /= dims[axis];
    }
    return index;
  }

  /** The hex SHA-256 of {@code bytes}: what a seal records, and what a run records as its text's identity. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
