package dev.ruru.nn.convrecurrent;

import dev.ruru.array.DType;
import dev.ruru.nn.Seed;
import java.util.random.RandomGenerator;

/** Stacked {@link ConvLSTMCell}s over image sequences [batch, steps, channels, H, W]; see {@link ConvRecurrentLayer}. */
public final class ConvLSTM extends ConvRecurrentLayer {
  /** One layer per entry of {@code hiddenChannels}, all with {@code kernelSize}×{@code kernelSize} convolutions. */
  public ConvLSTM(int inputChannels, int[] hiddenChannels, int kernelSize, DType dtype, RandomGenerator rng) {
    super("ConvLSTM", inputChannels, hiddenChannels, (in, hidden) -> new ConvLSTMCell(in, hidden, kernelSize, dtype, rng));
  }

  /** float32, drawing from the global {@link Seed#generator()}. */
  public ConvLSTM(int inputChannels, int[] hiddenChannels, int kernelSize) {
    this(inputChannels, hiddenChannels, kernelSize, DType.FLOAT32, Seed.generator());
  }
}
