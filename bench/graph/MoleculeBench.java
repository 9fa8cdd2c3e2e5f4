import dev.ruru.array.Parallel;
import dev.ruru.data.graph.GraphData;
import dev.ruru.data.graph.MoleculeSet;
import dev.ruru.models.graph.GraphClassification;
import dev.ruru.models.graph.GraphClassificationRun;
import dev.ruru.models.graph.GraphModel;
import dev.ruru.models.graph.GraphSettings;
import dev.ruru.models.graph.MoleculeRun;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 23's whole-graph targets, as `ruru train --model gin --task regression|graph` trains them:
 * the polar surface area of the 4,999 NCI molecules (held-out MAE; target < 3 Å²), the BZR ligands'
 * activity class (pIC50 ≥ 7; accuracy beside the majority class, over SEEDS seeds, each its own split)
 * and the atlas's "has a triangle" (target ≥ 99 %) and "is bipartite", with the closed-walk features
 * and, for comparison, with degrees alone. Prints one JSON line per row.
 *
 * Usage, from the repository root after ./ruru --version has built the jar (rdkit-data and
 * python3-networkx installed):
 *   java -cp ruru-cli/target/ruru.jar bench/graph/MoleculeBench.java tpsa|bzr|atlas SEEDS [EPOCHS]
 */
public final class MoleculeBench {
  public static void main(String[] args) throws Exception {
    Parallel.setThreads(1);
    String what = args[0];
    int seeds = Integer.parseInt(args[1]);
    if (what.equals("atlas")) {
      for (GraphClassificationRun.Features features : GraphClassificationRun.Features.values()) {
        List<GraphData> graphs = GraphClassificationRun.readGraphs("atlas", features);
        for (GraphClassification.Property property : GraphClassification.Property.values()) {
          double[] accuracy = new double[seeds];
          for (int seed = 0; seed < seeds; seed++) {
            GraphSettings settings = new GraphSettings(GraphModel.GIN, "atlas", 64, 0, 0.003, 0, epochs(args, 30), seed);
            accuracy[seed] = new GraphClassificationRun(null, null).train(graphs, property, settings);
          }
          print("atlas " + property.name().toLowerCase(Locale.ROOT) + ", " + features.name().toLowerCase(Locale.ROOT), accuracy, null);
        }
      }
      return;
    }
    boolean regression = what.equals("tpsa");
    MoleculeSet set = MoleculeSet.read(what, "ACTIVITY");
    double[] test = new double[seeds], baseline = new double[seeds];
    for (int seed = 0; seed < seeds; seed++) {
      GraphSettings settings = new GraphSettings(GraphModel.GIN, what, 64, 0, 0.003, 0, epochs(args, regression ? 100 : 300), seed);
      MoleculeRun.MoleculeReport report = new MoleculeRun(null, null).train(set, regression ? MoleculeRun.Task.REGRESSION
          : MoleculeRun.Task.CLASSIFICATION, 7.0, settings);
      test[seed] = report.test();
      baseline[seed] = report.baseline();
    }
    print(what + (regression ? " test MAE" : " test accuracy"), test, baseline);
  }

  private static int epochs(String[] args, int otherwise) {
    return args.length > 2 ? Integer.parseInt(args[2]) : otherwise;
  }

  private static void print(String row, double[] values, double[] baseline) {
    System.out.printf(Locale.ROOT, "{\"row\": \"%s\", \"seeds\": %d, \"mean\": %.4f, \"std\": %.4f, \"min\": %.4f, \"max\": %.4f%s}%n", row,
        values.length, mean(values), std(values), Arrays.stream(values).min().orElse(Double.NaN), Arrays.stream(values).max().orElse(Double.NaN),
        baseline == null ? "" : String.format(Locale.ROOT, ", \"baseline_mean\": %.4f", mean(baseline)));
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static double std(double[] values) {
    double mean = mean(values);
    return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(Double.NaN));
  }
}
