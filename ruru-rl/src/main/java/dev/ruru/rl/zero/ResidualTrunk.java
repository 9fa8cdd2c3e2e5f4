package dev.ruru.rl.zero;

import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.rl.games.Game;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * AlphaZero's convolutional trunk, small: the board encoding {@code [batch, planes·rows·columns]} as
 * planes {@code [batch, planes, rows, columns]}, a 3×3 convolution to {@code channels} channels and ReLU,
 * then {@code blocks} residual blocks {@code x ← relu(x + conv(relu(conv(x))))} of 3×3 convolutions (padding
 * 1, so every layer keeps the board's size), flattened to {@code [batch, channels·rows·columns]}. A
 * convolution sees the same 3×3 pattern at every place on the board, so a line of stones is learnt once,
 * not once per offset as a dense layer must. No batch normalisation: searches evaluate one position at a
 * time, and short runs leave running statistics behind the weights.
 */
public final class ResidualTrunk implements Layer {
  private final Game game;
  private final int channels;
  private final Conv2d input;
  private final List<Conv2d[]> blocks = new ArrayList<>();

  /** A trunk for {@code game} of {@code channels} channels and {@code blocks} residual blocks, initialised from {@code rng}. */
  public ResidualTrunk(Game game, int channels, int blocks, RandomGenerator rng) {
    if (channels < 1 || blocks < 1) {
      throw new IllegalArgumentException("ResidualTrunk: invalid channels " + channels + " or blocks " + blocks + " (both must be >= 1)");
    }
    this.game = game;
    this.channels = channels;
    Conv2dSpec same = Conv2dSpec.of(1, 1);
    this.input = new Conv2d(game.planes(), channels, 3, same, rng);
    for (int block = 0; block < blocks; block++) {
      this.blocks.add(new Conv2d[] {new Conv2d(channels, channels, 3, same, rng), new Conv2d(channels, channels, 3, same, rng)});
    }
  }

  /** Numbers per position out of the trunk: {@code channels · rows · columns}. */
  public int outputSize() {
    return channels * game.rows() * game.columns();
  }

  @Override
  public Tensor forward(Tensor encoded, Mode mode) {
    int batch = encoded.shape().dim(0);
    Tensor x = input.forward(encoded.reshape(batch, game.planes(), game.rows(), game.columns()), mode).relu();
    for (Conv2d[] block : blocks) {
      x = x.add(block[1].forward(block[0].forward(x, mode).relu(), mode)).relu();
    }
    return x.reshape(batch, outputSize());
  }

  @Override
  public Map<String, Parameter> parameters() {
    Map<String, Parameter> parameters = new LinkedHashMap<>(Params.nested("input", input.parameters()));
    for (int block = 0; block < blocks.size(); block++) {
      parameters.putAll(Params.nested("block" + block + ".0", blocks.get(block)[0].parameters()));
      parameters.putAll(Params.nested("block" + block + ".1", blocks.get(block)[1].parameters()));
    }
    return parameters;
  }
}
