package dev.ruru.cli;

import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ruru data download mnist|fashion-mnist [--dir DIR]}: fetches a dataset's four files from its
 * canonical mirror, each checked against its SHA-256, into the directory {@code ruru train} searches;
 * {@code ruru data spoken-digits --out DIR} builds the spoken-digit corpus ({@link SpokenDigitsCommand}).
 */
@Command(name = "data", mixinStandardHelpOptions = true, subcommands = {DataCommand.Download.class, SpokenDigitsCommand.class},
    description = "Gets the datasets ruru train uses.")
final class DataCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** {@code ruru data} alone: a subcommand is needed. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing a command: download or spoken-digits");
  }

  /** {@code ruru data download NAME}: the checked download of {@link MnistLoader#download()}. */
  @Command(name = "download", mixinStandardHelpOptions = true,
      description = {"Downloads MNIST or Fashion-MNIST (four .gz files, each checked against its SHA-256) into ~/.ruru/data/NAME",
          "(or $RURU_DATA/NAME, or --dir), where ruru train finds it. Files already there and intact are kept."})
  static final class Download implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "mnist or fashion-mnist.")
    private String name;

    @Option(names = "--dir", paramLabel = "DIR", description = "Download into DIR instead; then train with --data-dir DIR.")
    private Path directory;

    @Spec private CommandSpec spec;

    /** Adjusts the loader before use: tests point it at a local mirror of the sample files. */
    UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

    @Override
    public Integer call() throws IOException {
      MnistVariant variant = MnistVariant.fromId(name);
      MnistLoader loader = MnistLoader.of(variant);
      loader = loaderSetup.apply(directory == null ? loader : loader.directory(directory));
      PrintWriter out = spec.commandLine().getOut();
      out.println("downloading " + variant.id() + " into " + loader.downloadDirectory() + " ...");
      out.flush();
      Path target = loader.download();
      out.println("done: four files, each SHA-256 verified, in " + target);
      out.println("next: ruru train --dataset " + variant.id() + (directory == null ? "" : " --data-dir " + target));
      out.flush();
      return 0;
    }
  }
}
