package dev.ruru.data;

/**
 * A finite, indexed collection of labelled examples: what a {@link DataLoader} draws batches from.
 *
 * <p>Implementations must allow {@link #batch(int[])} to be called from a background thread (the
 * loader's prefetch thread) while the caller reads earlier batches; an immutable dataset does so trivially.
 */
public interface Dataset {
  /** Number of examples. */
  int size();

  /**
   * The examples at {@code indices}, in that order, gathered into one batch: features
   * {@code [indices.length, ...]}, labels {@code [indices.length]}. Indices must lie in
   * {@code [0, size())}; repeats are allowed.
   */
  Batch batch(int[] indices);

  /** One example: features {@code [...]} (no batch dimension) and a rank-0 label. */
  default Batch example(int index) {
    Batch one = batch(new int[] {index});
    return new Batch(one.features().squeeze(0), one.labels().squeeze(0));
  }
}
