package dev.ruru.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Batches of a {@link Dataset}, epoch by epoch: PyTorch's {@code DataLoader}.
 *
 * <p>Epoch {@code e} visits the examples in the order {@link #order(int) order(e)}: {@code 0..n-1}, or,
 * when {@link #shuffled(long) shuffled}, the permutation drawn from {@link Shuffle#generator(long, long)
 * generator(seed, e)}, so the same seed gives the same order every run and each epoch a different one.
 * Consecutive runs of {@code batchSize} examples of that order form the batches; the last, shorter one is
 * kept or dropped ({@link LastBatch}). Each batch passes through the transform (identity by default) on
 * the loader's background thread, which prepares the next batch while the caller works on the current
 * one. The thread is a daemon and exits when idle, so an abandoned epoch holds nothing.
 *
 * <pre>{@code
 * DataLoader loader = DataLoader.of(train, 100).shuffled(42).lastBatch(LastBatch.DROP);
 * for (int epoch = 0; epoch < 5; epoch++) {
 *   for (Batch batch : loader.epoch(epoch)) {
 *     model.step(batch.features(), batch.labels());   // [100, 784], [100]
 *   }
 * }
 * }</pre>
 *
 * Loaders are immutable: {@code shuffled}, {@code lastBatch} and {@code withTransform} return new ones.
 */
public final class DataLoader implements BatchSource {
  private final Dataset dataset;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final LastBatch lastBatch;
  private final UnaryOperator<Batch> transform;
  private final ThreadPoolExecutor prefetcher;

  private DataLoader(Dataset dataset, int batchSize, boolean shuffle, long seed, LastBatch lastBatch,
      UnaryOperator<Batch> transform) {
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
    this.lastBatch = lastBatch;
    this.transform = transform;
    // At most one thread, started on demand and retired after a second idle: no thread outlives its use.
    this.prefetcher = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, "ruru-data-loader");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Sequential batches of {@code batchSize} examples, last batch kept, no transform. */
  public static DataLoader of(Dataset dataset, int batchSize) {
    Objects.requireNonNull(dataset, "dataset");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("DataLoader: batch size must be positive, got " + batchSize);
    }
    return new DataLoader(dataset, batchSize, false, 0, LastBatch.KEEP, UnaryOperator.identity());
  }

  /** This loader, shuffling each epoch with a generator derived from {@code (seed, epoch)}. */
  public DataLoader shuffled(long seed) {
    return new DataLoader(dataset, batchSize, true, seed, lastBatch, transform);
  }

  /** This loader, visiting examples in index order every epoch. */
  public DataLoader sequential() {
    return new DataLoader(dataset, batchSize, false, 0, lastBatch, transform);
  }

  /** This loader with the given treatment of a final partial batch. */
  public DataLoader lastBatch(LastBatch policy) {
    return new DataLoader(dataset, batchSize, shuffle, seed, Objects.requireNonNull(policy, "policy"), transform);
  }

  /**
   * This loader with {@code next} applied to each batch after the current transform, on the loader's
   * thread (augmentation, flattening, moving to another dtype). It must not share mutable state with the
   * caller without synchronisation.
   */
  public DataLoader withTransform(UnaryOperator<Batch> next) {
    Objects.requireNonNull(next, "transform");
    UnaryOperator<Batch> first = transform;
    return new DataLoader(dataset, batchSize, shuffle, seed, lastBatch, batch -> next.apply(first.apply(batch)));
  }

  public Dataset dataset() {
    return dataset;
  }

  public int batchSize() {
    return batchSize;
  }

  /** Batches per epoch: {@code ceil(n / batchSize)}, or {@code floor(n / batchSize)} when dropping the last. */
  @Override
  public int batchCount() {
    long n = dataset.size();
    // In long: a batch size near Integer.MAX_VALUE must not overflow into "no batches".
    return (int) (lastBatch == LastBatch.DROP ? n / batchSize : (n + batchSize - 1) / batchSize);
  }

  /** The examples an epoch visits: all {@code n}, or the whole batches' when dropping the last. */
  @Override
  public long exampleCount() {
    return lastBatch == LastBatch.DROP ? (long) batchCount() * batchSize : dataset.size();
  }

  /** The order in which epoch {@code epoch} visits the examples (all {@code n}, before any drop). */
  public int[] order(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("DataLoader: epoch must be >= 0, got " + epoch);
    }
    int n = dataset.size();
    if (shuffle) {
      return Shuffle.permutation(n, Shuffle.generator(seed, epoch));
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** The batches of epoch {@code epoch} (0-based); each iteration recomputes them and prefetches anew. */
  @Override
  public Iterable<Batch> epoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("DataLoader: epoch must be >= 0, got " + epoch);
    }
    // In index order there is nothing to remember: no array of n indices for a dataset of random draws.
    int[] order = shuffle ? order(epoch) : null;
    int count = batchCount();
    return () -> new Prefetching(order, count);
  }

  private Batch load(int[] order, int batchIndex) {
    int start = Math.toIntExact((long) batchIndex * batchSize);
    int end = (int) Math.min((long) start + batchSize, dataset.size());
    int[] indices = new int[end - start];
    if (order != null) {
      System.arraycopy(order, start, indices, 0, indices.length);
    } else {
      Arrays.setAll(indices, i -> start + i);
    }
    return transform.apply(dataset.batch(indices));
  }

  /** Hands out batch k while batch k + 1 is being made on the loader's thread. */
  private final class Prefetching implements Iterator<Batch> {
    private final int[] order;
    private final int count;
    private int next;
    private Future<Batch> pending;

    Prefetching(int[] order, int count) {
      this.order = order;
      this.count = count;
      this.pending = count > 0 ? submit(0) : null;
    }

    @Override
    public boolean hasNext() {
      return pending != null;
    }

    @Override
    public Batch next() {
      if (pending == null) {
        throw new NoSuchElementException("DataLoader: the epoch has no more batches (" + count + " in all)");
      }
      Batch batch = await(pending);
      next++;
      pending = next < count ? submit(next) : null;
      return batch;
    }

    private Future<Batch> submit(int batchIndex) {
      return prefetcher.submit(() -> load(order, batchIndex));
    }
  }

  /** The batch, or the exception its preparation threw, rethrown here as it was. */
  private static Batch await(Future<Batch> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("DataLoader: preparing a batch failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("DataLoader: interrupted while waiting for the next batch", e);
    }
  }
}
