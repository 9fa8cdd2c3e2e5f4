package dev.ruru.rl.zero;

import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.rl.games.Game;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * AlphaZero's two-headed network: a shared trunk reads the board encoding
 * {@code [batch, planes·rows·columns]}; a policy head gives one logit per action and a value head
 * {@code tanh(·)}, the expected result for the player to move in [-1, 1]. The trunk is a small
 * multi-layer perceptron (two ReLU layers of {@code hidden} units; {@code blocks = 0}) or a
 * {@link ResidualTrunk} of {@code hidden} channels and {@code blocks} residual blocks, whose value head
 * has a ReLU layer of {@value #VALUE_UNITS} units of its own (as AlphaZero's). The output is
 * {@code [batch, actions + 1]}: the logits, then the value (one tensor, so it is a {@link Layer} that
 * checkpoints and safetensors save like any other).
 */
public final class PolicyValueNet implements Layer {
  /** Units of the convolutional network's value layer. */
  public static final int VALUE_UNITS = 64;

  private final Game game;
  private final int hidden;
  private final int blocks;
  private final Layer trunk;
  private final Linear policy;
  private final Layer value;

  /** A network for {@code game} with {@code hidden} units in each trunk layer of a perceptron, initialised from {@code rng}. */
  public PolicyValueNet(Game game, int hidden, RandomGenerator rng) {
    this(game, hidden, 0, rng);
  }

  /** A network with a convolutional trunk of {@code hidden} channels and {@code blocks} residual blocks, or the perceptron when {@code blocks} is 0. */
  public PolicyValueNet(Game game, int hidden, int blocks, RandomGenerator rng) {
    if (hidden < 1 || blocks < 0) {
      throw new IllegalArgumentException("PolicyValueNet: invalid hidden size " + hidden + " or blocks " + blocks
          + " (hidden must be >= 1, blocks >= 0; 0 blocks is the perceptron)");
    }
    this.game = game;
    this.hidden = hidden;
    this.blocks = blocks;
    if (blocks == 0) {
      this.trunk = new Sequential(new Linear(game.encodingSize(), hidden, rng), new ReLU(), new Linear(hidden, hidden, rng), new ReLU());
      this.policy = new Linear(hidden, game.actionCount(), rng);
      this.value = new Linear(hidden, 1, rng);
    } else {
      ResidualTrunk residual = new ResidualTrunk(game, hidden, blocks, rng);
      this.trunk = residual;
      this.policy = new Linear(residual.outputSize(), game.actionCount(), rng);
      this.value = new Sequential(new Linear(residual.outputSize(), VALUE_UNITS, rng), new ReLU(), new Linear(VALUE_UNITS, 1, rng));
    }
  }

  public Game game() { return game; }
  /** Units of each perceptron layer, or channels of the convolutional trunk. */
  public int hidden() { return hidden; }
  /** Residual blocks of the convolutional trunk; 0 for the perceptron. */
  public int blocks() { return blocks; }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    if (input.rank() != 2 || input.shape().dim(1) != game.encodingSize()) {
      throw new IllegalArgumentException("PolicyValueNet(" + game.name() + "): expected input [batch, " + game.encodingSize() + "], got "
          + input.shape() + "; encode positions with Position.encode()");
    }
    Tensor features = trunk.forward(input, mode);
    return Tensor.concat(List.of(policy.forward(features, mode), value.forward(features, mode).tanh()), 1);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.merge(Params.nested("trunk", trunk.parameters()), Params.nested("policy", policy.parameters()),
        Params.nested("value", value.parameters()));
  }
}
