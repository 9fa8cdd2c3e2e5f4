package dev.ruru.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

/**
 * The {@code ruru} command: {@code ruru bench ...}, {@code ruru inspect FILE...}, {@code ruru diff ...}, {@code ruru --help}.
 *
 * <p>Exit codes: 0 success, 2 bad usage or bad input (a one-line message on stderr, no stack trace),
 * 1 an unexpected failure (with its stack trace, because that is a bug to report).
 */
@Command(
    name = "ruru",
    mixinStandardHelpOptions = true,
    versionProvider = Ruru.Version.class,
    description = "Ruru, deep learning for the JVM.",
    subcommands = {TrainCommand.class, FineTuneCommand.class, EvalCommand.class, PredictCommand.class, GenerateCommand.class, EmbedCommand.class,
        AnomalyCommand.class, PerceptronCommand.class, RlCommand.class, PlayCommand.class, ArenaCommand.class, SelfPlayCommand.class, DiffCommand.class,
        DataCommand.class, ShellCommand.class, BenchCommand.class, InspectCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class Ruru implements Runnable {
  /** Exit code for a user mistake: bad options, a missing or malformed file. */
  static final int USAGE_ERROR = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    try {
      System.exit(commandLine().execute(args));
    } catch (OutOfMemoryError full) {
      // The launcher caps the heap (bin/find-jdk); a run that needs more is told how to give it.
      System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
      System.exit(USAGE_ERROR);
    }
  }

  /** The one line for a run that filled the JVM's heap, naming the cap and how to raise it. */
  static String outOfMemory(long maxHeapBytes) {
    return "ruru: out of memory: the Java heap is capped at " + (maxHeapBytes >> 20) + " MB; give more with"
        + " RURU_JAVA_OPTS=\"-Xmx8g\" (or a smaller --batch-size)";
  }

  /** The configured command line, the same for {@link #main} and for tests that run it in-process. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Ruru());
    commandLine.setExecutionExceptionHandler(Ruru::handleFailure);
    commandLine.setParameterExceptionHandler(Ruru::handleBadOption);
    return commandLine;
  }

  /**
   * A missing or malformed option: the one-line error, picocli's suggestion for a misspelt option, and
   * where the full list is, instead of the whole usage (20 lines that push the error off the screen).
   */
  private static int handleBadOption(CommandLine.ParameterException failure, String[] args) {
    CommandLine command = failure.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + failure.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(failure, err)) {
      err.println("Try '" + name + " --help' for the options.");
    } else {
      err.println("Or try '" + name + " --help' for the options.");
    }
    err.flush();
    return USAGE_ERROR;
  }

  /** {@code ruru} alone prints the usage, to stderr, and fails: a subcommand is needed. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: one of " + String.join(", ", spec.subcommands().keySet()));
  }

  /**
   * Bad input (an invalid argument, an unreadable or malformed file) is the user's to fix: one line
   * naming the command and the problem. Anything else is a bug and keeps its stack trace.
   */
  private static int handleFailure(Exception failure, CommandLine command, ParseResult parseResult) throws Exception {
    if (failure instanceof IllegalArgumentException || failure instanceof IOException || failure instanceof UncheckedIOException) {
      // The qualified name ("ruru rl eval"), so a nested command's error does not read as another command's.
      command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + failure.getMessage());
      command.getErr().flush();
      return USAGE_ERROR;
    }
    throw failure;
  }

  /** {@code ruru --version}: Ruru's version (from the jar's manifest) and the Java running it. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Ruru.class.getPackage().getImplementationVersion();
      return new String[] {
        "ruru " + (version == null ? "(development build)" : version),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("os.arch") + ")"
      };
    }
  }
}
