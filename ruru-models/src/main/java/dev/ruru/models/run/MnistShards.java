package dev.ruru.models.run;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.SplitFractions;
import dev.ruru.data.Splits;
import dev.ruru.data.Stratification;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistRows;
import dev.ruru.data.mnist.MnistVariant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The training images of an MNIST-format data set, sharded so that each worker reads only its own rows:
 * shard {@code i} of {@code P} is the training part of the file's rows {@code [i·n/P, (i+1)·n/P)}, read
 * from {@code directory} (a path all nodes reach; from plain IDX files only those rows' bytes, see
 * {@link MnistRows}) or, with no directory, from the Fashion-MNIST sample in the jar. With a validation
 * split each worker reads the labels too (a byte per image) to make the run's seeded, stratified split,
 * and keeps its rows of the training part: the shards together are exactly the driver's training part.
 *
 * @param directory the folder holding the IDX files, or null for the embedded sample
 * @param validationSplit the share held out for validation (0: none), as the run's settings say
 * @param seed the split's seed
 */
public record MnistShards(MnistVariant variant, String directory, IdxValues pixels, double validationSplit, long seed) implements ShardedData {
  /** The embedded Fashion-MNIST sample (5,000 training images), pixels scaled to [0, 1], all for training. */
  public static MnistShards embeddedSample() {
    return new MnistShards(MnistVariant.FASHION_MNIST, null, IdxValues.SCALED_TO_UNIT, 0, 0);
  }

  /** {@code variant}'s training part in {@code directory} (null: the embedded sample), pixels in [0, 1], split as a run splits it. */
  public static MnistShards of(MnistVariant variant, Path directory, double validationSplit, long seed) {
    return new MnistShards(variant, directory == null ? null : directory.toString(), IdxValues.SCALED_TO_UNIT, validationSplit, seed);
  }

  @Override
  public ArrayDataset shard(int index, int count) throws IOException {
    MnistRows file = directory == null ? MnistRows.embeddedSample() : MnistRows.in(variant, Path.of(directory));
    int[] range = ShardedData.range(file.count(), index, count);
    ArrayDataset rows = file.rows(range[0], range[1], pixels);
    if (validationSplit == 0) {
      return rows;
    }
    int[] training = trainingRows(file.labels());
    return rows.subset(Arrays.stream(training).filter(row -> row >= range[0] && row < range[1]).map(row -> row - range[0]).toArray());
  }

  /** The file rows of the run's training part, in its order: the split is made of row numbers and labels only. */
  private int[] trainingRows(NDArray labels) {
    int n = labels.dim(0);
    long[] rowNumbers = new long[n];
    Arrays.setAll(rowNumbers, i -> i);
    ArrayDataset numbered = new ArrayDataset(NDArray.of(rowNumbers, n), labels);
    return Arrays.stream(split(numbered, validationSplit, seed).train().features().toLongArray()).mapToInt(Math::toIntExact).toArray();
  }

  /** The seeded, stratified training and validation parts of a run's images (no validation when {@code validationSplit} is 0). */
  public static Splits split(ArrayDataset all, double validationSplit, long seed) {
    if (validationSplit == 0) {
      ArrayDataset none = all.subset(new int[0]);
      return new Splits(all, none, none);
    }
    return Splits.of(all, SplitFractions.trainValidation(validationSplit), seed, Stratification.BY_LABEL);
  }

  @Override
  public String describe() {
    return directory == null ? EmbeddedSample.DESCRIPTION : variant.id() + " in " + directory;
  }
}
