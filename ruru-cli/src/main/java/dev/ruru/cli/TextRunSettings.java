package dev.ruru.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The settings of one language-model run of {@code ruru train}, kept in its checkpoint (with the
 * vocabulary and the text's SHA-256) so that {@code --resume} continues with exactly these.
 *
 * @param text where the text came from: a path, or the embedded sample's name
 * @param textSha256 the SHA-256 of the text's UTF-8 bytes, so a resume cannot silently train on another text
 * @param steps total steps of random windows, or 0 when training by epochs over the windows
 * @param bptt whether to train by truncated backpropagation through time (parallel streams read chunk by
 *     chunk, the state carried) instead of on independent windows
 * @param controls the learning-rate schedule, early stopping and gradient clipping
 */
record TextRunSettings(String model, String text, String textSha256, int seqLen, int embedding, int hidden, int layers, int heads,
    double dropout, OptimizerChoice optimizer, double learningRate, double momentum, double weightDecay, int batchSize,
    double validationSplit, int steps, boolean bptt, long seed, TrainingControls controls) {
  static final String KEY = "ruru.train.text_settings";
  static final String VOCABULARY_KEY = "ruru.train.vocabulary";
  private static final ObjectMapper JSON = new ObjectMapper();

  TextRunSettings {
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

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("TextRunSettings: cannot write JSON", e);
    }
  }

  static TextRunSettings fromJson(String json, String source) {
    try {
      return JSON.readValue(json, TextRunSettings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": the saved language-model settings are not readable: " + e.getOriginalMessage(), e);
    }
  }
}
