package dev.ruru.models.run;

import dev.ruru.array.io.Npy;
import dev.ruru.data.ArrayDataset;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A training set in two {@code .npy} files, features {@code [n, ...]} and integer labels {@code [n]}, on a
 * path every node reaches, sharded so that each worker reads only its own rows: shard {@code i} of
 * {@code P} is rows {@code [i·n/P, (i+1)·n/P)} of both, read with {@link Npy#readRows} (the headers, then
 * those rows' bytes and nothing else).
 *
 * <pre>{@code
 * SparkTraining.on(spark, recipe, new NpyShards("/shared/x.npy", "/shared/y.npy"));   // np.save("x.npy", x)
 * }</pre>
 *
 * @param features the features file, in C order
 * @param labels the labels file, one integer per row of {@code features}
 */
public record NpyShards(String features, String labels) implements ShardedData {
  @Override
  public ArrayDataset shard(int index, int count) throws IOException {
    int n = Npy.readHeader(Path.of(features)).shape().dim(0);
    int labelled = Npy.readHeader(Path.of(labels)).shape().dim(0);
    if (labelled != n) {
      throw new IllegalArgumentException("NpyShards: " + features + " has " + n + " rows but " + labels + " has " + labelled
          + " labels; save one label per row");
    }
    int[] range = ShardedData.range(n, index, count);
    return new ArrayDataset(Npy.readRows(Path.of(features), range[0], range[1]), Npy.readRows(Path.of(labels), range[0], range[1]));
  }

  @Override
  public String describe() {
    return features + " and " + labels;
  }
}
