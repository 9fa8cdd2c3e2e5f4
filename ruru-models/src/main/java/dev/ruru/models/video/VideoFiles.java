package dev.ruru.models.video;

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
 * A saved video-prediction model: {@code model.safetensors} (the encoder-forecaster's state dictionary) and
 * {@code model.json} ({@code "format": "ruru-video-model"}, the {@link VideoSpec}, the image set the clips
 * were made from and the seed of the test clips), sealed to each other as {@link ModelDirectory} describes.
 *
 * <pre>{@code
 * VideoFiles.save(out, model, "fashion-mnist", 1);
 * VideoFiles.Loaded saved = VideoFiles.load(out);
 * }</pre>
 */
public final class VideoFiles {
  static final String FORMAT = "ruru-video-model";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru video-prediction model",
      "`ruru train --model convlstm --out DIR`", "");
  private static final List<String> REQUIRED = List.of("format", "version", "model", "dataset", "test_seed");
  private static final List<String> OPTIONAL = List.of("weights", "summary");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VideoFiles() {}

  /**
   * A model read back.
   *
   * @param dataset the image set its clips were made from ({@code fashion-mnist} or {@code mnist})
   * @param testSeed the seed of its test clips, so that pictures show clips it never trained on
   */
  public record Loaded(EncoderForecaster model, String dataset, long testSeed) {}

  public static void save(Path directory, EncoderForecaster model, String dataset, long testSeed) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", ModelDirectory.SEALED_VERSION);
    root.set("model", model.spec().toJson(JSON));
    root.put("dataset", dataset);
    root.put("test_seed", testSeed);
    root.put("weights", ModelDirectory.WEIGHTS);
    root.put("summary", model.spec().describe());
    ModelDirectory.write(directory, model.stateDict(), model.spec().describe(), JSON.writeValueAsString(root) + "\n");
  }

  public static Loaded load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelJson json = opened.json();
    json.checkKeys(REQUIRED, OPTIONAL);
    ModelDirectory.checkKeysForPeople(json);
    VideoSpec spec = VideoSpec.fromJson(json.object("model"));
    opened.checkTensors(spec.shapes(), spec.describe());
    opened.checkSeal();
    EncoderForecaster model = opened.rebuild(() -> spec.build(new SplittableRandom(0)), spec.describe());
    model.loadStateDict(opened.readWeights());
    return new Loaded(model, json.text("dataset"), (long) json.number("test_seed"));
  }

  /** Whether {@code directory}'s model.json describes a video model, so that {@code ruru generate} can dispatch on the family. */
  public static boolean isVideoModel(Path directory) {
    try {
      return ModelDirectory.hasFormat(directory, FORMAT);
    } catch (IOException | IllegalArgumentException e) {
      // Not readable as ours: the command it goes to next says what is wrong with it.
      return false;
    }
  }
}
