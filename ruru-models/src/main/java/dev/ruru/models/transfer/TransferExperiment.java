package dev.ruru.models.transfer;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.objective.Supervised;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The transfer experiment: pretrain the W3 CNN on some classes (Fashion-MNIST 0–4: clothing), then
 * learn other classes (5–9: sandal, shirt, sneaker, bag, ankle boot) from N labelled images each, three
 * ways: from scratch, frozen pretrained features with a new head, and fine-tuning every layer from the
 * pretrained weights with a new head. Each way trains about {@link Settings#steps} steps of Adam
 * (whole epochs over the labelled images) and is scored on every test image of the new classes.
 * {@code bench/transfer.py} runs the same program in PyTorch.
 *
 * <pre>{@code
 * TransferResults results = TransferExperiment.run(data, TransferExperiment.Settings.standard(List.of(0L)), out);
 * }</pre>
 */
public final class TransferExperiment {
  /** The three ways to learn the new classes, in the table's order. */
  public enum Way {
    SCRATCH("from scratch"), FROZEN("frozen features + new head"), FINE_TUNE("fine-tune all");

    private final String label;

    Way(String label) {
      this.label = label;
    }

    public String label() { return label; }
  }

  /**
   * What the experiment does.
   *
   * @param pretrainClasses the classes the model is pretrained on
   * @param targetClasses the new classes, relabelled 0..k−1
   * @param pretrainEpochs epochs of pretraining over all images of {@code pretrainClasses}
   * @param labelsPerClass the N of each run, e.g. 10, 50, 500
   * @param steps optimisation steps each run trains for, about (rounded up to whole epochs)
   * @param batchSize examples per step
   * @param learningRate Adam's learning rate, pretraining and every way
   * @param seeds one whole experiment (pretraining included) per seed
   */
  public record Settings(List<Integer> pretrainClasses, List<Integer> targetClasses, int pretrainEpochs, List<Integer> labelsPerClass,
      int steps, int batchSize, double learningRate, List<Long> seeds) {
    public Settings {
      pretrainClasses = List.copyOf(pretrainClasses);
      targetClasses = List.copyOf(targetClasses);
      labelsPerClass = List.copyOf(labelsPerClass);
      seeds = List.copyOf(seeds);
    }

    /** The experiment: classes 0–4 then 5–9, 10, 50 and 500 labels, 2 pretraining epochs, 300 steps of 32, Adam 1e-3. */
    public static Settings standard(List<Long> seeds) {
      return new Settings(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9), 2, List.of(10, 50, 500), 300, 32, 1e-3, seeds);
    }
  }

  private TransferExperiment() {}

  /** Runs every seed, way and N; prints one line per run to {@code out}. */
  public static TransferResults run(MnistData data, Settings settings, PrintWriter out) {
    ArrayDataset pretrainTrain = ClassSubset.of(data.train(), settings.pretrainClasses());
    ArrayDataset pretrainTest = ClassSubset.of(data.test(), settings.pretrainClasses());
    ArrayDataset targetTrain = ClassSubset.of(data.train(), settings.targetClasses());
    ArrayDataset targetTest = ClassSubset.of(data.test(), settings.targetClasses());
    List<TransferResults.Run> runs = new ArrayList<>();
    List<Double> pretrainAccuracies = new ArrayList<>();
    for (long seed : settings.seeds()) {
      ResumableRandom random = new ResumableRandom(seed);
      Layer pretrained = spec(settings.pretrainClasses().size()).build(random);
      train(pretrained, pretrainTrain, settings.pretrainEpochs(), settings, seed, random);
      double pretrainAccuracy = Supervised.evaluate(pretrained, Loss.crossEntropy(), pretrainTest, 500).accuracy();
      pretrainAccuracies.add(pretrainAccuracy);
      out.printf(Locale.ROOT, "seed %d: pretrained on classes %s, test accuracy %.4f%n", seed, settings.pretrainClasses(), pretrainAccuracy);
      Map<String, dev.ruru.array.NDArray> weights = pretrained.stateDict();
      for (int labels : settings.labelsPerClass()) {
        ArrayDataset labelled = ClassSubset.perClass(targetTrain, labels, seed);
        for (Way way : Way.values()) {
          Layer model = model(way, weights, settings, random);
          int epochs = Math.max(1, (int) Math.ceil((double) settings.steps() * settings.batchSize() / labelled.size()));
          train(model, labelled, epochs, settings, seed, random);
          double accuracy = Supervised.evaluate(model, Loss.crossEntropy(), targetTest, 500).accuracy();
          runs.add(new TransferResults.Run(seed, way, labels, accuracy));
          out.printf(Locale.ROOT, "seed %d, %d labels per class, %s: test accuracy %.4f (%d epochs)%n", seed, labels, way.label(), accuracy,
              epochs);
          out.flush();
        }
      }
    }
    return new TransferResults(settings, pretrainAccuracies, runs);
  }

  /** W3 with {@code classes} outputs: 28×28 → conv 16 → conv 32 → 1568 → 128 → classes. */
  static ModelSpec spec(int classes) {
    List<String> names = IntStream.range(0, classes).mapToObj(c -> "class " + c).toList();
    return ModelSpec.cnn(List.of(28, 28), List.of(16, 32), List.of(128), names);
  }

  /** A new model for {@code way}: W3 drawn afresh, or the pretrained weights with a new head, all or only the head trainable. */
  private static Layer model(Way way, Map<String, dev.ruru.array.NDArray> pretrained, Settings settings, ResumableRandom random) {
    int classes = settings.targetClasses().size();
    if (way == Way.SCRATCH) {
      return spec(classes).build(random);
    }
    Layer copy = spec(settings.pretrainClasses().size()).build(random);
    copy.loadStateDict(pretrained);
    return FineTuning.adapt(copy, way == Way.FROZEN ? "*" : null, classes, random);
  }

  private static void train(Layer model, ArrayDataset data, int epochs, Settings settings, long seed, ResumableRandom random) {
    Adam adam = new Adam(model.parameters(), AdamConfig.adam(settings.learningRate()));
    Supervised objective = new Supervised(model, adam, Loss.crossEntropy());
    Trainer.builder(objective).batchSize(settings.batchSize()).seed(seed).random(random).quiet().build().fit(data, null, epochs);
  }
}
