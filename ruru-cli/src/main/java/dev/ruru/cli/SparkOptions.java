package dev.ruru.cli;

import dev.ruru.models.run.ClusterTraining;
import dev.ruru.spark.SparkCluster;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code ruru train}'s options for data-parallel training on Apache Spark (docs/distributed.md). */
final class SparkOptions {
  /** What {@code --spark} takes to mean the master that spark-submit configured. */
  static final String SUBMIT = "submit";

  @Option(names = "--spark", paramLabel = "MASTER", description = "Train data-parallel on Apache Spark 4.2: local[N], spark://HOST:PORT,"
      + " or '" + SUBMIT + "' under spark-submit. Spark's jars come from SPARK_HOME (./ruru adds them) or from spark-submit.")
  String master;

  @Option(names = "--workers", description = "With --spark: shards of the training set, one task each per round (default: 2).")
  Integer workers;

  @Option(names = "--sync-every", paramLabel = "K", description = "With --spark: local steps per round; 1 (the default) is synchronous SGD,"
      + " equal to one machine with the same global batch; K averages the workers' weights every K steps.")
  Integer syncEvery;

  @Option(names = "--outer-momentum", paramLabel = "RATE,M", split = ",", description = "With --spark and --sync-every K > 1: instead of"
      + " loading the workers' averaged weights, step from the broadcast ones along the average with Nesterov momentum M at RATE"
      + " (DiLoCo's 0.7,0.9 closed local SGD's accuracy gap in docs/distributed.md; default: plain averaging).")
  java.util.List<Double> outerMomentum;

  /** The cluster these options ask for, logging each round in {@code runDirectory}'s rounds.csv; or null to train on this machine. */
  ClusterTraining cluster(ParseResult parsed, java.nio.file.Path runDirectory) {
    if (master == null) {
      for (String option : new String[] {"--workers", "--sync-every", "--outer-momentum"}) {
        if (parsed.hasMatchedOption(option)) {
          throw new IllegalArgumentException(option + " applies to training on Spark; add --spark local[2] or --spark spark://HOST:PORT");
        }
      }
      return null;
    }
    if (parsed.hasMatchedOption("--clip-norm")) {
      throw new IllegalArgumentException("--clip-norm is not applied to the workers' averaged gradients yet; leave it out with --spark");
    }
    try {
      Class.forName("org.apache.spark.SparkContext", false, SparkOptions.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("--spark needs Apache Spark 4.2's jars: set SPARK_HOME to a Spark 4.2 installation (./ruru then"
          + " adds $SPARK_HOME/jars) or run ruru.jar with spark-submit; see docs/distributed.md");
    }
    int steps = syncEvery == null ? 1 : syncEvery;
    if (outerMomentum != null && (outerMomentum.size() != 2 || steps == 1)) {
      throw new IllegalArgumentException(outerMomentum.size() != 2 ? "Invalid --outer-momentum: " + outerMomentum + "; expected RATE,MOMENTUM such as 0.7,0.9"
          : "--outer-momentum steps on the weights averaged after local steps; add --sync-every K with K > 1");
    }
    SparkCluster cluster = new SparkCluster(master.equals(SUBMIT) ? null : master, workers == null ? 2 : workers, steps).roundLog(runDirectory);
    return outerMomentum == null ? cluster : cluster.outerMomentum(outerMomentum.get(0), outerMomentum.get(1));
  }

  /**
   * A graph network trains full-graph steps: every node's output needs its neighbours', so a worker would
   * hold the whole graph and repeat the whole forward pass to take the loss over its share of the nodes,
   * which saves nothing (refused before the option families' check, so that the message says why).
   */
  void refuseGraph() {
    if (master != null) {
      throw new IllegalArgumentException("--spark does not train a graph network: one step is the whole graph, and each worker would repeat"
          + " its whole forward pass to take the loss over a share of the nodes, which saves nothing; train it on one machine"
          + " (docs/distributed.md)");
    }
  }
}
