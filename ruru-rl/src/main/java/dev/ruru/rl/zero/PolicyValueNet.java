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
 * AlphaZero's two-headed network, as a small multi-layer perceptron: a shared trunk of two ReLU layers
 * reads the board encoding {@code [batch, planes·rows·columns]}; a policy head gives one logit per
 * action and a value head {@code tanh(·)}, the expected result for the player to move in [-1, 1]. The
 * output is {@code [batch, actions + 1]}: the logits, then the value (one tensor, so it is a
 * {@link Layer} that checkpoints and safetensors save like any other).
 */
public final class PolicyValueNet implements Layer {
  private final Game game;
  private final int hidden;
  private final Sequential trunk;
  private final Linear policy;
  private final Linear value;

  /** A network for {@code game} with {@code hidden} units in each trunk layer, initialised from {@code rng}. */
  public PolicyValueNet(Game game, int hidden, RandomGenerator rng) {
    if (hidden < 1) {
      throw new IllegalArgumentException("PolicyValueNet: invalid hidden size " + hidden + " (must be >= 1)");
    }
    this.game = game;
    this.hidden = hidden;
    this.trunk = new Sequential(new Linear(game.encodingSize(), hidden, rng), new ReLU(), new Linear(hidden, hidden, rng), new ReLU());
    this.policy = new Linear(hidden, game.actionCount(), rng);
    this.value = new Linear(hidden, 1, rng);
  }

  public Game game() { return game; }
  public int hidden() { return hidden; }

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
