package dev.ruru.models.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.linalg.Pca;
import dev.ruru.data.Standardizer;
import dev.ruru.models.latent.LatentModel;
import dev.ruru.models.latent.LatentSpec;
import dev.ruru.nn.Layer;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import dev.ruru.train.model.ParameterShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A saved one-class detector with its threshold: {@code model.json} ({@code "format": "ruru-anomaly"}, the
 * detector's kind, the normal class, the threshold and its false-positive rate; an autoencoder's or VAE's
 * {@code model} and {@code loss}; a table detector's {@code features}) and {@code model.safetensors} (a
 * PCA's mean, components and variances; Deep SVDD's network state and {@code centre}, its code size in
 * {@code components}; an autoencoder's or VAE's state; a table's column statistics {@code standardizer.mean} and {@code standardizer.std}),
 * sealed as {@link ModelDirectory} describes.
 */
public final class AnomalyModelFiles {
  public static final String PCA = "pca";
  public static final String DEEP_SVDD = "deep-svdd";
  public static final String AUTOENCODER = "autoencoder";
  public static final String VAE = "vae";
  public static final List<String> DETECTORS = List.of(PCA, DEEP_SVDD, AUTOENCODER, VAE);
  static final String FORMAT = "ruru-anomaly";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru anomaly detector", "`ruru anomaly train --out DIR`",
      "; other models are used with `ruru predict` or `ruru generate`");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int SIDE = 28;
  private static final String MEAN = "standardizer.mean";
  private static final String STD = "standardizer.std";

  private AnomalyModelFiles() {}

  /** A detector read back with the class it takes as normal and its threshold. */
  public record Loaded(AnomalyDetector detector, int normalClass, Threshold threshold) {}

  public static void save(Path directory, AnomalyDetector detector, int normalClass, Threshold threshold) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", ModelDirectory.SEALED_VERSION);
    Map<String, NDArray> state = new LinkedHashMap<>();
    if (detector instanceof TabularDetector table) {
      root.put("features", table.features());
      state.put(MEAN, table.standardizer().mean());
      state.put(STD, table.standardizer().std());
      describe(table.detector(), root, state);
    } else {
      describe(detector, root, state);
    }
    root.put("normal_class", normalClass);
    root.put("threshold", threshold.value());
    root.put("false_positive_rate", threshold.falsePositiveRate());
    root.put("weights", ModelDirectory.WEIGHTS);
    root.put("summary", detector.describe());
    ModelDirectory.write(directory, state, detector.describe(), JSON.writeValueAsString(root) + "\n");
  }

  private static void describe(AnomalyDetector detector, ObjectNode root, Map<String, NDArray> state) {
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
        root.put("components", svdd.centre().dim(0));
        state.putAll(svdd.network().stateDict());
        state.put("centre", svdd.centre());
      }
      case LatentDetector latent -> {
        root.put("detector", latent.model().spec().isVariational() ? VAE : AUTOENCODER);
        root.set("model", latent.model().spec().toJson());
        root.put("loss", latent.loss());
        state.putAll(latent.model().stateDict());
      }
      default -> throw new IllegalArgumentException("anomaly: cannot save a " + detector.describe() + " detector");
    }
  }

  public static Loaded load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelJson json = opened.json();
    json.checkKeys(List.of("format", "version", "detector", "normal_class", "threshold", "false_positive_rate"),
        List.of("components", "model", "loss", "features", "weights", "summary"));
    ModelDirectory.checkKeysForPeople(json);
    String kind = json.text("detector");
    if (!DETECTORS.contains(kind)) {
      throw json.mismatch("detector", "one of " + DETECTORS);
    }
    Threshold threshold = new Threshold(json.number("threshold"), json.number("false_positive_rate"));
    int features = json.has("features") ? json.integer("features") : 0;
    List<ParameterShape> shapes = new ArrayList<>();
    if (features > 0) {
      shapes.add(ParameterShape.of(MEAN, DType.FLOAT32, features));
      shapes.add(ParameterShape.of(STD, DType.FLOAT32, features));
    }
    Restorer restorer = restorer(kind, json, features, shapes);
    opened.checkTensors(shapes.stream(), kind);
    opened.checkSeal();
    Map<String, NDArray> state = new LinkedHashMap<>(opened.readWeights());
    AnomalyDetector detector = features > 0
        ? new TabularDetector(new Standardizer(state.remove(MEAN), state.remove(STD)), restorer.restore(state))
        : restorer.restore(state);
    return new Loaded(detector, json.integer("normal_class"), threshold);
  }

  /** Rebuilds a detector from its state once the file's tensors were checked. */
  private interface Restorer {
    AnomalyDetector restore(Map<String, NDArray> state);
  }

  /** The tensors {@code kind} needs (added to {@code shapes}) and how to rebuild it; inputs are images unless {@code features > 0}. */
  private static Restorer restorer(String kind, ModelJson json, int features, List<ParameterShape> shapes) {
    int size = features > 0 ? features : SIDE * SIDE;
    int[] inputShape = features > 0 ? new int[] {features} : new int[] {SIDE, SIDE};
    return switch (kind) {
      case PCA -> {
        int k = json.integer("components");
        shapes.addAll(List.of(ParameterShape.of("mean", DType.FLOAT64, size), ParameterShape.of("components", DType.FLOAT64, k, size),
            ParameterShape.of("explained_variance", DType.FLOAT64, k), ParameterShape.of("explained_variance_ratio", DType.FLOAT64, k)));
        yield state -> new PcaDetector(new Pca(state.get("mean"), state.get("components"), state.get("explained_variance"),
            state.get("explained_variance_ratio")), inputShape);
      }
      case DEEP_SVDD -> {
        int code = features > 0 ? json.integer("components") : DeepSvdd.CODE;
        Layer network = features > 0 ? DeepSvdd.tableNetwork(features, code, new SplittableRandom(0)) : DeepSvdd.network(new SplittableRandom(0));
        network.stateDict().forEach((name, value) -> shapes.add(ParameterShape.of(name, value.dtype(), value.shape())));
        shapes.add(ParameterShape.of("centre", DType.FLOAT32, code));
        yield state -> {
          NDArray centre = state.remove("centre");
          network.loadStateDict(state);
          return new DeepSvdd(network, centre, Shape.of(inputShape));
        };
      }
      default -> {
        LatentSpec spec = LatentSpec.fromJson(json.object("model"));
        if (spec.isVariational() != kind.equals(VAE) || spec.pixels() != size) {
          throw json.mismatch("model", "a " + (kind.equals(VAE) ? "vae" : "autoencoder") + " of " + size + " inputs");
        }
        String loss = json.text("loss");
        spec.parameterShapes().forEach(shapes::add);
        LatentModel model = spec.build(new ResumableRandom(0));
        yield state -> {
          model.loadStateDict(state);
          return new LatentDetector(model, loss, features > 0 ? LatentDetector.TABLE_OFFSET : 0, features > 0 ? LatentDetector.TABLE_SCALE : 1);
        };
      }
    };
  }
}
