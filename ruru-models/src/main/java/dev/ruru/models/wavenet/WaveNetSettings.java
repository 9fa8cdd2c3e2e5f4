package dev.ruru.models.wavenet;

import java.util.HashMap;
import java.util.Map;

/**
 * What a WaveNet run trains: the network's sizes and sample rate ({@link WaveNetSpec}), the training
 * windows ({@code window} predicted codes each, cut every window/2 samples), the batch, Adam's learning
 * rate and the seed of the weights and the shuffles.
 */
public record WaveNetSettings(WaveNetSpec spec, int window, int batchSize, double learningRate, long seed) {
  public WaveNetSettings {
    if (window < 2) {
      throw new IllegalArgumentException("wavenet: --window must be at least 2 samples, got " + window);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("wavenet: --batch-size must be positive, got " + batchSize);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("wavenet: --lr must be positive, got " + learningRate);
    }
  }

  /** {@code ruru train --model wavenet}'s defaults: {@link WaveNetSpec#defaults} at 8 kHz, windows of 1024, batch 8, Adam 1e-3. */
  public static WaveNetSettings defaults(long seed) {
    return new WaveNetSettings(WaveNetSpec.defaults(8000), 1024, 8, 1e-3, seed);
  }

  /** What a checkpoint keeps to resume with: {@code "residual=32 skip=64 ... seed=0"}. */
  public String toText() {
    return "residual=" + spec.residualChannels() + " skip=" + spec.skipChannels() + " layers=" + spec.layersPerStack() + " stacks="
        + spec.stacks() + " digits=" + spec.digits() + " rate=" + spec.sampleRate() + " window=" + window + " batch=" + batchSize
        + " lr=" + learningRate + " seed=" + seed;
  }

  /** The settings {@link #toText} wrote; {@code source} names the file in a message. */
  public static WaveNetSettings fromText(String text, String source) {
    Map<String, String> values = new HashMap<>();
    for (String pair : text.trim().split(" ")) {
      String[] parts = pair.split("=", 2);
      values.put(parts[0], parts.length == 2 ? parts[1] : "");
    }
    try {
      WaveNetSpec spec = new WaveNetSpec(Integer.parseInt(values.get("residual")), Integer.parseInt(values.get("skip")),
          Integer.parseInt(values.get("layers")), Integer.parseInt(values.get("stacks")), Integer.parseInt(values.get("digits")),
          Integer.parseInt(values.get("rate")));
      return new WaveNetSettings(spec, Integer.parseInt(values.get("window")), Integer.parseInt(values.get("batch")),
          Double.parseDouble(values.get("lr")), Long.parseLong(values.get("seed")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(source + ": unreadable WaveNet settings '" + text + "' (" + e.getMessage() + ")", e);
    }
  }
}
