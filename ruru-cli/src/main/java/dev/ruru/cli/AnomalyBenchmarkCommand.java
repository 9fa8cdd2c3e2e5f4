package dev.ruru.cli;

import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.models.anomaly.AnomalyBenchmark;
import dev.ruru.models.anomaly.AnomalyModelFiles;
import dev.ruru.models.anomaly.AnomalyRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ruru anomaly benchmark}: every class as normal in turn, each detector's AUROC and AUPRC, as a Markdown table. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs the one-class protocol for every class and prints AUROC and AUPRC per class and detector, and their means.")
final class AnomalyBenchmarkCommand implements Callable<Integer> {
  @Option(names = "--detectors", paramLabel = "NAME,NAME", split = ",", defaultValue = "pca",
      description = "Any of pca, deep-svdd, autoencoder and vae (default: ${DEFAULT-VALUE}).")
  List<String> detectors;

  @Option(names = "--components", paramLabel = "K", defaultValue = "32",
      description = "pca: components; autoencoder, vae: the code's size (default: ${DEFAULT-VALUE}).")
  int components;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "deep-svdd, autoencoder, vae: epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--lr", paramLabel = "X", description = "Adam's learning rate (default: 1e-4 for deep-svdd, 1e-3 for autoencoder and vae).")
  Double learningRate;

  @Mixin private ThreadsOption threads;

  @Mixin AnomalyCommand.DataOptions data = new AnomalyCommand.DataOptions();

  @Spec CommandSpec spec;

  UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

  @Override
  public Integer call() throws IOException {
    threads.apply();
    List<IntFunction<AnomalyRun.Settings>> settings = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String detector : detectors) {
      // Settings check the name: an unknown detector is refused before any data is read.
      double rate = learningRate != null ? learningRate : AnomalyCommand.defaultLearningRate(detector);
      new AnomalyRun.Settings(detector, 0, components, epochs, rate, 200, 0.05, 0);
      settings.add(c -> new AnomalyRun.Settings(detector, c, components, epochs, rate, 200, 0.05, 0));
      names.add(switch (detector) {
        case AnomalyModelFiles.PCA -> "PCA-" + components;
        case AnomalyModelFiles.DEEP_SVDD -> "Deep SVDD";
        case AnomalyModelFiles.AUTOENCODER -> "AE-" + components;
        default -> "VAE-" + components;
      });
    }
    AnomalyBenchmark.run(data.load(loaderSetup), names, settings, spec.commandLine().getOut());
    return 0;
  }
}
