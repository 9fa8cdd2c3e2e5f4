package dev.ruru.spark;

import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.models.run.MnistShards;
import dev.ruru.nn.Loss;
import dev.ruru.train.Trainer;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Supervised;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement behind docs/distributed.md's local-SGD table, not a check (it takes minutes): the sample's
 * MLP with Adam, 2 workers, global batch 64, 5 epochs, on one machine and with K = 10 plain averaging or an
 * outer momentum step, over seeds. Run with
 * {@code ./test -pl ruru-spark -am -Dtest=LocalSgdExperiment -Druru.spark.experiment=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "ruru.spark.experiment", matches = "true")
class LocalSgdExperiment {
  private static final double[][] OUTER = {{1, 0}, {1, 0.5}, {0.7, 0.9}, {1.5, 0}};

  @Test
  void printsAccuracies() {
    try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("ruru-local-sgd")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"))) {
      for (long seed : new long[] {11, 12}) {
        Objective reference = SparkTrainingTest.mlp();
        Trainer.builder(reference).batchSize(64).seed(seed).quiet().build().fit(EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).train(), null, 5);
        System.out.printf(Locale.ROOT, "experiment seed %d one machine: %.4f%n", seed, accuracy(reference));
        for (double[] outer : OUTER) {
          try (SparkTraining training = SparkTraining.on(spark, SparkTrainingTest::mlp, MnistShards.embeddedSample()).workers(2).batchSize(64)
              .seed(seed).syncEvery(10).outerMomentum(outer[0], outer[1])) {
            training.trainer(builder -> builder.quiet()).fit(training.rounds(), null, 5);
            System.out.printf(Locale.ROOT, "experiment seed %d K=10 outer lr %.1f momentum %.1f: %.4f%n", seed, outer[0], outer[1],
                accuracy(training.objective()));
          }
        }
      }
    }
  }

  private static double accuracy(Objective objective) {
    return Supervised.evaluate(objective.models().get("model"), Loss.crossEntropy(), EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).test(),
        256).accuracy();
  }
}
