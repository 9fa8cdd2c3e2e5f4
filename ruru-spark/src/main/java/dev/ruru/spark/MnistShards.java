package dev.ruru.spark;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The training images of an MNIST-format data set, sharded: each executor reads the IDX files from
 * {@code directory} (a path all nodes reach) and keeps its rows; with no directory, the Fashion-MNIST
 * sample embedded in the jar, which every executor has.
 *
 * @param directory the folder holding the four IDX files, or null for the embedded sample
 */
public record MnistShards(MnistVariant variant, String directory, IdxValues pixels) implements ShardedData {
  /** The embedded Fashion-MNIST sample (5,000 training images), pixels scaled to [0, 1]. */
  public static MnistShards embeddedSample() {
    return new MnistShards(MnistVariant.FASHION_MNIST, null, IdxValues.SCALED_TO_UNIT);
  }

  @Override
  public ArrayDataset shard(int index, int count) throws IOException {
    ArrayDataset all = directory == null ? EmbeddedSample.fashionMnist(pixels).train()
        : MnistLoader.of(variant).directory(Path.of(directory)).ifMissing(IfMissing.FAIL).pixels(pixels).load().train();
    return ShardedData.rows(all, index, count);
  }

  @Override
  public String describe() {
    return directory == null ? EmbeddedSample.DESCRIPTION : variant.id() + " in " + directory;
  }
}
