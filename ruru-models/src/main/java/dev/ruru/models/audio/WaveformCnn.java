package dev.ruru.models.audio;

import dev.ruru.array.DType;
import dev.ruru.autodiff.Conv1dSpec;
import dev.ruru.autodiff.Pool1dSpec;
import dev.ruru.nn.AvgPool1d;
import dev.ruru.nn.BatchNorm1d;
import dev.ruru.nn.Conv1d;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.MaxPool1d;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Unflatten;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A 1-D CNN that hears the raw samples, no spectrogram: the M5 network of Dai et al. (2017, "Very deep
 * convolutional neural networks for raw waveforms"), narrowed. The first convolution's 80-sample kernels
 * (5 ms at 16 kHz) with stride 16 learn a filter bank of their own; each later block is a 3-tap
 * convolution (padding 1); every block is BatchNorm1d, ReLU and max-pooling by 4; a global average over
 * time and one linear layer give the ten scores:
 * <pre>
 *   [n, L] → [n, 1, L] → conv(1 → c₁, 80, stride 16) → … → conv(c_k−1 → c_k, 3) → mean over time → Linear(c_k, 10)
 * </pre>
 * With the default widths 16, 32, 64 a second at 16 kHz is 16000 → 996 → 249 → 62 → 15 samples long.
 */
public final class WaveformCnn {
  /** The first convolution's kernel and stride, in samples. */
  static final int FIRST_KERNEL = 80;
  static final int FIRST_STRIDE = 16;
  static final int POOL = 4;

  private WaveformCnn() {}

  /** The time steps left after every block, for clips of {@code length} samples; fails when nothing is left. */
  static int remaining(int length, int blocks) {
    int steps = (length - FIRST_KERNEL) / FIRST_STRIDE + 1;
    for (int block = 0; block < blocks; block++) {
      steps /= POOL;
    }
    if (length < FIRST_KERNEL || steps < 1) {
      throw new IllegalArgumentException("audio-cnn1d: " + blocks + " blocks leave nothing of clips of " + length
          + " samples; use fewer --channels");
    }
    return steps;
  }

  /** The network for clips of {@code length} samples, {@code classes} outputs, one block per entry of {@code channels}. */
  public static Sequential build(int length, int classes, List<Integer> channels, RandomGenerator rng) {
    int left = remaining(length, channels.size());
    List<Layer> layers = new ArrayList<>(List.of(new Unflatten(1, 1, length)));
    int previous = 1;
    for (int block = 0; block < channels.size(); block++) {
      int width = channels.get(block);
      Conv1dSpec spec = block == 0 ? Conv1dSpec.of(FIRST_STRIDE, 0) : Conv1dSpec.of(1, 1);
      layers.add(new Conv1d(previous, width, block == 0 ? FIRST_KERNEL : 3, spec, DType.FLOAT32, rng));
      layers.add(new BatchNorm1d(width));
      layers.add(new ReLU());
      layers.add(new MaxPool1d(Pool1dSpec.of(POOL)));
      previous = width;
    }
    layers.add(new AvgPool1d(Pool1dSpec.of(left)));
    layers.add(new Flatten());
    layers.add(new Linear(previous, classes, rng));
    return new Sequential(layers);
  }

  /** The network in one line, e.g. {@code "cnn1d 16000 samples conv 16,32,64 (80/16, 3) mean-64-10 float32"}. */
  public static String describe(int length, int classes, List<Integer> channels) {
    return "cnn1d " + length + " samples conv " + String.join(",", channels.stream().map(String::valueOf).toList()) + " ("
        + FIRST_KERNEL + "/" + FIRST_STRIDE + ", 3) batchnorm relu maxpool " + POOL + ", mean-" + channels.getLast() + "-" + classes + " float32";
  }
}
