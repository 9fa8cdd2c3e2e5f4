package dev.ruru.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the {@code ruru} command line, with what it printed. */
record CommandRun(int exitCode, String out, String err) {
  /** Runs {@code ruru args...} as {@link Ruru#main} would, capturing stdout and stderr. */
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var commandLine = Ruru.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
