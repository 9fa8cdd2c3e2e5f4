package dev.ruru.models.graph;

import java.util.random.RandomGenerator;

/**
 * Positions for drawing a graph (Fruchterman and Reingold, 1991): linked nodes pull together like
 * springs (force d²/k), every pair pushes apart like charges (k²/d), and a temperature that cools
 * linearly caps each move, so the drawing settles. k = √(area / nodes) is the ideal distance. A weak
 * pull towards the centre keeps the small components of a disconnected graph (Cora has 78) near the
 * large one instead of on a far ring. The all-pairs repulsion is O(nodes²) per iteration, so a large
 * graph gets fewer iterations.
 */
public final class ForceLayout {
  private static final double GRAVITY = 4;

  private ForceLayout() {}

  /** Positions [nodes][2] in the unit square for the links {@code sources[e] — targets[e]}, seeded by {@code rng}. */
  public static double[][] layout(int nodes, int[] sources, int[] targets, RandomGenerator rng) {
    double[][] position = new double[nodes][2];
    for (double[] p : position) {
      p[0] = rng.nextDouble();
      p[1] = rng.nextDouble();
    }
    int iterations = nodes > 1000 ? 60 : nodes > 300 ? 150 : 300;
    double k = Math.sqrt(1.0 / Math.max(1, nodes));
    for (int iteration = 0; iteration < iterations; iteration++) {
      double temperature = 0.1 * (1 - (double) iteration / iterations) + 1e-4;
      step(position, sources, targets, k, temperature);
    }
    return normalised(position);
  }

  private static void step(double[][] position, int[] sources, int[] targets, double k, double temperature) {
    int nodes = position.length;
    double[][] move = new double[nodes][2];
    for (int i = 0; i < nodes; i++) {
      for (int j = i + 1; j < nodes; j++) {
        double dx = position[i][0] - position[j][0], dy = position[i][1] - position[j][1];
        double squared = Math.max(dx * dx + dy * dy, 1e-12);
        double push = k * k / squared;
        move[i][0] += dx * push;
        move[i][1] += dy * push;
        move[j][0] -= dx * push;
        move[j][1] -= dy * push;
      }
    }
    for (int e = 0; e < sources.length; e++) {
      int a = sources[e], b = targets[e];
      double dx = position[a][0] - position[b][0], dy = position[a][1] - position[b][1];
      double pull = Math.sqrt(dx * dx + dy * dy) / k;
      move[a][0] -= dx * pull;
      move[a][1] -= dy * pull;
      move[b][0] += dx * pull;
      move[b][1] += dy * pull;
    }
    for (int i = 0; i < nodes; i++) {
      // About the total repulsion a node feels at half the drawing's width, so the two balance there.
      move[i][0] += GRAVITY * (0.5 - position[i][0]);
      move[i][1] += GRAVITY * (0.5 - position[i][1]);
      double length = Math.max(Math.hypot(move[i][0], move[i][1]), 1e-12);
      double scale = Math.min(length, temperature) / length;
      position[i][0] += move[i][0] * scale;
      position[i][1] += move[i][1] * scale;
    }
  }

  /** The positions scaled into [0, 1]² with their aspect kept. */
  static double[][] normalised(double[][] points) {
    double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (double[] p : points) {
      minX = Math.min(minX, p[0]);
      maxX = Math.max(maxX, p[0]);
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, p[1]);
    }
    double span = Math.max(Math.max(maxX - minX, maxY - minY), 1e-12);
    double[][] out = new double[points.length][2];
    for (int i = 0; i < points.length; i++) {
      out[i][0] = (points[i][0] - minX) / span;
      out[i][1] = (points[i][1] - minY) / span;
    }
    return out;
  }
}
