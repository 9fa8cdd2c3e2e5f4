package dev.ruru.data;

/** Whether {@link Splits} keeps each class's share the same in every part. */
public enum Stratification {
  /** One random permutation of all examples, cut into parts. */
  NONE,
  /** Each class split separately in the given fractions, so every part has the classes in proportion. */
  BY_LABEL
}
