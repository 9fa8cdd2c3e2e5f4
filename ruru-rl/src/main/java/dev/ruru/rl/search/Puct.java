package dev.ruru.rl.search;

import dev.ruru.rl.games.Position;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * AlphaZero's tree search (Silver et al. 2017/2018): each simulation descends by PUCT,
 * {@code Q(a) + c·P(a)·sqrt(N) / (1 + N(a))}, until it reaches a position not yet evaluated; the
 * {@link Evaluator} gives that position's move prior {@code P} and value {@code v}, and {@code v} (not a
 * random game) is backed up the path, its sign flipping at every ply. Unvisited moves count
 * {@code Q = 0}. With {@link RootNoise}, the root's prior is mixed with Dirichlet noise (self-play only).
 * Leaves are evaluated {@code leafBatch} at a time ({@link Evaluator#evaluateAll}, one network call),
 * with virtual losses keeping a batch's leaves apart ({@link PuctTree}); a batch of 1 is the sequential
 * search. Everything is deterministic for a seed.
 */
public final class Puct {
  private final Evaluator evaluator;
  private final int simulations;
  private final double exploration;
  private final RootNoise noise;
  private final RandomGenerator rng;
  private final int leafBatch;

  /** A sequential search: one leaf evaluated at a time. */
  public Puct(Evaluator evaluator, int simulations, double exploration, RootNoise noise, RandomGenerator rng) {
    this(evaluator, simulations, exploration, noise, rng, 1);
  }

  /**
   * @param evaluator the prior and value of unexpanded positions
   * @param simulations simulations per search, at least 1
   * @param exploration {@code c}, AlphaZero's c_puct (about 1 to 2)
   * @param noise root noise, or null for none (evaluation and play)
   * @param rng where the noise comes from
   * @param leafBatch leaves evaluated together, at least 1 (1: the sequential search)
   */
  public Puct(Evaluator evaluator, int simulations, double exploration, RootNoise noise, RandomGenerator rng, int leafBatch) {
    if (simulations < 1 || leafBatch < 1) {
      throw new IllegalArgumentException("puct: invalid simulations " + simulations + " or leaf batch " + leafBatch + " (both must be >= 1)");
    }
    this.evaluator = evaluator;
    this.simulations = simulations;
    this.exploration = exploration;
    this.noise = noise;
    this.rng = rng;
    this.leafBatch = leafBatch;
  }

  int simulations() { return simulations; }
  double exploration() { return exploration; }
  RootNoise noise() { return noise; }
  RandomGenerator rng() { return rng; }
  public int leafBatch() { return leafBatch; }
  public Evaluator evaluator() { return evaluator; }

  /** Searches from {@code root} (not terminal) and returns the visit counts of its moves and its value. */
  public SearchResult search(Position root) {
    PuctTree tree = start(root);
    while (!tree.done()) {
      List<Position> leaves = tree.collect(leafBatch);
      tree.backup(leaves.isEmpty() ? List.of() : evaluator.evaluateAll(leaves));
    }
    return tree.result();
  }

  /** A search from {@code root} (not terminal) whose leaves the caller evaluates: see {@link PuctTree}. */
  public PuctTree start(Position root) {
    return new PuctTree(this, root);
  }
}
