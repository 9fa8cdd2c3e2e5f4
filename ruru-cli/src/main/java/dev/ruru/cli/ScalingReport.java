package dev.ruru.cli;

import dev.ruru.array.io.AtomicFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.autodiff.GradientMethod;
import dev.ruru.cli.GradientScaling.Measurement;
import dev.ruru.cli.GradientScaling.Outcome;
import dev.ruru.cli.GradientScaling.Result;
import dev.ruru.cli.GradientScaling.Skip;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What {@code ruru diff --scaling} shows of a {@link GradientScaling.Result}: a table as the
 * measurements arrive, the numbers as JSON, and the timing curves as a log-log PNG plot, on which
 * O(n) is a line of slope 1 and O(n²) a line of slope 2.
 */
final class ScalingReport {
  static final String PNG_NAME = "diff-scaling.png";
  static final String JSON_NAME = "diff-scaling.json";
  static final String FUNCTION = "f(x) = sum(tanh(W x + b)), x: [n], W: [" + GradientScaling.HIDDEN_UNITS
      + ", n] ~ N(0, 1/n), b: [" + GradientScaling.HIDDEN_UNITS + "] ~ N(0, 1), seed " + GradientScaling.SEED;

  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};

  private ScalingReport() {}

  /** The table's heading: what is timed and how. */
  static void printHeader(PrintWriter out, double budgetSeconds) {
    out.println(FUNCTION);
    out.printf("median seconds per whole gradient; a method predicted to take over %.0f s is skipped%n", budgetSeconds);
    out.printf("%7s  %-8s %12s %8s %22s%n", "n", "method", "seconds", "repeats", "max |g - g_reverse|");
    out.flush();
  }

  /** One line per outcome, printed as it happens, so that a long run shows progress. */
  static void printLine(PrintWriter out, Outcome outcome) {
    switch (outcome) {
      case Measurement m -> out.printf("%7d  %-8s %12.4e %8d %22.3e%n",
          m.n(), m.method().id(), m.seconds(), m.repeats(), m.maxAbsDifferenceFromReverse());
      case Skip s -> out.printf("%7d  %-8s %12s %8s %22s%n", s.n(), s.method().id(),
          String.format("skipped (~%.3g s predicted)", s.predictedSeconds()), "", "");
    }
    out.flush();
  }

  /**
   * {"function", "hiddenUnits", "seed", "budgetSeconds", "sizes": [n...], "seconds": {method: [s or null per
   * n]}, "repeats": {...}, "maxAbsDifferenceFromReverse": {...}, "skipped": [{"method", "n", "predictedSeconds"}]}.
   */
  static ObjectNode json(ObjectMapper mapper, Result result, double budgetSeconds) {
    ObjectNode root = mapper.createObjectNode()
        .put("function", FUNCTION)
        .put("hiddenUnits", GradientScaling.HIDDEN_UNITS)
        .put("seed", GradientScaling.SEED)
        .put("budgetSeconds", budgetSeconds);
    ArrayNode sizes = root.putArray("sizes");
    result.sizes().forEach(sizes::add);
    ObjectNode seconds = root.putObject("seconds");
    ObjectNode repeats = root.putObject("repeats");
    ObjectNode differences = root.putObject("maxAbsDifferenceFromReverse");
    for (GradientMethod method : GradientMethod.values()) {
      ArrayNode s = seconds.putArray(method.id());
      ArrayNode r = repeats.putArray(method.id());
      ArrayNode d = differences.putArray(method.id());
      for (int n : result.sizes()) {
        Measurement m = find(result, method, n);
        if (m == null) {
          s.addNull();
          r.addNull();
          d.addNull();
        } else {
          s.add(m.seconds());
          r.add(m.repeats());
          d.add(m.maxAbsDifferenceFromReverse());
        }
      }
    }
    ArrayNode skipped = root.putArray("skipped");
    for (Skip skip : result.skipped()) {
      skipped.addObject().put("method", skip.method().id()).put("n", skip.n()).put("predictedSeconds", skip.predictedSeconds());
    }
    return root;
  }

  /** The log-log plot of seconds against n, one curve per method (skipped sizes are left out). */
  static XYChart chart(Result result) {
    XYChart chart = new XYChartBuilder().width(800).height(560)
        .title("Time for one whole gradient of f(x) = sum(tanh(W x + b)), x in R^n")
        .xAxisTitle("n (number of inputs)")
        .yAxisTitle("seconds per gradient")
        .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    chart.getStyler().setYAxisDecimalPattern("0.######");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(8);
    for (GradientMethod method : GradientMethod.values()) {
      List<Double> n = new ArrayList<>();
      List<Double> seconds = new ArrayList<>();
      for (Measurement m : result.measurements()) {
        if (m.method() == method) {
          n.add((double) m.n());
          seconds.add(m.seconds());
        }
      }
      if (!n.isEmpty()) {
        XYSeries series = chart.addSeries(label(method), n, seconds);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineColor(COLORS[method.ordinal()]);
        series.setMarkerColor(COLORS[method.ordinal()]);
      }
    }
    return chart;
  }

  /** Writes {@link #PNG_NAME} and {@link #JSON_NAME} into {@code directory}, each atomically. */
  static void write(Path directory, ObjectMapper mapper, Result result, ObjectNode json) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      // The chart is drawn off screen: no window system is needed, and none should be started.
      System.setProperty("java.awt.headless", "true");
    }
    Files.createDirectories(directory);
    AtomicFile.write(directory.resolve(PNG_NAME), out -> out.write(ChartEncoder.getBytes(chart(result), "png")));
    byte[] text = (mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(directory.resolve(JSON_NAME), out -> out.write(text));
  }



  private static String label(GradientMethod method) {
    return switch (method) {
      case REVERSE -> "reverse: 1 forward + 1 backward pass, O(M)";
      case FORWARD -> "forward: n passes of dual numbers, O(n M)";
      case NUMERIC -> "numeric: 2n evaluations, O(n M)";
    };
  }

  private static Measurement find(Result result, GradientMethod method, int n) {
    for (Measurement m : result.measurements()) {
      if (m.method() == method && m.n() == n) {
        return m;
      }
    }
    return null;
  }
}
