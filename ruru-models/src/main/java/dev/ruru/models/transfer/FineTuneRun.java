package dev.ruru.models.transfer;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.SplitFractions;
import dev.ruru.data.Splits;
import dev.ruru.data.Stratification;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.models.classify.ConvolutionReport;
import dev.ruru.models.classify.RunReport;
import dev.ruru.models.classify.RunResults;
import dev.ruru.models.classify.RunSummary;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Sequential;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.model.LayerTreeFiles;
import dev.ruru.train.objective.Supervised;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code ruru finetune} run, top to bottom: take the classes asked for (relabelled), hold out a
 * stratified validation split, keep N labelled images per class of the rest, adapt the pretrained model
 * ({@link FineTuning}: freeze, new head), train it with the one {@link Trainer} as {@code ruru train}
 * does (progress bar, schedule, early stopping, clipping, a checkpoint after every good epoch), evaluate
 * on the test images of those classes, and write the model whole in the form it came in ({@link ModelWriter}:
 * a layer tree or an .onnx file, no code needed to load it), metrics.json and the pictures.
 */
public final class FineTuneRun {
  private final Path directory;
  private final PrintWriter out;
  private final long start;

  /** A run writing into {@code directory}, printing to {@code out}; "done in" counts from {@code startNanos}. */
  public FineTuneRun(Path directory, PrintWriter out, long startNanos) {
    this.directory = directory;
    this.out = out;
    this.start = startNanos;
  }

  /** Fine-tunes {@code pretrained} on {@code data} for {@code epochs} epochs. */
  public RunSummary run(Pretrained pretrained, MnistData data, FineTuneSettings settings, int epochs) throws IOException {
    out.println("data: " + data.source() + (data.isEmbeddedSample() ? " (no full dataset found; see --data-dir)" : ""));
    checkInputShape(pretrained, data);
    List<Integer> classes = settings.headClasses();
    ArrayDataset train = classes.isEmpty() ? data.train() : ClassSubset.of(data.train(), classes);
    ArrayDataset test = classes.isEmpty() ? data.test() : ClassSubset.of(data.test(), classes);
    List<String> names = classes.isEmpty() ? pretrained.classNames() : classes.stream().map(c -> data.variant().classNames().get(c)).toList();
    Splits parts = split(train, settings);
    ArrayDataset labelled = settings.labelsPerClass() == 0 ? parts.train() : ClassSubset.perClass(parts.train(), settings.labelsPerClass(),
        settings.seed());
    ResumableRandom random = new ResumableRandom(settings.seed());
    Layer network = FineTuning.adapt(pretrained.model(), settings.freeze(), classes.size(), random);
    Map<String, Double> rates = Double.isNaN(settings.bodyLearningRate()) ? Map.of() : Map.of(FineTuning.headPath(network), settings.learningRate());
    Optimizer optimizer = settings.optimizer().create(network.parameters(), settings.baseLearningRate(), settings.momentum(),
        settings.weightDecay(), rates);
    Supervised objective = new Supervised(network, optimizer, Loss.crossEntropy());
    RunCheckpoint checkpoints = new RunCheckpoint(directory, epochs, Map.of(FineTuneSettings.KEY, settings.toJson()), out);
    TrainerBuilder builder = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed()).random(random)
        .progress(new ProgressBar(out, ProgressStyle.detect())).callbacks(checkpoints.callback());
    int batches = (labelled.size() + settings.batchSize() - 1) / settings.batchSize();
    ArrayDataset validation = parts.validation().size() == 0 ? null : parts.validation();
    Trainer trainer = settings.controls().applyTo(builder, settings.baseLearningRate(), epochs, batches, validation != null).build();
    out.println("from " + pretrained.source() + ": " + settings.describe());
    out.println(network.summary(dev.ruru.array.Shape.of(shapeWithBatch(pretrained.inputShape()))));
    out.printf("training %d, validation %d, test %d examples; %d epochs, batch %d, %s, seed %d%n", labelled.size(),
        parts.validation().size(), test.size(), epochs, settings.batchSize(), settings.optimizer().describe(settings.learningRate(),
            settings.momentum(), settings.weightDecay()) + settings.controls().describe(), settings.seed());
    out.flush();
    History history = checkpoints.fit(trainer, epochs, () -> trainer.fit(labelled, validation, epochs));
    RunSummary summary = new RunSummary("finetune", settings.dataset(), "from " + pretrained.source() + ", " + settings.describe(),
        settings.optimizer().describe(settings.learningRate(), settings.momentum(), settings.weightDecay()), labelled.size(),
        parts.validation().size(), history.epochs(), trainer.steps(), objective.evaluate(test, settings.batchSize()), names);
    List<Path> written = write(network, pretrained, summary, names, settings, test.features());
    written.add(checkpoints.file());
    RunResults.print(out, summary, history, written, directory, (System.nanoTime() - start) / 1e9, "ruru finetune --from "
        + pretrained.writer().source(directory) + " to train it further");
    return summary;
  }

  private List<Path> write(Layer network, Pretrained pretrained, RunSummary summary, List<String> names, FineTuneSettings settings,
      NDArray testImages) throws IOException {
    List<Path> written = new ArrayList<>(pretrained.writer().write(directory, new LayerTreeFiles.Saved(network, pretrained.inputShape(),
        names, Map.of("dataset", settings.dataset(), "finetuned_from", pretrained.source()))));
    written.addAll(RunReport.write(directory, summary, testImages));
    if (network instanceof Sequential layers && layers.layers().stream().anyMatch(Conv2d.class::isInstance)) {
      written.addAll(ConvolutionReport.write(directory, network, testImages));
    }
    return written;
  }

  private static int[] shapeWithBatch(List<Integer> inputShape) {
    int[] shape = new int[inputShape.size() + 1];
    shape[0] = 1;
    for (int i = 0; i < inputShape.size(); i++) {
      shape[i + 1] = inputShape.get(i);
    }
    return shape;
  }

  private static void checkInputShape(Pretrained pretrained, MnistData data) {
    int[] dims = data.train().features().shape().dims();
    List<Integer> images = java.util.Arrays.stream(dims, 1, dims.length).boxed().toList();
    if (!images.equals(pretrained.inputShape())) {
      throw new IllegalArgumentException("finetune: the model takes inputs " + pretrained.inputShape() + " but the images are " + images);
    }
  }

  /** Training and validation parts, stratified and seeded; all training when the split is 0. */
  private static Splits split(ArrayDataset all, FineTuneSettings settings) {
    if (settings.validationSplit() == 0) {
      ArrayDataset none = all.subset(new int[0]);
      return new Splits(all, none, none);
    }
    return Splits.of(all, SplitFractions.trainValidation(settings.validationSplit()), settings.seed(), Stratification.BY_LABEL);
  }
}
