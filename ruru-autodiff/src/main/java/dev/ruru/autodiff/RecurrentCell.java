package dev.ruru.autodiff;

/**
 * The cell a recurrent layer applies at every step, with PyTorch's equations and gate order. With
 * p = x_t·W_ihᵀ + b_ih (computed for all steps at once) and q = h_{t−1}·W_hhᵀ + b_hh:
 * <pre>
 *   RNN_TANH  h_t = tanh(p + q)                      RNN_RELU  h_t = max(p + q, 0)
 *   LSTM      i, f, g, o = σ, σ, tanh, σ of (p + q) split in four
 *             c_t = f·c_{t−1} + i·g,   h_t = o·tanh(c_t)
 *   GRU       r, z = σ(p_r + q_r), σ(p_z + q_z),   n = tanh(p_n + r·q_n)
 *             h_t = (1 − z)·n + z·h_{t−1}
 * </pre>
 */
public enum RecurrentCell {
  RNN_TANH(1), RNN_RELU(1), LSTM(4), GRU(3);

  private final int gates;

  RecurrentCell(int gates) {
    this.gates = gates;
  }

  /** How many blocks of {@code hidden} rows W_ih and W_hh have: 1, 4 (i, f, g, o) or 3 (r, z, n). */
  public int gates() { return gates; }

  /** Whether the cell carries a second state c besides h (only the LSTM). */
  public boolean hasCellState() { return this == LSTM; }
}
