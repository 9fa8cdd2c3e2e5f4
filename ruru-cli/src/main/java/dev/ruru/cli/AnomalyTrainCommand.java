package dev.ruru.cli;

import dev.ruru.array.Parallel;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.models.anomaly.AnomalyRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ruru anomaly train}: the one-class protocol for one normal class ({@link AnomalyRun}). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Fits a detector on the training images of --normal-class, chooses its threshold on held-out normal images,",
        "scores every test image (normal = that class), and writes the detector, metrics.json, roc.png and extremes.png."})
final class AnomalyTrainCommand implements Callable<Integer> {
  @Option(names = "--normal-class", paramLabel = "C", required = true, description = "The class taken as normal (0-9).")
  int normalClass;

  @Option(names = "--detector", paramLabel = "NAME", defaultValue = "pca", description = "pca (default) or deep-svdd.")
  String detector;

  @Option(names = "--components", paramLabel = "K", defaultValue = "32", description = "pca: components (default: ${DEFAULT-VALUE}).")
  int components;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "deep-svdd: epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--lr", paramLabel = "X", defaultValue = "1e-4", description = "deep-svdd: Adam's learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "200", description = "deep-svdd: batch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--fpr", paramLabel = "F", defaultValue = "0.05",
      description = "The threshold's target false-positive rate on held-out normal images (default: ${DEFAULT-VALUE}).")
  double falsePositiveRate;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the held-out split and the network (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Threads for array kernels and BLAS (default: all cores).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/anomaly-DETECTOR-C).")
  Path outputDirectory;

  @Mixin AnomalyCommand.DataOptions data = new AnomalyCommand.DataOptions();

  @Spec CommandSpec spec;

  /** Adjusts the dataset loader before use; tests restrict its search path so that the embedded sample is used. */
  UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

  @Override
  public Integer call() throws IOException {
    if (threads != null) {
      Parallel.setThreads(threads);
    }
    AnomalyRun.Settings settings = new AnomalyRun.Settings(detector, normalClass, components, epochs, learningRate, batchSize, falsePositiveRate, seed);
    Path out = outputDirectory != null ? outputDirectory : Path.of("runs", "anomaly-" + detector + "-" + normalClass);
    new AnomalyRun(out, spec.commandLine().getOut()).train(data.load(loaderSetup), settings);
    return 0;
  }
}
