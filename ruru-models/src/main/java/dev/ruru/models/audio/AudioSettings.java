package dev.ruru.models.audio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.train.Checkpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of one spoken-digit classifier run ({@link AudioRun}), kept in its checkpoint so that
 * {@code --resume} continues with exactly these.
 *
 * @param model {@code audio-cnn} (log-mel pictures) or {@code audio-cnn1d} (raw samples, {@link WaveformCnn})
 * @param dataDirectory the corpus directory
 * @param manifestSha256 the SHA-256 of the corpus's manifest.csv: the corpus trained on
 * @param features the spectrogram the 2-D network sees (and the pictures of either)
 * @param channels convolution widths (3×3, ReLU, 2×2 max-pooling each)
 * @param hidden hidden dense widths
 * @param dropout dropout after each hidden dense layer
 * @param optimizer the optimiser
 * @param learningRate its learning rate
 * @param momentum its momentum (NaN for optimisers without one)
 * @param weightDecay its weight decay
 * @param batchSize clips per step
 * @param seed the seed of the initial weights, dropout and shuffles
 * @param controls the learning-rate schedule, early stopping and gradient clipping
 */
public record AudioSettings(String model, String dataDirectory, String manifestSha256, AudioFeatures features, List<Integer> channels,
    List<Integer> hidden, double dropout, OptimizerChoice optimizer, double learningRate, double momentum, double weightDecay,
    int batchSize, long seed, TrainingControls controls) {
  /** The checkpoint metadata key the settings are stored under. */
  public static final String KEY = "ruru.audio.settings";
  /** The model name of the CNN on log-mel spectrograms. */
  public static final String CNN = "audio-cnn";
  /** The model name of the 1-D CNN on raw samples. */
  public static final String CNN1D = "audio-cnn1d";
  /** Every model of the family. */
  public static final List<String> MODELS = List.of(CNN, CNN1D);
  private static final ObjectMapper JSON = new ObjectMapper();

  public AudioSettings {
    channels = List.copyOf(channels);
    hidden = List.copyOf(hidden);
    if (!MODELS.contains(model)) {
      throw new IllegalArgumentException("audio: unknown model '" + model + "'; expected one of " + MODELS);
    }
    if (channels.isEmpty() || channels.stream().anyMatch(width -> width < 1) || hidden.stream().anyMatch(width -> width < 1)) {
      throw new IllegalArgumentException("audio: channel and hidden widths must be >= 1 (and one channel width at least); got channels "
          + channels + ", hidden " + hidden);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("Invalid batch size: " + batchSize + " (must be >= 1)");
    }
  }

  /** The settings as one JSON object. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", model);
    root.put("data_dir", dataDirectory);
    root.put("manifest_sha256", manifestSha256);
    root.put("sample_rate", features.sampleRate());
    root.put("fft_size", features.fftSize());
    root.put("hop", features.hop());
    root.put("mels", features.mels());
    channels.forEach(root.putArray("channels")::add);
    hidden.forEach(root.putArray("hidden")::add);
    root.put("dropout", dropout);
    root.put("optimizer", optimizer.id());
    root.put("learning_rate", learningRate);
    if (!Double.isNaN(momentum)) {
      root.put("momentum", momentum);
    }
    root.put("weight_decay", weightDecay);
    root.put("batch_size", batchSize);
    root.put("seed", seed);
    controls.writeTo(root);
    return root.toString();
  }

  /** The settings a run stored in {@code checkpoint} (read from {@code file}); refused when it holds none. */
  public static AudioSettings of(Checkpoint checkpoint, Path file) {
    String json = checkpoint.extra().get(KEY);
    if (json == null) {
      throw new IllegalArgumentException("--resume: " + file + " is not a spoken-digit classifier's checkpoint (no " + KEY + ")");
    }
    return fromJson(json, file + ": " + KEY + " metadata");
  }

  /** The settings {@link #toJson} wrote; {@code source} names where they were read, in a message. */
  public static AudioSettings fromJson(String json, String source) {
    try {
      JsonNode root = JSON.readTree(json);
      List<Integer> channels = new ArrayList<>();
      root.path("channels").forEach(width -> channels.add(width.asInt()));
      List<Integer> hidden = new ArrayList<>();
      root.path("hidden").forEach(width -> hidden.add(width.asInt()));
      AudioFeatures features = new AudioFeatures(root.path("sample_rate").asInt(), root.path("fft_size").asInt(), root.path("hop").asInt(),
          root.path("mels").asInt());
      return new AudioSettings(root.path("model").asText(), root.path("data_dir").asText(), root.path("manifest_sha256").asText(), features,
          channels, hidden, root.path("dropout").asDouble(), OptimizerChoice.fromName(root.path("optimizer").asText()),
          root.path("learning_rate").asDouble(), root.has("momentum") ? root.get("momentum").asDouble() : Double.NaN,
          root.path("weight_decay").asDouble(), root.path("batch_size").asInt(), root.path("seed").asLong(), TrainingControls.readFrom(root));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": malformed settings: " + e.getOriginalMessage(), e);
    }
  }
}
