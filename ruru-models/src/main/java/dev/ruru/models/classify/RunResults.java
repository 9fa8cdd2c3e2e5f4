package dev.ruru.models.classify;

import dev.ruru.models.classify.RunSummary;
import dev.ruru.train.History;
import dev.ruru.train.metrics.Diagnosis;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What a {@link ClassifierRun} prints when it is done: the test results, the diagnosis, per-class scores, and where the files are. */
public final class RunResults {
  private RunResults() {}

  /** Prints the results of {@code run}, whose files ({@code written}) are in {@code directory}, done in {@code seconds}. */
  public static void print(PrintWriter out, RunSummary run, History history, List<Path> written, Path directory, double seconds) {
    print(out, run, history, written, directory, seconds, "ruru eval --model-dir " + directory + ", or ruru predict --model-dir " + directory
        + " --input IMAGE.png");
  }

  /** As {@link #print(PrintWriter, RunSummary, History, List, Path, double)}, ending with {@code next}, what to run next. */
  public static void print(PrintWriter out, RunSummary run, History history, List<Path> written, Path directory, double seconds, String next) {
    if (history.stopReason() == History.StopReason.STOPPED_BY_CALLBACK) {
      out.println(history.detail());
    }
    out.printf(Locale.ROOT, "test: loss %.4f, accuracy %.2f%% (top-2 %.2f%%) on %d images%n", run.test().loss(), 100 * run.test().accuracy(),
        100 * run.test().topKAccuracy(2), run.test().labels().dim(0));
    Diagnosis diagnosis = Diagnosis.of(run.epochs(), (int) run.test().outputs().dim(1));
    out.println("diagnosis: " + diagnosis.summary());
    diagnosis.details().forEach(detail -> out.println("  " + detail));
    out.println();
    out.print(run.test().confusionMatrix().report(run.classNames()));
    out.println();
    out.println("wrote " + String.join(", ", written.stream().map(file -> directory.relativize(file).toString()).toList()) + " to "
        + directory);
    out.printf(Locale.ROOT, "done in %.1f s; next: %s%n", seconds, next);
    out.flush();
  }
}
