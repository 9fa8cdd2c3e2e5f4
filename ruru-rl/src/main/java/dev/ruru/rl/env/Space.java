package dev.ruru.rl.env;

/** The set observations or actions are drawn from, as Gymnasium's {@code spaces}: {@link Discrete} or {@link Box}. */
public sealed interface Space permits Discrete, Box {
  /** Numbers in one observation: 1 for a discrete space, the box's size otherwise. */
  int size();
}
