package dev.ruru.models.specvae;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.models.audio.AudioFeatures;
import dev.ruru.models.latent.LatentModel;
import dev.ruru.models.latent.LatentSpec;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A saved spectrogram VAE: {@code model.safetensors} (the conditional VAE's state dictionary, the names of
 * {@link LatentModel}) and {@code model.json} ({@code "format": "ruru-spectrogram-vae"}, the
 * {@link LatentSpec} and the {@link AudioFeatures} of its pictures), sealed to each other as
 * {@link ModelDirectory} describes; reading checks the weights' header against the network before building it.
 *
 * <pre>{@code
 * SpectrogramVaeFiles.save(out, vae, features);
 * SpectrogramVaeFiles.Loaded saved = SpectrogramVaeFiles.load(out);
 * }</pre>
 */
public final class SpectrogramVaeFiles {
  static final String FORMAT = "ruru-spectrogram-vae";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru spectrogram VAE",
      "`ruru train --model spec-vae --data-dir DIR --out DIR`", "");
  private static final List<String> REQUIRED = List.of("format", "version", "model", "features");
  private static final List<String> OPTIONAL = List.of("weights", "summary");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SpectrogramVaeFiles() {}

  /** A model read back: the VAE and the pictures it draws. */
  public record Loaded(LatentModel model, AudioFeatures features) {}

  public static void save(Path directory, LatentModel model, AudioFeatures features) throws IOException {
    LatentSpec spec = model.spec();
    if (spec.height() != features.mels()) {
      throw new IllegalArgumentException("spec-vae save: the model's pictures have " + spec.height() + " rows but the features "
          + features.mels() + " mel bands");
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", ModelDirectory.SEALED_VERSION);
    root.set("model", spec.toJson());
    ObjectNode audio = root.putObject("features");
    audio.put("sample_rate", features.sampleRate());
    audio.put("fft_size", features.fftSize());
    audio.put("hop", features.hop());
    audio.put("mels", features.mels());
    root.put("weights", ModelDirectory.WEIGHTS);
    root.put("summary", describe(spec, features));
    ModelDirectory.write(directory, model.stateDict(), describe(spec, features), JSON.writeValueAsString(root) + "\n");
  }

  /** The model saved in {@code directory}, every file checked against the others first. */
  public static Loaded load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelJson json = opened.json();
    json.checkKeys(REQUIRED, OPTIONAL);
    ModelDirectory.checkKeysForPeople(json);
    LatentSpec spec = LatentSpec.fromJson(json.object("model"));
    ModelJson audio = json.object("features");
    audio.checkKeys(List.of("sample_rate", "fft_size", "hop", "mels"), List.of());
    AudioFeatures features;
    try {
      features = new AudioFeatures(audio.integer("sample_rate"), audio.integer("fft_size"), audio.integer("hop"), audio.integer("mels"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(json.source() + ": features: " + e.getMessage(), e);
    }
    if (!spec.isVariational() || !spec.isConditional() || spec.height() != features.mels()) {
      throw new IllegalArgumentException(json.source() + ": expected a conditional VAE over pictures of " + features.mels() + " mel bands;"
          + " found " + spec.describe() + "; save it again with ruru train --model spec-vae");
    }
    opened.checkTensors(spec.parameterShapes(), spec.describe());
    opened.checkSeal();
    LatentModel model = opened.rebuild(() -> spec.build(new ResumableRandom(0)), spec.describe());
    model.loadStateDict(opened.readWeights());
    return new Loaded(model, features);
  }

  /**
   * Whether {@code directory}'s model.json says it holds a spectrogram VAE, so that {@code ruru generate} can pick the
   * family: a cheap look at the {@code "format"} key; {@link #load} checks everything.
   */
  public static boolean isSpectrogramVae(Path directory) throws IOException {
    return ModelDirectory.hasFormat(directory, FORMAT);
  }

  static String describe(LatentSpec spec, AudioFeatures features) {
    return "spectrogram " + spec.describe() + " over " + features.mels() + "x" + spec.width() + " log-mel pictures";
  }
}
