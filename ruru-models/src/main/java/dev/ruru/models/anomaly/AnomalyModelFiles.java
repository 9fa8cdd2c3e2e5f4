package dev.ruru.models.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.linalg.Pca;
import dev.ruru.nn.Layer;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import dev.ruru.train.model.ParameterShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A saved one-class detector with its threshold: {@code model.json} ({@code "format": "ruru-anomaly"}, the
 * detector's kind, the normal class, the threshold and its false-positive rate) and
 * {@code model.safetensors} (a PCA's mean, components and variances; Deep SVDD's network state and
 * {@code centre}), sealed as {@link ModelDirectory} describes.
 */
public final class AnomalyModelFiles {
  public static final String PCA = "pca";
  public static final String DEEP_SVDD = "deep-svdd";
  static final String FORMAT = "ruru-anomaly";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru anomaly detector", "`ruru anomaly train --out DIR`",
      "; other models are used with `ruru predict` or `ruru generate`");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int SIDE = 28;

  private AnomalyModelFiles() {}

  /** A detector read back with the class it takes as normal and its threshold. */
  public record Loaded(AnomalyDetector detector, int normalClass, Threshold threshold) {}

  public static void save(Path directory, AnomalyDetector detector, int normalClass, Threshold threshold) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", ModelDirectory.SEALED_VERSION);
    Map<String, NDArray> state = new LinkedHashMap<>();
    switch (detector) {
      case PcaDetector pca -> {
        root.put("detector", PCA);
        root.put("components", pca.pca().components().dim(0));
        state.put("mean", pca.pca().mean());
        state.put("components", pca.pca().components());
        state.put("explained_variance", pca.pca().explainedVariance());
        state.put("explained_variance_ratio", pca.pca().explainedVarianceRatio());
      }
      case DeepSvdd svdd -> {
        root.put("detector", DEEP_SVDD);
        state.putAll(svdd.network().stateDict());
        state.put("centre", svdd.centre());
      }
      default -> throw new IllegalArgumentException("anomaly: cannot save a " + detector.describe() + " detector yet");
    }
    root.put("normal_class", normalClass);
    root.put("threshold", threshold.value());
    root.put("false_positive_rate", threshold.falsePositiveRate());
    root.put("weights", ModelDirectory.WEIGHTS);
    root.put("summary", detector.describe());
    ModelDirectory.write(directory, state, detector.describe(), JSON.writeValueAsString(root) + "\n");
  }

  public static Loaded load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelJson json = opened.json();
    json.checkKeys(List.of("format", "version", "detector", "normal_class", "threshold", "false_positive_rate"),
        List.of("components", "weights", "summary"));
    ModelDirectory.checkKeysForPeople(json);
    String kind = json.text("detector");
    Threshold threshold = new Threshold(json.number("threshold"), json.number("false_positive_rate"));
    if (kind.equals(PCA)) {
      int k = json.integer("components");
      opened.checkTensors(Stream.of(ParameterShape.of("mean", DType.FLOAT64, SIDE * SIDE), ParameterShape.of("components", DType.FLOAT64, k, SIDE * SIDE),
          ParameterShape.of("explained_variance", DType.FLOAT64, k), ParameterShape.of("explained_variance_ratio", DType.FLOAT64, k)), "pca " + k);
      opened.checkSeal();
      Map<String, NDArray> state = opened.readWeights();
      Pca pca = new Pca(state.get("mean"), state.get("components"), state.get("explained_variance"), state.get("explained_variance_ratio"));
      return new Loaded(new PcaDetector(pca, new int[] {SIDE, SIDE}), json.integer("normal_class"), threshold);
    }
    if (!kind.equals(DEEP_SVDD)) {
      throw json.mismatch("detector", "\"" + PCA + "\" or \"" + DEEP_SVDD + "\"");
    }
    Layer network = DeepSvdd.network(new SplittableRandom(0));
    Stream<ParameterShape> shapes = Stream.concat(network.stateDict().entrySet().stream()
        .map(entry -> ParameterShape.of(entry.getKey(), entry.getValue().dtype(), entry.getValue().shape())),
        Stream.of(ParameterShape.of("centre", DType.FLOAT32, DeepSvdd.CODE)));
    opened.checkTensors(shapes, "deep-svdd");
    opened.checkSeal();
    Map<String, NDArray> state = new LinkedHashMap<>(opened.readWeights());
    NDArray centre = state.remove("centre");
    network.loadStateDict(state);
    return new Loaded(new DeepSvdd(network, centre), json.integer("normal_class"), threshold);
  }
}
