package dev.ruru.rl.games;

import java.util.random.RandomGenerator;

/** Plays a legal move chosen uniformly at random: the weakest baseline. */
public final class RandomPlayer implements Player {
  private final RandomGenerator rng;

  public RandomPlayer(RandomGenerator rng) {
    this.rng = rng;
  }

  @Override
  public int move(Position position) {
    return randomLegalMove(position, rng);
  }

  /** A legal move of {@code position} uniformly at random (the rollout policy of plain MCTS too). */
  public static int randomLegalMove(Position position, RandomGenerator rng) {
    int actions = position.game().actionCount();
    int[] legal = new int[actions];
    int count = 0;
    for (int action = 0; action < actions; action++) {
      if (position.isLegal(action)) {
        legal[count++] = action;
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("random player: no legal move; the game is over\n" + position.render());
    }
    return legal[rng.nextInt(count)];
  }

  @Override
  public String name() {
    return "random";
  }
}
