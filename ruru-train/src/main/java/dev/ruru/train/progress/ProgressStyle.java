package dev.ruru.train.progress;

/** How a {@link ProgressBar} draws. */
public enum ProgressStyle {
  /** One line redrawn in place with a carriage return, for an interactive terminal. */
  TERMINAL,
  /** A plain line every few seconds and at the end of each epoch, for logs, files and pipes. */
  LINES,
  /** Only the line at the end of each epoch. */
  EPOCHS_ONLY,
  /** Nothing at all. */
  SILENT;

  /**
   * {@link #TERMINAL} when this JVM's standard output is an interactive terminal
   * ({@code System.console() != null} and {@code isTerminal()}), otherwise {@link #LINES}.
   */
  public static ProgressStyle detect() {
    java.io.Console console = System.console();
    return console != null && console.isTerminal() ? TERMINAL : LINES;
  }
}
