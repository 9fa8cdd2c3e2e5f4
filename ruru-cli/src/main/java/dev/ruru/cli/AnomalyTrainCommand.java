package dev.ruru.cli;

import dev.ruru.data.csv.CsvFormat;
import dev.ruru.data.csv.CsvReader;
import dev.ruru.data.csv.LabelColumn;
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
        "scores every test image (normal = that class), and writes the detector, metrics.json, roc.png and extremes.png.",
        "With --csv, the same on a table's standardised numeric columns (deep-svdd with a bias-free perceptron there)."})
final class AnomalyTrainCommand implements Callable<Integer> {
  @Option(names = "--normal-class", paramLabel = "C", required = true, description = "The class taken as normal (0-9).")
  int normalClass;

  @Option(names = "--detector", paramLabel = "NAME", defaultValue = "pca",
      description = "pca (default), deep-svdd, autoencoder (reconstruction error) or vae (negative ELBO).")
  String detector;

  @Option(names = "--components", paramLabel = "K", defaultValue = "32",
      description = "pca: components; autoencoder, vae: the code's size; deep-svdd on --csv: its code's size (default: ${DEFAULT-VALUE}).")
  int components;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "deep-svdd, autoencoder, vae: epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--lr", paramLabel = "X", description = "Adam's learning rate (default: 1e-4 for deep-svdd, 1e-3 for autoencoder and vae).")
  Double learningRate;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "200", description = "the networks' batch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--csv", paramLabel = "FILE", description = "Tabular data instead of images: a CSV of numeric columns with a header and a label column.")
  Path csv;

  @Option(names = "--label-column", paramLabel = "NAME", defaultValue = "label", description = "--csv: the label column's name (default: ${DEFAULT-VALUE}).")
  String labelColumn;

  @Option(names = "--test-share", paramLabel = "F", defaultValue = "0.3",
      description = "--csv: the share of rows held out as the test set, stratified by label (default: ${DEFAULT-VALUE}).")
  double testShare;

  @Option(names = "--fpr", paramLabel = "F", defaultValue = "0.05",
      description = "The threshold's target false-positive rate on held-out normal images (default: ${DEFAULT-VALUE}).")
  double falsePositiveRate;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the held-out split and the network (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin private ThreadsOption threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/anomaly-DETECTOR-C).")
  Path outputDirectory;

  @Mixin AnomalyCommand.DataOptions data = new AnomalyCommand.DataOptions();

  @Spec CommandSpec spec;

  /** Adjusts the dataset loader before use; tests restrict its search path so that the embedded sample is used. */
  UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

  @Override
  public Integer call() throws IOException {
    threads.apply();
    AnomalyRun.Settings settings = new AnomalyRun.Settings(detector, normalClass, components, epochs,
        learningRate != null ? learningRate : AnomalyCommand.defaultLearningRate(detector), batchSize, falsePositiveRate, seed);
    Path out = outputDirectory != null ? outputDirectory : Path.of("runs", "anomaly-" + detector + "-" + normalClass);
    AnomalyRun run = new AnomalyRun(out, spec.commandLine().getOut());
    if (csv != null) {
      run.train(CsvReader.read(csv, CsvFormat.withHeader(LabelColumn.named(labelColumn))), csv.toString(), settings, testShare);
    } else {
      run.train(data.load(loaderSetup), settings);
    }
    return 0;
  }
}
