package dev.ruru.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.text.CharTokenizer;
import dev.ruru.data.text.TextCorpus;
import dev.ruru.data.text.Vocabulary;
import dev.ruru.models.text.CharModelSpec;
import dev.ruru.models.text.LanguageModelRun;
import dev.ruru.models.text.LanguageModelSettings;
import dev.ruru.models.gan.GanRun;
import dev.ruru.models.run.MnistShards;
import dev.ruru.models.run.ShardedData;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.latent.LatentRun;
import dev.ruru.models.latent.LatentSettings;
import dev.ruru.models.latent.LatentSpec;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.models.run.TrainingRecipe;
import dev.ruru.models.table.TableRun;
import dev.ruru.models.table.TableSettings;
import dev.ruru.train.objective.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The families beyond the image classifiers on a local Spark with two executor threads: each provides a
 * {@link TrainingRecipe}, and one step per round must equal one machine trained on the same global batches.
 */
class FamiliesOnSparkTest {
  private static final int WORKERS = 2;
  private static final long SEED = 3;
  private static JavaSparkContext spark;

  @TempDir
  Path directory;

  @BeforeAll
  static void startSpark() {
    spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("ruru-families-test").set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void anAutoencoderWithOneStepPerRoundEqualsOneMachine() throws IOException {
    LatentSettings settings = new LatentSettings(LatentSpec.AUTOENCODER, "fashion-mnist", "fashion-mnist-sample", 8, 32, false, "nearest", "mse",
        1, "none", 0, 0, OptimizerChoice.ADAM, 1e-3, Double.NaN, 0, 64, 0.1, SEED, TrainingControls.NONE);
    assertSameAsOneMachine(LatentRun.trainingRecipe(settings, MnistVariant.FASHION_MNIST, null, 28, 28), 64, 1e-5);
  }

  @Test
  void aTableRegressionWithOneStepPerRoundEqualsOneMachine() throws IOException {
    Path csv = directory.resolve("houses.csv");
    StringBuilder text = new StringBuilder("area,district,price\n");
    Random random = new Random(1);
    String[] districts = {"north", "south", "east"};
    for (int i = 0; i < 400; i++) {
      double area = 50 + 100 * random.nextDouble();
      int district = random.nextInt(3);
      text.append(String.format(Locale.ROOT, "%.1f,%s,%.1f%n", area, districts[district], 2 * area + 50 * district + 10 * random.nextGaussian()));
    }
    Files.writeString(csv, text);
    TableSettings settings = new TableSettings(csv, "price", Optional.empty(), List.of(16), 0, OptimizerChoice.SGD, 0.05, 0.9, 0, 32, 0.1, 0.2,
        SEED, TrainingControls.NONE);
    assertSameAsOneMachine(TableRun.trainingRecipe(settings), 32, 1e-5);
  }

  @Test
  void aCharacterLstmWithOneStepPerRoundEqualsOneMachine() throws IOException {
    TextCorpus corpus = LanguageModelRun.readText(null);
    Vocabulary vocabulary = CharTokenizer.fit(corpus.text()).vocabulary();
    // --steps 12 of 16 random windows of 16 characters: 2 shards of 96 windows, 8 a step.
    LanguageModelSettings settings = new LanguageModelSettings(CharModelSpec.LSTM, "embedded:opticks", LanguageModelSettings.sha256(corpus.text()),
        16, 8, 16, 1, 1, 0, OptimizerChoice.ADAM, 2e-3, Double.NaN, 0, 16, 0.1, 12, false, SEED, TrainingControls.NONE);
    assertSameAsOneMachine(LanguageModelRun.trainingRecipe(settings, vocabulary, null), 16, 1e-5);
  }

  /**
   * A DCGAN's two phases, each its own round. One worker: BatchNorm's batch statistics are each worker's
   * own (as in DDP without SyncBatchNorm), so only one worker's step is one machine's; and the reference
   * draws its noise as the worker does, from the generator reseeded for the step.
   */
  @Test
  void aGanWithOneStepPerRoundEqualsOneMachine() throws IOException {
    TrainingRecipe gan = GanRun.trainingRecipe(new GanRun.Settings(8, 4, false, 16, 2e-3, SEED), MnistVariant.FASHION_MNIST, null);
    // 64 images: 4 steps of 16, each a round of the discriminator's phase and one of the generator's.
    TrainingRecipe recipe = new TrainingRecipe(gan.objective(), ShardedData.of(() -> sampleImages(64), "64 images of the sample"));
    assertSameAsOneMachine(recipe, 1, 16, 1e-5, (objective, epoch, step) -> objective.generators().get("latent")
        .setState(new Round(null, null, null, 0, epoch, 0, 0, SEED, -1).generatorSeed(0, step, 0)));
  }

  private static ArrayDataset sampleImages(int count) {
    try {
      return MnistShards.embeddedSample().shard(0, 1).subset(java.util.stream.IntStream.range(0, count).toArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertSameAsOneMachine(TrainingRecipe recipe, int batch, double tolerance) throws IOException {
    assertSameAsOneMachine(recipe, WORKERS, batch, tolerance, (objective, epoch, step) -> {});
  }

  private static void assertSameAsOneMachine(TrainingRecipe recipe, int workers, int batch, double tolerance, SameGlobalBatches.BeforeStep before)
      throws IOException {
    Map<String, NDArray> distributed;
    try (SparkTraining training = SparkTraining.on(spark, recipe.objective(), recipe.data()).workers(workers).batchSize(batch).seed(SEED)) {
      training.trainer(builder -> builder.quiet()).fit(training.rounds(), null, 1);
      distributed = state(training.objective());
    }
    Map<String, NDArray> local = state(SameGlobalBatches.train(recipe.objective(), recipe.data(), workers, batch, SEED, 1, before));
    Map<String, NDArray> initial = state(recipe.objective().make());
    assertEquals(local.keySet(), distributed.keySet());
    for (String name : local.keySet()) {
      double difference = SameGlobalBatches.maxDifference(local.get(name), distributed.get(name));
      assertTrue(difference < tolerance, name + " differs by " + difference);
      assertTrue(SameGlobalBatches.maxDifference(initial.get(name), local.get(name)) > 100 * tolerance, name + " did not train");
    }
  }

  /** Every model's weights, by model and path. */
  private static Map<String, NDArray> state(Objective objective) {
    Map<String, NDArray> all = new java.util.TreeMap<>();
    objective.models().forEach((model, layer) -> layer.stateDict().forEach((path, value) -> all.put(model + "/" + path, value)));
    return all;
  }
}
