import dev.ruru.array.Parallel;
import dev.ruru.data.graph.GraphArchive;
import dev.ruru.data.graph.GraphData;
import dev.ruru.data.graph.KarateClub;
import dev.ruru.models.graph.GraphModel;
import dev.ruru.models.graph.GraphReport;
import dev.ruru.models.graph.GraphRun;
import dev.ruru.models.graph.GraphSettings;
import dev.ruru.train.metrics.EpochMetrics;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Ruru's side of bench/compare_graph.py: GCN or GAT on Cora (or GCN on the karate club) over SEEDS
 * seeds with the papers' settings, as GraphRun trains them (`ruru train --model gcn --graph cora.npz`).
 * Prints one JSON line: the test accuracy's mean and spread over the seeds (the weights of each run's
 * best validation epoch) and the median wall time of a training epoch (one full-graph step: forward,
 * backward, Adam), the median over the runs of each run's median after its first 5 epochs.
 *
 * Usage, from the repository root after ./ruru --version has built the jar:
 *   java -cp ruru-cli/target/ruru.jar bench/graph/CoraBench.java CORA_NPZ|karate gcn|gat SEEDS THREADS [EPOCHS]
 */
public final class CoraBench {
  public static void main(String[] args) throws Exception {
    String graph = args[0];
    GraphModel model = GraphModel.named(args[1]);
    int seeds = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    Parallel.setThreads(threads);
    GraphData data = graph.equals("karate") ? KarateClub.load() : GraphArchive.read(Path.of(graph));
    GraphSettings settings = GraphSettings.defaults(model, graph, 0);
    if (args.length > 4) {
      settings = settings.withEpochs(Integer.parseInt(args[4]));
    }
    double[] accuracy = new double[seeds];
    double[] seconds = new double[seeds];
    for (int seed = 0; seed < seeds; seed++) {
      GraphReport report = new GraphRun(null, null).train(data, settings.withSeed(seed));
      accuracy[seed] = report.testAccuracy();
      double[] epochs = report.epochs().stream().skip(5).mapToDouble(EpochMetrics::seconds).toArray();
      seconds[seed] = median(epochs);
    }
    double mean = Arrays.stream(accuracy).average().orElse(Double.NaN);
    double spread = Math.sqrt(Arrays.stream(accuracy).map(a -> (a - mean) * (a - mean)).average().orElse(Double.NaN));
    System.out.printf(Locale.ROOT, "{\"side\": \"ruru\", \"model\": \"%s\", \"graph\": \"%s\", \"threads\": %d, \"seeds\": %d, \"epochs\": %d, "
        + "\"test_accuracy_mean\": %.4f, \"test_accuracy_std\": %.4f, \"sec_per_epoch\": %.5f}%n", model.cliName(),
        graph.equals("karate") ? "karate" : Path.of(graph).getFileName(), threads, seeds, settings.epochs(), mean, spread, median(seconds));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
