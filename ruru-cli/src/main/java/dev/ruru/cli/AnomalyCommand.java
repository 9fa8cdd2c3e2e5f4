package dev.ruru.cli;

import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.anomaly.AnomalyModelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ruru anomaly}: one-class anomaly detection on Fashion-MNIST or MNIST ({@code dev.ruru.models.anomaly}):
 * {@code train} fits a detector on one class and evaluates it, {@code score} scores new images with a saved
 * one, {@code benchmark} runs the whole per-class table.
 */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
    description = {"One-class anomaly detection: learn one class as normal, flag images that do not fit it.",
        "Detectors: pca (reconstruction error of a 32-component PCA), deep-svdd (Ruff et al. 2018),",
        "autoencoder (reconstruction error) and vae (negative ELBO); train also takes a CSV table (--csv)."},
    subcommands = {AnomalyTrainCommand.class, AnomalyScoreCommand.class, AnomalyBenchmarkCommand.class})
final class AnomalyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: one of " + String.join(", ", spec.subcommands().keySet()));
  }

  /** Adam's default rate: Ruff's 1e-4 for Deep SVDD, PyTorch's VAE example's 1e-3 for the autoencoder and the VAE. */
  static double defaultLearningRate(String detector) {
    return detector.equals(AnomalyModelFiles.DEEP_SVDD) ? 1e-4 : 1e-3;
  }

  /** The data options the train and benchmark subcommands share, and the loader they build. */
  static final class DataOptions {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist", description = "fashion-mnist (default) or mnist.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Look here first for the four IDX files.")
    Path dataDirectory;

    MnistData load(UnaryOperator<MnistLoader> setup) throws IOException {
      MnistLoader loader = MnistLoader.of(MnistVariant.fromId(dataset)).ifMissing(IfMissing.EMBEDDED_SAMPLE);
      if (dataDirectory != null) {
        loader = loader.directory(dataDirectory);
      }
      return setup.apply(loader).load();
    }
  }
}
