package dev.ruru.rl.zero;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Mode;
import dev.ruru.rl.games.Position;
import dev.ruru.rl.search.Evaluator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link PolicyValueNet} as a search's evaluator: the softmax of the logits over the legal moves only
 * (illegal moves get 0), and the value head's output.
 */
public final class NetworkEvaluator implements Evaluator {
  private final PolicyValueNet network;

  public NetworkEvaluator(PolicyValueNet network) {
    this.network = network;
  }

  @Override
  public Evaluation evaluate(Position position) {
    return evaluateAll(List.of(position)).getFirst();
  }

  /** All of {@code positions} in one forward pass of the network, {@code [positions, encoding]} in. */
  @Override
  public List<Evaluation> evaluateAll(List<Position> positions) {
    int size = network.game().encodingSize();
    float[] encodings = new float[positions.size() * size];
    for (int index = 0; index < positions.size(); index++) {
      Position position = positions.get(index);
      if (position.game() != network.game() && !position.game().equals(network.game())) {
        throw new IllegalArgumentException("NetworkEvaluator: the network plays " + network.game().name() + " but the position is of "
            + position.game().name());
      }
      System.arraycopy(position.encode(), 0, encodings, index * size, size);
    }
    float[] output = Autodiff.noGrad(() -> network.forward(Tensor.constant(NDArray.wrap(encodings, positions.size(), size)), Mode.EVAL)
        .value().toFloatArray());
    int width = network.game().actionCount() + 1;
    List<Evaluation> evaluations = new ArrayList<>(positions.size());
    for (int index = 0; index < positions.size(); index++) {
      float[] row = Arrays.copyOfRange(output, index * width, (index + 1) * width);
      evaluations.add(new Evaluation(maskedSoftmax(row, positions.get(index).legalMoves()), row[width - 1]));
    }
    return evaluations;
  }

  /** softmax over the entries where {@code legal} is true (the max subtracted first, so exp cannot overflow); 0 elsewhere. */
  static float[] maskedSoftmax(float[] logits, boolean[] legal) {
    double max = Double.NEGATIVE_INFINITY;
    for (int action = 0; action < legal.length; action++) {
      max = legal[action] ? Math.max(max, logits[action]) : max;
    }
    double[] exp = new double[legal.length];
    double total = 0;
    for (int action = 0; action < legal.length; action++) {
      exp[action] = legal[action] ? Math.exp(logits[action] - max) : 0;
      total += exp[action];
    }
    float[] priors = new float[legal.length];
    for (int action = 0; action < legal.length; action++) {
      priors[action] = (float) (exp[action] / total);
    }
    return priors;
  }
}
