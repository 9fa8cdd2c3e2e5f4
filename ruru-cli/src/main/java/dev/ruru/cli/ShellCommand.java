package dev.ruru.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ruru shell}: JShell with Ruru on the class path and its packages imported ({@link #IMPORTS}), so
 * that {@code new Linear(784, 128)} works at the first prompt. The snippets run in a second JVM that
 * JShell starts, given the same class path and native access for OpenBLAS.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = {"Opens JShell with Ruru on the class path and its packages imported: try",
        "  Layer model = new Sequential(new Flatten(), new Linear(784, 128), new ReLU(), new Linear(128, 10))",
        "Further arguments go to JShell (e.g. a script to run)."})
final class ShellCommand implements Callable<Integer> {
  /** The start-up snippets, a resource beside this class. */
  static final String IMPORTS = "ruru.jsh";

  @Parameters(paramLabel = "ARG", arity = "0..*", description = "Arguments for JShell.")
  private List<String> arguments = List.of();

  @Override
  public Integer call() throws Exception {
    Path startup = Files.createTempFile("ruru", ".jsh");
    startup.toFile().deleteOnExit();
    try (InputStream in = ShellCommand.class.getResourceAsStream(IMPORTS)) {
      Files.write(startup, in.readAllBytes());
    }
    List<String> options = new ArrayList<>(List.of("--class-path", classPath(), "-R--enable-native-access=ALL-UNNAMED",
        "--startup", "DEFAULT", "--startup", startup.toString()));
    options.addAll(arguments);
    return JavaShellToolBuilder.builder().start(options.toArray(String[]::new));
  }

  /** Where Ruru's classes come from: the runnable jar, or this JVM's class path when run from the build. */
  static String classPath() throws IOException {
    try {
      Path source = Path.of(ShellCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(source) ? source.toString() : System.getProperty("java.class.path");
    } catch (URISyntaxException e) {
      throw new IOException("ruru shell: cannot locate Ruru's classes: " + e.getMessage(), e);
    }
  }
}
