package dev.ruru.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** One in-process run of the {@code ruru} command line, with what it printed. */
record CommandRun(int exitCode, String out, String err) {
  /** Runs {@code ruru args...} as {@link Ruru#main} would, capturing stdout and stderr. */
  static CommandRun of(String... args) {
    return of(commandLine -> { }, args);
  }

  /**
   * Runs {@code ruru args...} with the train, eval and embed commands' dataset search limited to an empty
   * {@code home}, so they use the embedded sample whatever this machine has installed.
   */
  static CommandRun withEmbeddedSample(Path home, String... args) {
    return of(commandLine -> {
      TrainCommand train = commandLine.getSubcommands().get("train").getCommand();
      train.loaderSetup = loader -> loader.searching(Map.of(), home, List.of());
      EvalCommand eval = commandLine.getSubcommands().get("eval").getCommand();
      eval.loaderSetup = loader -> loader.searching(Map.of(), home, List.of());
      EmbedCommand embed = commandLine.getSubcommands().get("embed").getCommand();
      embed.loaderSetup = loader -> loader.searching(Map.of(), home, List.of());
      FineTuneCommand finetune = commandLine.getSubcommands().get("finetune").getCommand();
      finetune.loaderSetup = loader -> loader.searching(Map.of(), home, List.of());
    }, args);
  }

  private static CommandRun of(Consumer<CommandLine> setup, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Ruru.commandLine();
    setup.accept(commandLine);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
