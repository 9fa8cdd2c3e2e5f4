package dev.ruru.rl.search;

import dev.ruru.rl.games.Position;
import dev.ruru.rl.games.RandomPlayer;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Plain Monte Carlo tree search, UCT (Kocsis and Szepesvári 2006): each simulation descends the tree by
 * UCB1, {@code Q(a) + c·sqrt(ln N / N(a))}, adds one untried move as a new node, plays random moves from
 * it to the end of the game, and adds the result to every node on the path. No knowledge of the game but
 * its rules. Seeded: the same generator state gives the same search.
 */
public final class Uct {
  private final int simulations;
  private final double exploration;
  private final RandomGenerator rng;

  /**
   * @param simulations simulations per search (rollouts), at least 1
   * @param exploration UCB1's constant {@code c}; √2 is the textbook value for results in [0, 1]; with results in [-1, 1] about 1.4 still works
   * @param rng where the order of untried moves and the random rollouts come from
   */
  public Uct(int simulations, double exploration, RandomGenerator rng) {
    if (simulations < 1) {
      throw new IllegalArgumentException("uct: invalid simulations " + simulations + " (must be >= 1)");
    }
    this.simulations = simulations;
    this.exploration = exploration;
    this.rng = rng;
  }

  /** Searches from {@code root} (not terminal) and returns the root's visit counts and value. */
  public SearchResult search(Position root) {
    if (root.isTerminal()) {
      throw new IllegalArgumentException("uct: the game is over; nothing to search\n" + root.render());
    }
    SearchNode rootNode = new SearchNode(root, 1);
    List<SearchNode> path = new ArrayList<>();
    for (int simulation = 0; simulation < simulations; simulation++) {
      path.clear();
      SearchNode node = rootNode;
      path.add(node);
      while (!node.position.isTerminal()) {
        SearchNode untried = expandUntried(node);
        if (untried != null) {
          node = untried;
          path.add(node);
          break;
        }
        node = select(node);
        path.add(node);
      }
      Position end = rollout(node.position);
      for (SearchNode visited : path) {
        visited.visits++;
        visited.valueSum += end.result(visited.mover());
      }
    }
    return new SearchResult(rootNode.childVisits(), -rootNode.meanValue());
  }

  /** A child for one of {@code node}'s legal moves that has none yet, chosen at random; null when all have one. */
  private SearchNode expandUntried(SearchNode node) {
    int count = 0;
    int chosen = -1;
    for (int action = 0; action < node.children.length; action++) {
      // Reservoir sampling: each untried legal move is kept with probability 1/count, so the choice is uniform.
      if (node.children[action] == null && node.position.isLegal(action) && rng.nextInt(++count) == 0) {
        chosen = action;
      }
    }
    if (chosen < 0) {
      return null;
    }
    node.children[chosen] = new SearchNode(node.position.play(chosen), 1);
    return node.children[chosen];
  }

  private SearchNode select(SearchNode node) {
    double logVisits = Math.log(node.visits);
    SearchNode best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (SearchNode child : node.children) {
      if (child != null) {
        double score = child.meanValue() + exploration * Math.sqrt(logVisits / child.visits);
        if (score > bestScore) {
          bestScore = score;
          best = child;
        }
      }
    }
    return best;
  }

  private Position rollout(Position position) {
    Position current = position;
    while (!current.isTerminal()) {
      current = current.play(RandomPlayer.randomLegalMove(current, rng));
    }
    return current;
  }
}
