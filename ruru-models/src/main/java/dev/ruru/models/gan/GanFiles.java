package dev.ruru.models.gan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.nn.Layer;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A saved GAN: the generator's weights ({@code model.safetensors}, PyTorch's names) and {@code model.json}
 * ({@code "format": "ruru-gan"} and the {@link GanSpec}), sealed to each other as {@link ModelDirectory}
 * describes. Only the generator is kept: sampling needs nothing else (the checkpoint has both networks).
 *
 * <pre>{@code
 * GanFiles.save(out, spec, generator);
 * GanFiles.Loaded gan = GanFiles.load(out);
 * }</pre>
 */
public final class GanFiles {
  static final String FORMAT = "ruru-gan";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru GAN", "`ruru train --model gan --out DIR`",
      "; other models are used with `ruru eval`, `ruru predict` or `ruru generate`");
  private static final List<String> REQUIRED = List.of("format", "version", "model");
  private static final List<String> OPTIONAL = List.of("weights", "summary");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GanFiles() {}

  /** A GAN read back: its spec and its generator with the saved weights. */
  public record Loaded(GanSpec spec, Layer generator) {}

  public static void save(Path directory, GanSpec spec, Layer generator) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", ModelDirectory.SEALED_VERSION);
    root.set("model", spec.toJson());
    root.put("weights", ModelDirectory.WEIGHTS);
    root.put("summary", spec.describe());
    ModelDirectory.checkSaved(generator.stateDict(), spec.generatorShapes(), spec.describe());
    ModelDirectory.write(directory, generator.stateDict(), spec.describe(), JSON.writeValueAsString(root) + "\n");
  }

  public static Loaded load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelJson json = opened.json();
    json.checkKeys(REQUIRED, OPTIONAL);
    ModelDirectory.checkKeysForPeople(json);
    GanSpec spec = GanSpec.fromJson(json.object("model"));
    opened.checkTensors(spec.generatorShapes(), spec.describe());
    opened.checkSeal();
    Layer generator = opened.rebuild(() -> spec.generator(new SplittableRandom(0)), spec.describe());
    generator.loadStateDict(opened.readWeights());
    return new Loaded(spec, generator);
  }

  /**
   * Whether {@code directory}'s model.json says it holds a GAN, so that {@code ruru generate} can pick the
   * family: a cheap look at the {@code "format"} key; {@link #load} checks everything.
   */
  public static boolean isGan(Path directory) throws IOException {
    return ModelDirectory.hasFormat(directory, FORMAT);
  }
}
