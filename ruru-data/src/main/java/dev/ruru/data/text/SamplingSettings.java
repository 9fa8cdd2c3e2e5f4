package dev.ruru.data.text;

/**
 * How {@link TokenSampler} turns logits into the next token, named as {@code ruru generate}'s flags.
 *
 * @param temperature {@code T >= 0}: logits are divided by {@code T} before the softmax, so {@code T < 1}
 *     sharpens the distribution and {@code T > 1} flattens it; {@code T = 0} is greedy decoding (always the
 *     most likely token)
 * @param topK {@code k >= 1} keeps only the {@code k} largest logits (all tied with the {@code k}-th are
 *     kept too); {@code 0} keeps every token
 * @param topP {@code 0 < p <= 1} keeps the smallest set of most likely tokens whose probability reaches
 *     {@code p} (nucleus sampling); {@code 1} keeps every token
 */
public record SamplingSettings(double temperature, int topK, double topP) {
  /** Plain sampling from the model's distribution: {@code T = 1}, no top-k, no top-p. */
  public static final SamplingSettings DEFAULT = new SamplingSettings(1, 0, 1);

  public SamplingSettings {
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a finite number >= 0 (0 picks the most likely token), got " + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("top-k must be >= 1 (or 0 to keep every token), got " + topK);
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("top-p must be in (0, 1] (1 keeps every token), got " + topP);
    }
  }

  /** Greedy decoding: temperature 0. */
  public static SamplingSettings greedy() {
    return DEFAULT.withTemperature(0);
  }

  /** These settings with another temperature. */
  public SamplingSettings withTemperature(double newTemperature) {
    return new SamplingSettings(newTemperature, topK, topP);
  }

  /** These settings with another top-k (0 for none). */
  public SamplingSettings withTopK(int newTopK) {
    return new SamplingSettings(temperature, newTopK, topP);
  }

  /** These settings with another top-p (1 for none). */
  public SamplingSettings withTopP(double newTopP) {
    return new SamplingSettings(temperature, topK, newTopP);
  }

  /** Whether the next token is the argmax, with no randomness. */
  public boolean isGreedy() {
    return temperature == 0;
  }
}
