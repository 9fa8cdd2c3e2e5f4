package dev.ruru.models.latent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A saved autoencoder or VAE: {@code model.safetensors} (the state dictionary) and {@code model.json}
 * (the {@link LatentSpec}, the decoder's loss or distribution, the class names, and the training codes'
 * per-dimension mean and standard deviation, from which an autoencoder, which has no prior, draws its
 * samples), sealed to each other as {@link ModelDirectory} describes. Reading checks the description
 * strictly and the weights' header against the network it describes before anything is built.
 *
 * <pre>{@code
 * LatentModelFiles.save(out, model, "bernoulli", classNames, codeMean, codeStd, Map.of("dataset", "fashion-mnist"));
 * LatentModelFiles.Loaded saved = LatentModelFiles.load(out);
 * }</pre>
 */
public final class LatentModelFiles {
  static final String FORMAT = "ruru-latent-model";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru latent-space model",
      "`ruru train --model vae --out DIR`", "");
  private static final List<String> REQUIRED = List.of("format", "version", "model", "loss", "class_names", "code_mean", "code_std");
  private static final List<String> OPTIONAL = List.of("weights", "summary", "notes");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LatentModelFiles() {}

  /**
   * A model read back.
   *
   * @param loss the autoencoder's loss (mse, bce) or the VAE's decoder distribution (bernoulli, gaussian)
   * @param codeMean the training codes' mean per dimension (zeros for a VAE: its prior)
   * @param codeStd their standard deviation per dimension (ones for a VAE)
   */
  public record Loaded(LatentSpec spec, LatentModel model, String loss, List<String> classNames, double[] codeMean, double[] codeStd,
      Map<String, String> notes) {}

  /** Whether {@code directory}'s model.json describes a latent-space model (so that commands can dispatch on the family). */
  public static boolean isLatentModel(Path directory) {
    try {
      return ModelDirectory.hasFormat(directory, FORMAT);
    } catch (IOException | IllegalArgumentException e) {
      // Not readable as ours: the command it goes to next says what is wrong with it.
      return false;
    }
  }

  public static void save(Path directory, LatentModel model, String loss, List<String> classNames, double[] codeMean, double[] codeStd,
      Map<String, String> notes) throws IOException {
    LatentSpec spec = model.spec();
    if (codeMean.length != spec.latent() || codeStd.length != spec.latent()) {
      throw new IllegalArgumentException("save: code statistics of " + codeMean.length + " and " + codeStd.length + " numbers for a code of "
          + spec.latent());
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", ModelDirectory.SEALED_VERSION);
    root.set("model", spec.toJson());
    root.put("loss", loss);
    classNames.forEach(root.putArray("class_names")::add);
    for (double value : codeMean) {
      root.withArray("code_mean").add(value);
    }
    for (double value : codeStd) {
      root.withArray("code_std").add(value);
    }
    root.put("weights", ModelDirectory.WEIGHTS);
    root.put("summary", spec.describe());
    ObjectNode notesNode = root.putObject("notes");
    notes.forEach(notesNode::put);
    ModelDirectory.write(directory, model.stateDict(), spec.describe(), JSON.writeValueAsString(root) + "\n");
  }

  public static Loaded load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelJson json = opened.json();
    json.checkKeys(REQUIRED, OPTIONAL);
    ModelDirectory.checkKeysForPeople(json);
    LatentSpec spec = LatentSpec.fromJson(json.object("model"));
    String loss = json.text("loss");
    if (spec.isVariational()) {
      DecoderDistribution.fromId(loss);
    } else {
      ReconstructionLoss.fromId(loss);
    }
    double[] codeMean = numbers(json, "code_mean", spec.latent());
    double[] codeStd = numbers(json, "code_std", spec.latent());
    Map<String, String> notes = json.has("notes") ? json.textMap("notes") : Map.of();
    opened.checkTensors(spec.parameterShapes(), spec.describe());
    opened.checkSeal();
    LatentModel model = opened.rebuild(() -> spec.build(new ResumableRandom(0)), spec.describe());
    model.loadStateDict(opened.readWeights());
    return new Loaded(spec, model, loss, json.texts("class_names"), codeMean, codeStd, notes);
  }

  private static double[] numbers(ModelJson json, String key, int count) {
    var node = json.raw(key);
    if (!node.isArray() || node.size() != count) {
      throw json.mismatch(key, "an array of " + count + " numbers (one per code dimension)");
    }
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      if (!node.get(i).isNumber()) {
        throw json.mismatch(key, "an array of " + count + " numbers (one per code dimension)");
      }
      values[i] = node.get(i).doubleValue();
    }
    return values;
  }
}
