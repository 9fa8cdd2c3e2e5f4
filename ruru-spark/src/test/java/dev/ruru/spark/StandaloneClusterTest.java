package dev.ruru.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.models.run.MnistShards;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real standalone cluster on loopback: a master and two workers in their own JVMs, executors launched
 * by the workers. The run must give what two local threads give (the same rounds, the same sums).
 */
class StandaloneClusterTest {
  @Test
  @Timeout(180)
  void trainsOnAMasterAndTwoWorkersAsOnLocalThreads() throws Exception {
    Map<String, NDArray> onCluster;
    try (LoopbackCluster cluster = new LoopbackCluster(2)) {
      JavaSparkContext spark = new JavaSparkContext(new org.apache.spark.SparkConf().setMaster(cluster.master()).setAppName("ruru-loopback")
          .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1").set("spark.ui.enabled", "false")
          .set("spark.executor.memory", "512m").set("spark.cores.max", "2")
          .set("spark.executor.extraJavaOptions", String.join(" ", SparkSession.JVM_OPTIONS)));
      try {
        onCluster = train(spark);
      } catch (RuntimeException e) {
        throw new AssertionError("training on the loopback cluster failed; its logs:\n" + cluster.logs(), e);
      } finally {
        spark.stop();
      }
    }
    Map<String, NDArray> onThreads;
    JavaSparkContext local = SparkSession.connect("local[2]", "ruru-local");
    try {
      onThreads = train(local);
    } finally {
      local.stop();
    }
    onThreads.forEach((name, value) -> {
      double[] a = value.toDoubleArray();
      double[] b = onCluster.get(name).toDoubleArray();
      for (int i = 0; i < a.length; i++) {
        assertTrue(Math.abs(a[i] - b[i]) < 1e-5, name + "[" + i + "]: " + a[i] + " on threads, " + b[i] + " on the cluster");
      }
    });
  }

  private static Map<String, NDArray> train(JavaSparkContext spark) {
    try (SparkTraining training = SparkTraining.on(spark, SparkTrainingTest::mlp, MnistShards.embeddedSample()).workers(2).batchSize(64)
        .seed(3).syncEvery(26)) {
      training.trainer(builder -> builder.quiet()).fit(training.rounds(), null, 1);
      return training.objective().models().get("model").stateDict();
    }
  }
}
