package dev.ruru.autodiff;

/** Options of a backward pass. */
public enum Backward {
  /** Keep the recorded graph so a second backward pass may run through it (by default it is freed). */
  RETAIN_GRAPH,
  /**
   * Record the backward pass itself, so the gradients are tensors with a graph and can be
   * differentiated again (Hessian-vector products). Implies {@link #RETAIN_GRAPH}.
   */
  CREATE_GRAPH
}
