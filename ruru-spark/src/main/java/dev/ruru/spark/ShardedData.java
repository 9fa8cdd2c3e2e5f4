package dev.ruru.spark;

import dev.ruru.data.ArrayDataset;
import dev.ruru.models.run.Recipe;
import java.io.IOException;
import java.io.Serializable;

/**
 * A training set that each executor reads its own part of, from a path every node can reach (or from the
 * jar, for the embedded sample): the driver never holds the data.
 */
public interface ShardedData extends Serializable {
  /** Shard {@code index} of {@code count}: the rows {@code [index·n/count, (index+1)·n/count)} of the training set. */
  ArrayDataset shard(int index, int count) throws IOException;

  /** What the data is, for progress and reports. */
  String describe();

  /** Shards of the training set {@code whole} makes: each executor makes it all and keeps its rows. */
  static ShardedData of(Recipe<ArrayDataset> whole, String description) {
    return new WholeSet(whole, description);
  }

  /** A training set made whole on each executor, from a recipe (a run's data with its validation split). */
  record WholeSet(Recipe<ArrayDataset> whole, String describe) implements ShardedData {
    @Override
    public ArrayDataset shard(int index, int count) {
      return rows(whole.make(), index, count);
    }
  }

  /** Rows {@code [index·n/count, (index+1)·n/count)} of {@code all}. */
  static ArrayDataset rows(ArrayDataset all, int index, int count) {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard: expected 0 <= index < count, got index " + index + " of " + count);
    }
    int from = (int) ((long) index * all.size() / count);
    int to = (int) ((long) (index + 1) * all.size() / count);
    int[] picked = new int[to - from];
    for (int i = 0; i < picked.length; i++) {
      picked[i] = from + i;
    }
    return all.subset(picked);
  }
}
