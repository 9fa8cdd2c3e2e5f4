package dev.ruru.rl.search;

import dev.ruru.rl.games.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * AlphaZero's tree search (Silver et al. 2017/2018): each simulation descends by PUCT,
 * {@code Q(a) + c·P(a)·sqrt(N) / (1 + N(a))}, until it reaches a position not yet evaluated; the
 * {@link Evaluator} gives that position's move prior {@code P} and value {@code v}, and {@code v} (not a
 * random game) is backed up the path, its sign flipping at every ply. Unvisited moves count
 * {@code Q = 0}. With {@link RootNoise}, the root's prior is mixed with Dirichlet noise (self-play only).
 */
public final class Puct {
  private final Evaluator evaluator;
  private final int simulations;
  private final double exploration;
  private final RootNoise noise;
  private final RandomGenerator rng;

  /**
   * @param evaluator the prior and value of unexpanded positions
   * @param simulations simulations per search, at least 1
   * @param exploration {@code c}, AlphaZero's c_puct (about 1 to 2)
   * @param noise root noise, or null for none (evaluation and play)
   * @param rng where the noise comes from
   */
  public Puct(Evaluator evaluator, int simulations, double exploration, RootNoise noise, RandomGenerator rng) {
    if (simulations < 1) {
      throw new IllegalArgumentException("puct: invalid simulations " + simulations + " (must be >= 1)");
    }
    this.evaluator = evaluator;
    this.simulations = simulations;
    this.exploration = exploration;
    this.noise = noise;
    this.rng = rng;
  }

  /** Searches from {@code root} (not terminal) and returns the visit counts of its moves and its value. */
  public SearchResult search(Position root) {
    if (root.isTerminal()) {
      throw new IllegalArgumentException("puct: the game is over; nothing to search\n" + root.render());
    }
    SearchNode rootNode = new SearchNode(root, 1);
    double rootValue = expand(rootNode);
    if (noise != null) {
      rootNode.priors = noise.apply(rootNode.priors, root.legalMoves(), rng);
    }
    rootNode.visits = 1;
    rootNode.valueSum = -rootValue;
    List<SearchNode> path = new ArrayList<>();
    for (int simulation = 0; simulation < simulations; simulation++) {
      path.clear();
      SearchNode node = rootNode;
      path.add(node);
      while (node.priors != null && !node.position.isTerminal()) {
        node = selectChild(node);
        path.add(node);
      }
      // The value for the player who moved into the leaf: a finished game's result, else minus the evaluator's value for the player to move.
      double value = node.position.isTerminal() ? node.position.result(node.mover()) : -expand(node);
      for (int index = path.size() - 1; index >= 0; index--) {
        SearchNode visited = path.get(index);
        visited.visits++;
        visited.valueSum += value;
        value = -value;
      }
    }
    return new SearchResult(rootNode.childVisits(), -rootNode.meanValue());
  }

  /** Evaluates {@code node}'s position, keeps its prior, and returns its value for the player to move. */
  private double expand(SearchNode node) {
    Evaluator.Evaluation evaluation = evaluator.evaluate(node.position);
    node.priors = evaluation.priors();
    return evaluation.value();
  }

  private SearchNode selectChild(SearchNode node) {
    double scale = exploration * Math.sqrt(node.visits);
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int action = 0; action < node.children.length; action++) {
      if (node.position.isLegal(action)) {
        SearchNode child = node.children[action];
        double q = child == null ? 0 : child.meanValue();
        int visits = child == null ? 0 : child.visits;
        double score = q + scale * node.priors[action] / (1 + visits);
        if (score > bestScore) {
          bestScore = score;
          best = action;
        }
      }
    }
    if (node.children[best] == null) {
      node.children[best] = new SearchNode(node.position.play(best), node.priors[best]);
    }
    return node.children[best];
  }
}
