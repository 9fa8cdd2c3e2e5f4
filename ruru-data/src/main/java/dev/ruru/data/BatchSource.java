package dev.ruru.data;

/**
 * The batches of each epoch of a run, in the order a training loop takes them: a shuffled
 * {@link DataLoader} over a {@link Dataset}, or a language model's parallel text streams read chunk by
 * chunk ({@link dev.ruru.data.text.TokenStreams}), where the order carries meaning. Epoch {@code e}'s
 * batches are a function of {@code e} alone, so a resumed run sees the batches it would have seen.
 */
public interface BatchSource {
  /** Batches per epoch. */
  int batchCount();

  /** Examples per epoch (rows of the batches in all), for progress and throughput. */
  long exampleCount();

  /** The batches of epoch {@code epoch} (0-based), in order. */
  Iterable<Batch> epoch(int epoch);
}
