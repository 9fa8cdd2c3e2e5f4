package dev.ruru.models.anomaly;

import dev.ruru.data.mnist.MnistData;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * {@code ruru anomaly benchmark}: the one-class table, every class of the data in turn taken as normal,
 * each detector's AUROC and AUPRC and their means, printed as a Markdown table as rows finish.
 */
public final class AnomalyBenchmark {
  private AnomalyBenchmark() {}

  /** One row: a normal class and each detector's evaluation, in the order of the detectors. */
  public record Row(int normalClass, List<OneClassEvaluation> evaluations) {}

  /** Runs {@code detectors} (settings for a normal class, by class) over every class of {@code data}; returns the rows. */
  public static List<Row> run(MnistData data, List<String> names, List<IntFunction<AnomalyRun.Settings>> detectors, PrintWriter out) {
    StringBuilder header = new StringBuilder("| normal class |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String name : names) {
      header.append(' ').append(name).append(" AUROC | ").append(name).append(" AUPRC |");
      rule.append("---|---|");
    }
    out.println(header);
    out.println(rule);
    out.flush();
    List<Row> rows = new ArrayList<>();
    int classes = data.train().classCount();
    for (int c = 0; c < classes; c++) {
      List<OneClassEvaluation> evaluations = new ArrayList<>();
      StringBuilder line = new StringBuilder("| " + c + " " + data.variant().classNames().get(c) + " |");
      for (IntFunction<AnomalyRun.Settings> detector : detectors) {
        AnomalyRun.Fitted fitted = AnomalyRun.fit(data.train(), detector.apply(c), null);
        OneClassEvaluation evaluation = OneClassEvaluation.of(fitted.detector(), data.test().features(), data.test().labels(), c, fitted.threshold());
        evaluations.add(evaluation);
        line.append(String.format(Locale.ROOT, " %.4f | %.4f |", evaluation.auroc(), evaluation.auprc()));
      }
      rows.add(new Row(c, evaluations));
      out.println(line);
      out.flush();
    }
    StringBuilder mean = new StringBuilder("| mean |");
    for (int d = 0; d < detectors.size(); d++) {
      int index = d;
      mean.append(String.format(Locale.ROOT, " **%.4f** | **%.4f** |", rows.stream().mapToDouble(r -> r.evaluations().get(index).auroc()).average().orElse(0),
          rows.stream().mapToDouble(r -> r.evaluations().get(index).auprc()).average().orElse(0)));
    }
    out.println(mean);
    out.flush();
    return rows;
  }
}
