package dev.ruru.models.wavenet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.train.model.ModelJson;
import dev.ruru.train.model.ParameterShape;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The sizes of a {@link WaveNet}: {@code stacks} repetitions of {@code layersPerStack} gated layers of
 * kernel 2 with dilations 1, 2, 4, …, 2^(layersPerStack − 1), each {@code residualChannels} wide with a
 * {@code skipChannels}-wide skip output; {@code digits} conditioning classes; the audio's sample rate,
 * kept so that generated audio plays at the speed it was trained at. The receptive field, the samples
 * one prediction sees, is 1 + stacks·(2^layersPerStack − 1).
 *
 * @param digits the conditioning classes (10 spoken digits); each layer adds a learned bias per class
 */
public record WaveNetSpec(int residualChannels, int skipChannels, int layersPerStack, int stacks, int digits, int sampleRate) {
  /** Taps of every dilated convolution: the sample d steps back and the current one. */
  public static final int KERNEL = 2;

  public WaveNetSpec {
    if (residualChannels < 1 || skipChannels < 1) {
      throw new IllegalArgumentException("wavenet: the residual and skip channels must be positive, got " + residualChannels + " and "
          + skipChannels);
    }
    if (layersPerStack < 1 || layersPerStack > 16 || stacks < 1) {
      throw new IllegalArgumentException("wavenet: layers per stack must be in 1..16 (dilations up to 2^15) and stacks positive, got "
          + layersPerStack + " and " + stacks);
    }
    if (digits < 1) {
      throw new IllegalArgumentException("wavenet: the conditioning classes must be positive, got " + digits);
    }
    if (sampleRate < 1) {
      throw new IllegalArgumentException("wavenet: the sample rate must be positive, got " + sampleRate);
    }
  }

  /** The defaults of {@code ruru train --model wavenet}: 32 residual and 64 skip channels, 2 stacks of dilations 1..128 (receptive field 511). */
  public static WaveNetSpec defaults(int sampleRate) {
    return new WaveNetSpec(32, 64, 8, 2, 10, sampleRate);
  }

  /** All gated layers, over every stack. */
  public int layers() {
    return layersPerStack * stacks;
  }

  /** The dilation of gated layer {@code layer} (0-based over all stacks): 2^(layer mod layersPerStack). */
  public int dilation(int layer) {
    return 1 << (layer % layersPerStack);
  }

  /** The samples one prediction depends on: itself and Σ dilation·(kernel − 1) before it. */
  public int receptiveField() {
    return 1 + stacks * ((1 << layersPerStack) - 1);
  }

  /** The network's tensors by name, dtype and shape, for checking a saved file before loading it. */
  public Stream<ParameterShape> shapes() {
    return new WaveNet(this, new SplittableRandom(0)).stateDict().entrySet().stream()
        .map(entry -> ParameterShape.of(entry.getKey(), entry.getValue().dtype(), entry.getValue().shape()));
  }

  /** {@code "wavenet residual 32 skip 64 layers 8x2 digits 10 at 8000 Hz (receptive field 511)"}. */
  public String describe() {
    return String.format(Locale.ROOT, "wavenet residual %d skip %d layers %dx%d digits %d at %d Hz (receptive field %d)", residualChannels,
        skipChannels, layersPerStack, stacks, digits, sampleRate, receptiveField());
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("architecture", "wavenet");
    node.put("residual_channels", residualChannels);
    node.put("skip_channels", skipChannels);
    node.put("layers_per_stack", layersPerStack);
    node.put("stacks", stacks);
    node.put("digits", digits);
    node.put("sample_rate", sampleRate);
    return node;
  }

  /** The spec in {@code json} (as {@link #toJson} writes it), checked strictly. */
  public static WaveNetSpec fromJson(ModelJson json) {
    json.checkKeys(List.of("architecture", "residual_channels", "skip_channels", "layers_per_stack", "stacks", "digits", "sample_rate"),
        List.of());
    if (!"wavenet".equals(json.text("architecture"))) {
      throw json.mismatch("architecture", "\"wavenet\"");
    }
    return new WaveNetSpec(json.integer("residual_channels"), json.integer("skip_channels"), json.integer("layers_per_stack"),
        json.integer("stacks"), json.integer("digits"), json.integer("sample_rate"));
  }
}
