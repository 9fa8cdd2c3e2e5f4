package dev.ruru.cli;

import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.RunDivergedException;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.models.transfer.FineTuneRun;
import dev.ruru.models.transfer.FineTuneSettings;
import dev.ruru.models.transfer.Pretrained;
import dev.ruru.onnx.export.OnnxPretrained;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ruru finetune}: transfer learning from a saved model or an .onnx file. Reads the model (see
 * {@link #pretrained}), loads the images, and hands the run to {@link FineTuneRun}, which trains through the
 * same loop and writes the same reports as {@code ruru train}, and saves the model whole (architecture and
 * weights) in the form it came in: a layer-tree directory, or model.onnx.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Fine-tunes a saved model (a directory or an .onnx file) on Fashion-MNIST or MNIST: optionally a new head for some",
        "classes, frozen layers and few labels per class; writes the model (architecture and weights; model.onnx for an .onnx",
        "model), metrics.json and pictures.",
        "Example: ruru finetune --from runs/cnn --head 5-9 --freeze '*' --labels-per-class 50"})
final class FineTuneCommand implements Callable<Integer> {
  @Mixin FineTuneOptions tuning;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist", description = "fashion-mnist (default) or mnist.")
  private String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Look here first for the four IDX files.")
  private Path dataDirectory;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "5", description = "Epochs (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64", description = "Examples per step (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--validation-split", paramLabel = "F", defaultValue = "0.1",
      description = "Share of the training images held out for validation, before the labelled ones are drawn (default: ${DEFAULT-VALUE}).")
  private double validationSplit;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam", description = "sgd, adam (default), adamw, rmsprop or adagrad.")
  private String optimizer;

  @Option(names = "--lr", paramLabel = "X", description = "Learning rate (of the head when --body-lr is given; default: the optimiser's).")
  private Double learningRate;

  @Option(names = "--momentum", paramLabel = "M", description = "Momentum of sgd (default 0.9) or rmsprop (default 0).")
  private Double momentum;

  @Option(names = "--weight-decay", paramLabel = "W", description = "Weight decay, biases spared (default: 0; adamw 0.01).")
  private Double weightDecay;

  @Option(names = "--lr-schedule", paramLabel = "NAME", defaultValue = "constant", description = "As ruru train's (default: constant).")
  private String schedule;

  @Option(names = "--early-stopping", paramLabel = "P", defaultValue = "0", description = "Stop after P epochs without a lower validation loss.")
  private int earlyStopping;

  @Option(names = "--clip-norm", paramLabel = "X", defaultValue = "0", description = "Clip the gradients' global norm at X (default: off).")
  private double clipNorm;

  @Mixin private ThreadsOption threads;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the split, the labelled sample, the new head and the shuffles.")
  private long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/finetune", description = "Output directory (default: ${DEFAULT-VALUE}).")
  private Path outputDirectory;

  @Spec private CommandSpec spec;

  /** Adjusts the dataset loader before use; tests restrict its search path so that the embedded sample is used. */
  UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    threads.apply();
    FineTuneSettings settings = settings();
    Pretrained pretrained = pretrained(tuning.from);
    MnistLoader loader = MnistLoader.of(MnistVariant.fromId(dataset)).ifMissing(IfMissing.EMBEDDED_SAMPLE);
    MnistData data = loaderSetup.apply(dataDirectory == null ? loader : loader.directory(dataDirectory)).load();
    try {
      new FineTuneRun(outputDirectory, out, start).run(pretrained, data, settings, epochs);
    } catch (RunDivergedException e) {
      spec.commandLine().getErr().println("ruru finetune: " + e.getMessage());
      return Ruru.USAGE_ERROR;
    }
    return 0;
  }

  /** The model {@code --from} names: a model directory, or an .onnx classifier (fine-tuned as {@link OnnxPretrained} splits it). */
  static Pretrained pretrained(Path from) throws IOException {
    if (from.getFileName() != null && from.getFileName().toString().endsWith(".onnx")) {
      return OnnxPretrained.read(from);
    }
    return Pretrained.read(from);
  }

  private FineTuneSettings settings() {
    OptimizerChoice choice = OptimizerChoice.fromName(optimizer);
    if (momentum != null && !choice.hasMomentum()) {
      throw new IllegalArgumentException("--momentum applies to sgd and rmsprop, not " + choice.id());
    }
    return new FineTuneSettings(tuning.from.toString(), dataset, tuning.freeze, tuning.headClasses(), tuning.labelsPerClass, choice,
        learningRate != null ? learningRate : choice.defaultLearningRate(),
        tuning.bodyLearningRate != null ? tuning.bodyLearningRate : Double.NaN, momentum != null ? momentum : choice.defaultMomentum(),
        weightDecay != null ? weightDecay : choice.defaultWeightDecay(), batchSize, validationSplit, seed,
        new TrainingControls(schedule, earlyStopping, clipNorm));
  }
}
