package dev.ruru.examples;

import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.transfer.TransferExperiment;
import dev.ruru.models.transfer.TransferResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The course's "transfer learning": a CNN (W3) pretrained on Fashion-MNIST's clothing (classes 0–4:
 * T-shirt, trouser, pullover, dress, coat) learns five other classes (5–9: sandal, shirt, sneaker, bag,
 * ankle boot) from 10, 50 or 500 labelled images each, three ways: from scratch, with the pretrained
 * features frozen and only a new head trained, and fine-tuning every pretrained layer with a new head.
 *
 * <p>What to watch: fine-tuning beats training from scratch, most where labels are fewest, because the
 * pretrained filters (edges, textures) are a better start than random ones. Frozen features do worst:
 * features learnt to tell clothes apart do not tell footwear apart, so a head on top of them alone
 * cannot either. This is negative transfer: frozen features help only when the new task resembles the
 * old one.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.TransferLearning [seeds] [out-directory]} (default 1
 * seed, {@code runs/transfer}; about two minutes a seed on two cores) on Fashion-MNIST from
 * {@code /usr/share/datasets/fashion-mnist} (or the embedded sample, when it is missing); it prints the
 * table and writes {@code transfer.png} and {@code transfer.json}. {@code bench/transfer.py} runs it
 * beside the same program in PyTorch.
 */
public final class TransferLearning {
  private TransferLearning() {}

  public static void main(String[] args) throws IOException {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    Path directory = Path.of(args.length > 1 ? args[1] : "runs/transfer");
    MnistData data = MnistLoader.of(MnistVariant.FASHION_MNIST).ifMissing(IfMissing.EMBEDDED_SAMPLE).load();
    PrintWriter out = new PrintWriter(System.out, true);
    out.println("data: " + data.source());
    TransferResults results = run(data, TransferExperiment.Settings.standard(LongStream.range(0, seeds).boxed().toList()), directory, out);
    out.println(results.toJson());
  }

  /** Runs the experiment, prints its table and writes {@code transfer.png} and {@code transfer.json} into {@code directory}. */
  static TransferResults run(MnistData data, TransferExperiment.Settings settings, Path directory, PrintWriter out) throws IOException {
    TransferResults results = TransferExperiment.run(data, settings, out);
    out.println();
    out.print(results.table());
    Files.createDirectories(directory);
    results.writeChart(directory.resolve("transfer.png"));
    Files.writeString(directory.resolve("transfer.json"), results.toJson() + "\n");
    out.println("wrote transfer.png and transfer.json to " + directory);
    return results;
  }

  /** The fast mode the test runs: the embedded sample, one pretraining epoch, 10 and 50 labels, 30 steps. */
  static TransferResults fast(Path directory, PrintWriter out) throws IOException {
    MnistData sample = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    TransferExperiment.Settings settings = new TransferExperiment.Settings(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9), 1,
        List.of(10, 50), 30, 32, 1e-3, List.of(0L));
    return run(sample, settings, directory, out);
  }
}
