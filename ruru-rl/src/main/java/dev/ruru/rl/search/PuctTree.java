package dev.ruru.rl.search;

import dev.ruru.rl.games.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link Puct} search in progress, driven from outside so that its evaluations can be batched: each
 * {@link #collect} descends to up to {@code leaves} unevaluated positions and returns them, the caller
 * evaluates them in one go (one network call, perhaps together with other searches' leaves), and
 * {@link #backup} expands them and backs their values up. The first collect returns the root alone.
 *
 * <p>While a leaf waits for its evaluation, every node on its path carries a virtual loss (Chaslot et al.
 * 2008; AlphaGo): it counts as one more visit that lost, so the next descent prefers other lines and the
 * leaves of one batch differ. The virtual losses are kept apart from the real counts and taken off before
 * the values are backed up, so with one leaf a batch the search is the sequential PUCT, number for number.
 * A descent that meets a leaf already waiting ends the batch early rather than evaluate it twice.
 * Terminal positions need no evaluation: their results are backed up during the descent.
 */
public final class PuctTree {
  private final Puct settings;
  private final SearchNode root;
  private final List<List<SearchNode>> waiting = new ArrayList<>();
  private int started;

  PuctTree(Puct settings, Position root) {
    if (root.isTerminal()) {
      throw new IllegalArgumentException("puct: the game is over; nothing to search\n" + root.render());
    }
    this.settings = settings;
    this.root = new SearchNode(root, 1);
  }

  /** Whether every simulation has been backed up: {@link #result()} is final. */
  public boolean done() {
    return root.priors != null && started >= settings.simulations() && waiting.isEmpty();
  }

  /**
   * Descends to at most {@code leaves} positions to evaluate (fewer when simulations run out or a descent
   * meets a waiting leaf; none when the rest end in finished games) and returns them in order.
   *
   * @throws IllegalStateException when the last batch has not been backed up yet
   */
  public List<Position> collect(int leaves) {
    if (!waiting.isEmpty()) {
      throw new IllegalStateException("puct: " + waiting.size() + " leaves still wait for their evaluations; call backup before collecting more");
    }
    if (root.priors == null) {
      waiting.add(List.of(root));
      return List.of(root.position);
    }
    List<Position> positions = new ArrayList<>();
    while (positions.size() < leaves && started < settings.simulations()) {
      List<SearchNode> path = descend();
      SearchNode leaf = path.getLast();
      if (leaf.position.isTerminal()) {
        started++;
        backup(path, leaf.position.result(leaf.mover()));
      } else if (leaf.virtualLosses > 0) {
        break;
      } else {
        started++;
        path.forEach(node -> node.virtualLosses++);
        waiting.add(path);
        positions.add(leaf.position);
      }
    }
    return positions;
  }

  /**
   * Expands the positions of the last {@link #collect} with their {@code evaluations} (in the same order)
   * and backs their values up.
   */
  public void backup(List<Evaluator.Evaluation> evaluations) {
    if (evaluations.size() != waiting.size()) {
      throw new IllegalArgumentException("puct: " + evaluations.size() + " evaluations for " + waiting.size() + " collected positions; evaluate each once");
    }
    for (int index = 0; index < evaluations.size(); index++) {
      List<SearchNode> path = waiting.get(index);
      SearchNode leaf = path.getLast();
      Evaluator.Evaluation evaluation = evaluations.get(index);
      leaf.priors = evaluation.priors();
      if (leaf == root) {
        if (settings.noise() != null) {
          root.priors = settings.noise().apply(root.priors, root.position.legalMoves(), settings.rng());
        }
        root.visits = 1;
        root.valueSum = -evaluation.value();
      } else {
        path.forEach(node -> node.virtualLosses--);
        // The value for the player who moved into the leaf is minus the evaluator's value for the player to move.
        backup(path, -evaluation.value());
      }
    }
    waiting.clear();
  }

  /** The root's visit counts and value now (final once {@link #done()}). */
  public SearchResult result() {
    return new SearchResult(root.childVisits(), -root.meanValue());
  }

  private static void backup(List<SearchNode> path, double leafValue) {
    double value = leafValue;
    for (int index = path.size() - 1; index >= 0; index--) {
      SearchNode visited = path.get(index);
      visited.visits++;
      visited.valueSum += value;
      value = -value;
    }
  }

  private List<SearchNode> descend() {
    List<SearchNode> path = new ArrayList<>();
    SearchNode node = root;
    path.add(node);
    while (node.priors != null && !node.position.isTerminal()) {
      node = selectChild(node);
      path.add(node);
    }
    return path;
  }

  /** The child maximising {@code Q + c·P·sqrt(N) / (1 + N(a))}, counting virtual losses as lost visits. */
  private SearchNode selectChild(SearchNode node) {
    double scale = settings.exploration() * Math.sqrt(node.visits + node.virtualLosses);
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int action = 0; action < node.children.length; action++) {
      if (node.position.isLegal(action)) {
        SearchNode child = node.children[action];
        double q = child == null ? 0 : child.meanValueWithVirtualLosses();
        int visits = child == null ? 0 : child.visits + child.virtualLosses;
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
