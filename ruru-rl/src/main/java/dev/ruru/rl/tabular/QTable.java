package dev.ruru.rl.tabular;

/** Small operations on rows of action values. */
final class QTable {
  private QTable() {}

  /** The index of the largest value, the first of equals (so ties break the same way every run). */
  static int argmax(double[] row) {
    int best = 0;
    for (int a = 1; a < row.length; a++) {
      best = row[a] > row[best] ? a : best;
    }
    return best;
  }
}
