package dev.ruru.rl.policy;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Init;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Mode;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Tanh;
import dev.ruru.rl.env.Box;
import dev.ruru.rl.env.Discrete;
import dev.ruru.rl.env.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A policy π(a | s) and a value function V(s) as two separate multi-layer perceptrons with tanh hidden
 * layers (CleanRL's and Stable-Baselines3's default for classic control: 64, 64). The actor outputs the
 * logits of a categorical distribution over the discrete actions; the critic one number. A discrete
 * observation (FrozenLake's cell) enters as a one-hot vector.
 *
 * <p>The actor's last layer starts near zero (weights N(0, 0.01²)), so the first policy is close to
 * uniform, as the orthogonal initialisation with gain 0.01 of the PPO implementations makes it.
 *
 * <p>DQN reads the actor's outputs as Q-values: {@link #qNetwork} builds it as Stable-Baselines3's
 * Q-network, ReLU hidden layers and every layer initialised as PyTorch's {@code nn.Linear}.
 */
public final class ActorCritic {
  /** The hidden layers' nonlinearity. */
  public enum Activation { TANH, RELU }

  private final Space observations;
  private final int actions;
  private final Activation activation;
  private final Sequential actor;
  private final Sequential critic;

  /** Networks for {@code observations} and {@code actions} with the given tanh hidden widths, drawn from {@code random}. */
  public ActorCritic(Space observations, Discrete actions, int[] hidden, RandomGenerator random) {
    this(observations, actions, hidden, Activation.TANH, random);
  }

  /** Networks with {@code activation} hidden layers; a ReLU network is {@link #qNetwork}'s (every layer PyTorch's default initialisation). */
  public ActorCritic(Space observations, Discrete actions, int[] hidden, Activation activation, RandomGenerator random) {
    this.observations = observations;
    this.actions = actions.n();
    this.activation = activation;
    int inputs = inputSize(observations);
    boolean policyGradient = activation == Activation.TANH;
    this.actor = mlp(inputs, hidden, this.actions, policyGradient ? Init.normal(0, 0.01) : null, random);
    this.critic = mlp(inputs, hidden, 1,
        policyGradient ? Init.normal(0, 1.0 / Math.sqrt(hidden.length == 0 ? inputs : hidden[hidden.length - 1])) : null, random);
  }

  /** DQN's network: ReLU hidden layers, PyTorch's default initialisation, the actor's outputs read as Q(s, ·). */
  public static ActorCritic qNetwork(Space observations, Discrete actions, int[] hidden, RandomGenerator random) {
    return new ActorCritic(observations, actions, hidden, Activation.RELU, random);
  }

  /** An MLP with this policy's activation; {@code lastWeights} null: the last layer as every other (PyTorch's default). */
  private Sequential mlp(int inputs, int[] hidden, int outputs, Init lastWeights, RandomGenerator random) {
    List<Layer> layers = new ArrayList<>();
    int width = inputs;
    for (int h : hidden) {
      layers.add(new Linear(width, h, random));
      layers.add(activation == Activation.TANH ? new Tanh() : new ReLU());
      width = h;
    }
    layers.add(lastWeights == null ? new Linear(width, outputs, random) : new Linear(width, outputs, lastWeights, Init.zeros(), DType.FLOAT32, random));
    return new Sequential(layers);
  }

  /** Numbers the networks take per observation: a box's size, or a discrete space's n (one-hot). */
  public static int inputSize(Space space) {
    return switch (space) {
      case Discrete discrete -> discrete.n();
      case Box box -> box.size();
    };
  }

  public Sequential actor() { return actor; }
  public Sequential critic() { return critic; }
  public int actionCount() { return actions; }
  public Activation activation() { return activation; }
  public int inputSize() { return inputSize(observations); }

  /** Observations as the networks' input [n, inputSize] (float32): a box's numbers, or one-hot cells. */
  public NDArray encode(double[][] rows) {
    int width = inputSize();
    float[] data = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      if (observations instanceof Discrete discrete) {
        data[i * width + (int) rows[i][0] - discrete.start()] = 1;
      } else {
        checkWidth(rows[i], width);
        for (int k = 0; k < width; k++) {
          data[i * width + k] = (float) rows[i][k];
        }
      }
    }
    return NDArray.wrap(data, rows.length, width);
  }

  private static void checkWidth(double[] row, int width) {
    if (row.length != width) {
      throw new IllegalArgumentException("ActorCritic: the policy takes observations of " + width + " numbers, got " + row.length
          + "; was it trained on another environment?");
    }
  }

  /** The actor's logits [n, actions] for encoded observations [n, inputSize]. */
  public Tensor logits(Tensor input, Mode mode) {
    return actor.forward(input, mode);
  }

  /** The critic's values [n] for encoded observations [n, inputSize]. */
  public Tensor values(Tensor input, Mode mode) {
    Tensor v = critic.forward(input, mode);
    return v.reshape(v.shape().dim(0));
  }

  /** Actions drawn from π(· | s) for each row, with their log-probabilities and the critic's values; no gradients. */
  public Decision act(double[][] rows, RandomGenerator random) {
    return Autodiff.noGrad(() -> {
      Tensor input = Tensor.constant(encode(rows));
      float[] logProbabilities = logits(input, Mode.EVAL).logSoftmax(1).value().toFloatArray();
      float[] values = values(input, Mode.EVAL).value().toFloatArray();
      Decision decision = new Decision(new int[rows.length], new double[rows.length], new double[rows.length]);
      for (int i = 0; i < rows.length; i++) {
        int action = sample(logProbabilities, i * actions, random);
        decision.actions()[i] = action;
        decision.logProbabilities()[i] = logProbabilities[i * actions + action];
        decision.values()[i] = values[i];
      }
      return decision;
    });
  }

  /** Inverse-CDF sampling from one row of log-probabilities: one uniform draw per action, so runs are reproducible. */
  private int sample(float[] logProbabilities, int offset, RandomGenerator random) {
    double draw = random.nextDouble();
    double cumulative = 0;
    for (int a = 0; a < actions - 1; a++) {
      cumulative += Math.exp(logProbabilities[offset + a]);
      if (draw < cumulative) {
        return a;
      }
    }
    return actions - 1;
  }

  /** The most probable action for each row (evaluation). */
  public int[] greedy(double[][] rows) {
    return Autodiff.noGrad(() -> logits(Tensor.constant(encode(rows)), Mode.EVAL).value().argmax(1).toIntArray());
  }

  /** The critic's values for each row; no gradients. */
  public double[] valuesOf(double[][] rows) {
    return Autodiff.noGrad(() -> values(Tensor.constant(encode(rows)), Mode.EVAL).value().toDoubleArray());
  }

  /** What {@link #act} chose for each row. */
  public record Decision(int[] actions, double[] logProbabilities, double[] values) {}

  @Override
  public String toString() {
    return "ActorCritic(inputs=" + inputSize() + ", actions=" + actions + ", actor=" + actor + ", critic=" + critic + ")";
  }
}
