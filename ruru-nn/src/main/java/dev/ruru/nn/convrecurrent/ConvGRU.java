package dev.ruru.nn.convrecurrent;

import dev.ruru.array.DType;
import dev.ruru.nn.Seed;
import java.util.random.RandomGenerator;

/** Stacked {@link ConvGRUCell}s over image sequences [batch, steps, channels, H, W]; see {@link ConvRecurrentLayer}. */
public final class ConvGRU extends ConvRecurrentLayer {
  /** One layer per entry of {@code hiddenChannels}, all with {@code kernelSize}×{@code kernelSize} convolutions. */
  public ConvGRU(int inputChannels, int[] hiddenChannels, int kernelSize, DType dtype, RandomGenerator rng) {
    super("ConvGRU", inputChannels, hiddenChannels, (in, hidden) -> new ConvGRUCell(in, hidden, kernelSize, dtype, rng));
  }

  /** float32, drawing from the global {@link Seed#generator()}. */
  public ConvGRU(int inputChannels, int[] hiddenChannels, int kernelSize) {
    this(inputChannels, hiddenChannels, kernelSize, DType.FLOAT32, Seed.generator());
  }
}
