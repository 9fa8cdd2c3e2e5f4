package dev.ruru.models.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.train.model.ModelDirectory;
import java.nio.charset.StandardCharsets;

/**
 * The settings of one language-model run ({@link LanguageModelRun}), kept in its checkpoint (with the
 * vocabulary and the text's SHA-256) so that {@code --resume} continues with exactly these.
 *
 * @param text where the text came from: a path, or the embedded sample's name
 * @param textSha256 the SHA-256 of the text's UTF-8 bytes, so a resume cannot silently train on another text
 * @param steps total steps of random windows, or 0 when training by epochs over the windows
 * @param bptt whether to train by truncated backpropagation through time (parallel streams read chunk by
 *     chunk, the state carried) instead of on independent windows
 * @param controls the learning-rate schedule, early stopping and gradient clipping
 */
public record LanguageModelSettings(String model, String text, String textSha256, int seqLen, int embedding, int hidden, int layers, int heads,
    double dropout, OptimizerChoice optimizer, double learningRate, double momentum, double weightDecay, int batchSize,
    double validationSplit, int steps, boolean bptt, long seed, TrainingControls controls) {
  public static final String KEY = "ruru.train.text_settings";
  public static final String VOCABULARY_KEY = "ruru.train.vocabulary";
  private static final ObjectMapper JSON = new ObjectMapper();

  public LanguageModelSettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("Invalid --batch-size: " + batchSize + " (must be >= 1)");
    }
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException("Invalid --validation-split: " + validationSplit + " (must be in [0, 1))");
    }
    controls = controls == null ? TrainingControls.NONE : controls;
    if (steps < 0) {
      throw new IllegalArgumentException("Invalid --steps: " + steps + " (must be >= 1)");
    }
    if (bptt && steps > 0) {
      throw new IllegalArgumentException("--bptt reads the text's streams in order, epoch by epoch; give --epochs, not --steps");
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("LanguageModelSettings: cannot write JSON", e);
    }
  }

  public static LanguageModelSettings fromJson(String json, String source) {
    try {
      return JSON.readValue(json, LanguageModelSettings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": the saved language-model settings are not readable: " + e.getOriginalMessage(), e);
    }
  }

  /** The hex SHA-256 of {@code text}'s UTF-8 bytes: the text's identity in {@link #textSha256}. */
  public static String sha256(String text) {
    return ModelDirectory.sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
