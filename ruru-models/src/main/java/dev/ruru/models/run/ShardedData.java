package dev.ruru.models.run;

import dev.ruru.data.Batch;
import dev.ruru.data.Dataset;
import java.io.IOException;
import java.io.Serializable;

/**
 * A training set that each worker of a cluster reads its own part of, from a path every node can reach
 * (or from the jar, for the embedded sample): the driver never holds the workers' data. A family that
 * trains on a cluster provides one beside its {@link Recipe} of the objective.
 */
public interface ShardedData extends Serializable {
  /** Shard {@code index} of {@code count}: about {@code 1/count} of the training set, disjoint from the other shards. */
  Dataset shard(int index, int count) throws IOException;

  /** What the data is, for progress and reports. */
  String describe();

  /**
   * Shards of the training set {@code whole} makes: each worker makes it all and keeps its rows. For data
   * whose training part needs all of it first (a table's split and standardisation); small data only.
   */
  static ShardedData of(Recipe<? extends Dataset> whole, String description) {
    return new WholeSet(whole, description);
  }

  /** A training set made whole on each worker, from a recipe. */
  record WholeSet(Recipe<? extends Dataset> whole, String describe) implements ShardedData {
    @Override
    public Dataset shard(int index, int count) {
      return rows(whole.make(), index, count);
    }
  }

  /** Rows {@code [index·n/count, (index+1)·n/count)} of {@code all}, a view. */
  static Dataset rows(Dataset all, int index, int count) {
    int[] range = range(all.size(), index, count);
    return new RowRange(all, range[0], range[1] - range[0]);
  }

  /** Rows {@code [from, from + size)} of {@code all}. */
  record RowRange(Dataset all, int from, int size) implements Dataset {
    @Override
    public Batch batch(int[] indices) {
      int[] shifted = new int[indices.length];
      for (int i = 0; i < indices.length; i++) {
        shifted[i] = from + indices[i];
      }
      return all.batch(shifted);
    }
  }

  /** {@code [from, to)} of shard {@code index} of {@code count} over {@code n} rows: {@code [index·n/count, (index+1)·n/count)}. */
  static int[] range(int n, int index, int count) {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard: expected 0 <= index < count, got index " + index + " of " + count);
    }
    return new int[] {(int) ((long) index * n / count), (int) ((long) (index + 1) * n / count)};
  }
}
