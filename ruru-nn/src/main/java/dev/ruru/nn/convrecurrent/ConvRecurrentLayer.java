package dev.ruru.nn.convrecurrent;

import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.RecurrentState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A stack of convolutional recurrent cells run over image sequences [batch, steps, channels, H, W]:
 * layer l reads the hidden maps of layer l − 1 at every step (layer 0 the input). Parameters are the
 * cells' under their layer index ({@code 0.gates.weight}, {@code 1.gates.weight}, ...).
 *
 * <pre>{@code
 * ConvLSTM encoder = new ConvLSTM(16, new int[] {32, 32}, 5, DType.FLOAT32, rng);
 * ConvRecurrentOutput out = encoder.run(frames, null);   // frames [8, 10, 16, 16, 16]
 * out.output();                                          // [8, 10, 32, 16, 16]
 * out.states();                                          // each layer's (h, c), [8, 32, 16, 16]
 * }</pre>
 */
public abstract sealed class ConvRecurrentLayer implements Layer permits ConvLSTM, ConvGRU {
  private final String name;
  private final List<ConvRecurrentCell> cells;

  /** Cells made by {@code cell}(in, hidden) for each entry of {@code hiddenChannels}, each layer reading the last one's maps. */
  ConvRecurrentLayer(String name, int inputChannels, int[] hiddenChannels, BiFunction<Integer, Integer, ConvRecurrentCell> cell) {
    if (hiddenChannels.length == 0) {
      throw new IllegalArgumentException(name + ": at least one layer is needed; got no hidden channel counts");
    }
    this.name = name;
    List<ConvRecurrentCell> made = new ArrayList<>();
    int in = inputChannels;
    for (int hidden : hiddenChannels) {
      made.add(cell.apply(in, hidden));
      in = hidden;
    }
    this.cells = List.copyOf(made);
  }

  /** The outputs and each layer's final state, from {@code initial} (one state per layer; null: zeros). */
  public ConvRecurrentOutput run(Tensor input, List<RecurrentState> initial) {
    if (input.rank() != 5 || input.shape().dim(2) != inputChannels()) {
      throw new IllegalArgumentException(this + ": expected input [batch, steps, " + inputChannels() + ", height, width], got " + input.shape());
    }
    if (initial != null && initial.size() != cells.size()) {
      throw new IllegalArgumentException(this + ": " + initial.size() + " initial states for " + cells.size() + " layers");
    }
    int steps = input.shape().dim(1);
    List<Tensor> frames = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      frames.add(frame(input, t));
    }
    List<RecurrentState> finals = new ArrayList<>();
    for (int layer = 0; layer < cells.size(); layer++) {
      RecurrentState state = initial == null ? null : initial.get(layer);
      for (int t = 0; t < steps; t++) {
        state = cells.get(layer).step(frames.get(t), state);
        frames.set(t, state.hidden());
      }
      finals.add(state);
    }
    return new ConvRecurrentOutput(Tensor.concat(frames.stream().map(ConvRecurrentLayer::withStepAxis).toList(), 1), finals);
  }

  /** The last layer's hidden maps at every step, from zero states. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return run(input, null).output();
  }

  private static Tensor frame(Tensor sequence, int t) {
    Tensor step = sequence.slice(1, t, t + 1, 1);
    int[] dims = step.shape().dims();
    return step.reshape(dims[0], dims[2], dims[3], dims[4]);
  }

  private static Tensor withStepAxis(Tensor maps) {
    int[] dims = maps.shape().dims();
    return maps.reshape(dims[0], 1, dims[1], dims[2], dims[3]);
  }

  @Override
  public Map<String, Layer> children() {
    Map<String, Layer> children = new LinkedHashMap<>();
    for (int layer = 0; layer < cells.size(); layer++) {
      children.put(String.valueOf(layer), cells.get(layer));
    }
    return children;
  }

  @Override
  public Map<String, Parameter> parameters() {
    List<Map<String, Parameter>> parts = new ArrayList<>();
    for (int layer = 0; layer < cells.size(); layer++) {
      parts.add(Params.nested(String.valueOf(layer), cells.get(layer).parameters()));
    }
    return Params.merge(parts);
  }

  public List<ConvRecurrentCell> cells() { return cells; }
  public int inputChannels() { return cells.get(0).inputChannels(); }
  public int[] hiddenChannels() { return cells.stream().mapToInt(ConvRecurrentCell::hiddenChannels).toArray(); }

  @Override
  public String toString() {
    return name + "(" + inputChannels() + " -> " + Arrays.toString(hiddenChannels()) + ", kernel " + cells.get(0).kernelSize() + "x"
        + cells.get(0).kernelSize() + ")";
  }
}
