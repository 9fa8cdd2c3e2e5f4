package dev.ruru.rl.search;

import dev.ruru.rl.games.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The PUCT search as it was before leaves were batched, one simulation after another, kept as the oracle
 * that {@link Puct} with a batch of one leaf must match number for number.
 */
final class SequentialPuct {
  private SequentialPuct() {}

  static SearchResult search(Evaluator evaluator, int simulations, double exploration, RootNoise noise, RandomGenerator rng, Position root) {
    SearchNode rootNode = new SearchNode(root, 1);
    Evaluator.Evaluation rootEvaluation = evaluator.evaluate(root);
    rootNode.priors = rootEvaluation.priors();
    if (noise != null) {
      rootNode.priors = noise.apply(rootNode.priors, root.legalMoves(), rng);
    }
    rootNode.visits = 1;
    rootNode.valueSum = -rootEvaluation.value();
    List<SearchNode> path = new ArrayList<>();
    for (int simulation = 0; simulation < simulations; simulation++) {
      path.clear();
      SearchNode node = rootNode;
      path.add(node);
      while (node.priors != null && !node.position.isTerminal()) {
        node = selectChild(node, exploration);
        path.add(node);
      }
      double value;
      if (node.position.isTerminal()) {
        value = node.position.result(node.mover());
      } else {
        Evaluator.Evaluation evaluation = evaluator.evaluate(node.position);
        node.priors = evaluation.priors();
        value = -evaluation.value();
      }
      for (int index = path.size() - 1; index >= 0; index--) {
        path.get(index).visits++;
        path.get(index).valueSum += value;
        value = -value;
      }
    }
    return new SearchResult(rootNode.childVisits(), -rootNode.meanValue());
  }

  private static SearchNode selectChild(SearchNode node, double exploration) {
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
