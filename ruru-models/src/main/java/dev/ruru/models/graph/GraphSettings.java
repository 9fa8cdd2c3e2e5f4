package dev.ruru.models.graph;

/**
 * What a graph run trains: the family, its sizes and the optimiser's settings (each family's published
 * values by {@link #defaults}), the epochs and the seed of the weights, dropout masks and any split.
 *
 * @param graph where the graph came from, for the reports
 */
public record GraphSettings(GraphModel model, String graph, int hidden, double dropout, double learningRate, double weightDecay,
    int epochs, long seed) {
  public GraphSettings {
    if (hidden < 1 || epochs < 1) {
      throw new IllegalArgumentException("graph run: --hidden and --epochs must be positive, got " + hidden + " and " + epochs);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("graph run: --dropout must be in [0, 1), got " + dropout);
    }
    if (!(learningRate > 0) || !(weightDecay >= 0)) {
      throw new IllegalArgumentException("graph run: --lr must be positive and the weight decay not negative, got " + learningRate
          + " and " + weightDecay);
    }
  }

  /** The family's published settings: 200 epochs, its hidden width, dropout, learning rate and weight decay. */
  public static GraphSettings defaults(GraphModel model, String graph, long seed) {
    return new GraphSettings(model, graph, model.hidden(), model.dropout(), model.learningRate(), model.weightDecay(), 200, seed);
  }

  public GraphSettings withEpochs(int newEpochs) {
    return new GraphSettings(model, graph, hidden, dropout, learningRate, weightDecay, newEpochs, seed);
  }

  public GraphSettings withSeed(long newSeed) {
    return new GraphSettings(model, graph, hidden, dropout, learningRate, weightDecay, epochs, newSeed);
  }
}
