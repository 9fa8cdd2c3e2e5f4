package dev.ruru.models.wavenet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A saved WaveNet: its weights ({@code model.safetensors}, PyTorch's names) and {@code model.json}
 * ({@code "format": "ruru-wavenet"} and the {@link WaveNetSpec}), sealed to each other as
 * {@link ModelDirectory} describes.
 *
 * <pre>{@code
 * WaveNetFiles.save(out, net);
 * WaveNet net = WaveNetFiles.load(out);
 * }</pre>
 */
public final class WaveNetFiles {
  static final String FORMAT = "ruru-wavenet";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru WaveNet", "`ruru train --model wavenet --out DIR`",
      "; other models are used with `ruru eval`, `ruru predict` or `ruru generate`");
  private static final List<String> REQUIRED = List.of("format", "version", "model");
  private static final List<String> OPTIONAL = List.of("weights", "summary");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private WaveNetFiles() {}

  public static void save(Path directory, WaveNet net) throws IOException {
    WaveNetSpec spec = net.spec();
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", ModelDirectory.SEALED_VERSION);
    root.set("model", spec.toJson());
    root.put("weights", ModelDirectory.WEIGHTS);
    root.put("summary", spec.describe());
    ModelDirectory.checkSaved(net.stateDict(), spec.shapes(), spec.describe());
    ModelDirectory.write(directory, net.stateDict(), spec.describe(), JSON.writeValueAsString(root) + "\n");
  }

  /** The network saved in {@code directory}, every file checked against the others first. */
  public static WaveNet load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelJson json = opened.json();
    json.checkKeys(REQUIRED, OPTIONAL);
    ModelDirectory.checkKeysForPeople(json);
    WaveNetSpec spec = WaveNetSpec.fromJson(json.object("model"));
    opened.checkTensors(spec.shapes(), spec.describe());
    opened.checkSeal();
    WaveNet net = opened.rebuild(() -> new WaveNet(spec, new SplittableRandom(0)), spec.describe());
    net.loadStateDict(opened.readWeights());
    return net;
  }

  /**
   * Whether {@code directory}'s model.json says it holds a WaveNet, so that {@code ruru generate} can pick the
   * family: a cheap look at the {@code "format"} key; {@link #load} checks everything.
   */
  public static boolean isWaveNet(Path directory) throws IOException {
    return ModelDirectory.hasFormat(directory, FORMAT);
  }
}
