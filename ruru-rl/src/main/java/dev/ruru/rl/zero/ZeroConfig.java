package dev.ruru.rl.zero;

import dev.ruru.rl.games.ConnectionGame;
import dev.ruru.rl.games.Game;

/**
 * The hyper-parameters of AlphaZero training, in one place.
 *
 * @param game the game learnt
 * @param hidden units in each of the network's two perceptron layers, or channels of its convolutional trunk
 * @param blocks residual blocks of the convolutional trunk ({@link ResidualTrunk}); 0: the perceptron
 * @param simulations PUCT simulations per move in self-play and in the arena
 * @param dirichletAlpha root noise's α (about 10 / typical number of legal moves)
 * @param noiseFraction root noise's ε (AlphaZero: 0.25)
 * @param temperaturePlies moves at the start of each self-play game sampled in proportion to the visits (τ = 1); later ones take the most visited (τ → 0)
 * @param gamesPerIteration self-play games per iteration
 * @param stepsPerIteration training steps (batches) per iteration: one {@link dev.ruru.train.Trainer} epoch
 * @param batchSize examples per step
 * @param learningRate Adam's learning rate
 * @param weightDecay L2 weight decay (AlphaZero's {@code c‖θ‖²})
 * @param replayCapacity examples kept (newest)
 * @param arenaGames games of the new network against the current best per iteration; 0 keeps every new network
 * @param acceptRatio the new network replaces the best when its share of the decisive arena games it wins is at least this
 * @param seed the seed of everything random: weights, noise, move sampling, batches
 * @param leafBatch leaves each search evaluates together (virtual loss; 1: sequential); self-play's games also share one network call
 */
public record ZeroConfig(Game game, int hidden, int blocks, int simulations, double dirichletAlpha, double noiseFraction, int temperaturePlies,
    int gamesPerIteration, int stepsPerIteration, int batchSize, double learningRate, double weightDecay, int replayCapacity,
    int arenaGames, double acceptRatio, long seed, int leafBatch) {
  public ZeroConfig {
    if (hidden < 1 || blocks < 0 || simulations < 1 || gamesPerIteration < 1 || stepsPerIteration < 1 || batchSize < 1 || replayCapacity < 1
        || arenaGames < 0 || leafBatch < 1 || !(learningRate > 0) || !(acceptRatio >= 0 && acceptRatio <= 1)) {
      throw new IllegalArgumentException("ZeroConfig: invalid settings: hidden " + hidden + ", blocks " + blocks + ", simulations " + simulations + ", games "
          + gamesPerIteration + ", steps " + stepsPerIteration + ", batch " + batchSize + ", replay " + replayCapacity + ", arena games " + arenaGames
          + ", leaf batch " + leafBatch + ", learning rate " + learningRate + ", accept ratio " + acceptRatio
          + "; sizes and counts must be >= 1 (blocks and arena games >= 0), the learning rate > 0 and the accept ratio in [0, 1]");
    }
  }

  /** Settings that learn tic-tac-toe in a minute and Connect Four in about half an hour on two cores. */
  public static ZeroConfig defaults(Game game, long seed) {
    if (game.equals(ConnectionGame.TIC_TAC_TOE)) {
      return new ZeroConfig(game, 128, 0, 50, 1.0, 0.25, 3, 20, 40, 64, 3e-3, 1e-4, 20_000, 20, 0.55, seed, 1);
    }
    return new ZeroConfig(game, 128, 0, 50, 1.0, 0.25, 8, 10, 60, 128, 2e-3, 1e-4, 40_000, 10, 0.55, seed, 1);
  }

  /** These settings with a network of {@code hidden} units or channels and {@code blocks} residual blocks (0: the perceptron). */
  public ZeroConfig withNetwork(int hiddenSize, int residualBlocks) {
    return new ZeroConfig(game, hiddenSize, residualBlocks, simulations, dirichletAlpha, noiseFraction, temperaturePlies, gamesPerIteration,
        stepsPerIteration, batchSize, learningRate, weightDecay, replayCapacity, arenaGames, acceptRatio, seed, leafBatch);
  }

  public ZeroConfig withSimulations(int count) {
    return new ZeroConfig(game, hidden, blocks, count, dirichletAlpha, noiseFraction, temperaturePlies, gamesPerIteration, stepsPerIteration,
        batchSize, learningRate, weightDecay, replayCapacity, arenaGames, acceptRatio, seed, leafBatch);
  }

  public ZeroConfig withGames(int selfPlayGames, int arena) {
    return new ZeroConfig(game, hidden, blocks, simulations, dirichletAlpha, noiseFraction, temperaturePlies, selfPlayGames, stepsPerIteration,
        batchSize, learningRate, weightDecay, replayCapacity, arena, acceptRatio, seed, leafBatch);
  }

  public ZeroConfig withSteps(int steps) {
    return new ZeroConfig(game, hidden, blocks, simulations, dirichletAlpha, noiseFraction, temperaturePlies, gamesPerIteration, steps,
        batchSize, learningRate, weightDecay, replayCapacity, arenaGames, acceptRatio, seed, leafBatch);
  }

  /** These settings with searches that evaluate {@code leaves} leaves in one network call. */
  public ZeroConfig withLeafBatch(int leaves) {
    return new ZeroConfig(game, hidden, blocks, simulations, dirichletAlpha, noiseFraction, temperaturePlies, gamesPerIteration, stepsPerIteration,
        batchSize, learningRate, weightDecay, replayCapacity, arenaGames, acceptRatio, seed, leaves);
  }
}
