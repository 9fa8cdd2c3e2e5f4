package dev.ruru.rl.search;

import dev.ruru.rl.games.Position;

/**
 * A node of a search tree: a position, its children by action (null until expanded), the visit count and
 * the sum of the values backed up through it. Values are from the view of the player who made the move
 * into this node, so a parent picks the child with the highest value for itself.
 */
final class SearchNode {
  final Position position;
  final SearchNode[] children;
  /** The prior probability of the move into this node (PUCT); unused by UCT. */
  final double prior;
  /** The evaluator's prior over this node's moves once it is expanded (PUCT); null before, and always for UCT. */
  float[] priors;
  int visits;
  double valueSum;
  /** Descents through this node whose leaf waits for its evaluation (PUCT's batches); each counts as a visit that lost. */
  int virtualLosses;

  SearchNode(Position position, double prior) {
    this.position = position;
    this.children = new SearchNode[position.game().actionCount()];
    this.prior = prior;
  }

  /** The mean value backed up through this node, for the player who moved into it; 0 before any visit. */
  double meanValue() {
    return visits == 0 ? 0 : valueSum / visits;
  }

  /**
   * The mean value as a batched descent sees it, each virtual loss a visit worth -1; equal to
   * {@link #meanValue()}, bit for bit, when no virtual loss is pending.
   */
  double meanValueWithVirtualLosses() {
    int all = visits + virtualLosses;
    return all == 0 ? 0 : (valueSum - virtualLosses) / all;
  }

  /** The player who made the move into this node. */
  int mover() {
    return 1 - position.player();
  }

  /** Every child's visit count, by action (0 for actions without a child). */
  int[] childVisits() {
    int[] visits = new int[children.length];
    for (int action = 0; action < children.length; action++) {
      visits[action] = children[action] == null ? 0 : children[action].visits;
    }
    return visits;
  }
}
