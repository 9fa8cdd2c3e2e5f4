package dev.ruru.models.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.train.plot.Png;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What {@link TransferExperiment} measured: the pretrained models' accuracies and each run's test
 * accuracy, as a Markdown table (mean and standard deviation over the seeds), JSON and a PNG chart of
 * accuracy against labels per class, one line per way.
 *
 * @param settings what was run
 * @param pretrainAccuracies each seed's pretrained model's test accuracy on the pretraining classes
 * @param runs every run
 */
public record TransferResults(TransferExperiment.Settings settings, List<Double> pretrainAccuracies, List<Run> runs) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

  /** One run: a seed, a way, N labels per class, and its test accuracy on the new classes. */
  public record Run(long seed, TransferExperiment.Way way, int labelsPerClass, double accuracy) {}

  public TransferResults {
    pretrainAccuracies = List.copyOf(pretrainAccuracies);
    runs = List.copyOf(runs);
  }

  /** The accuracies of {@code way} with {@code labels} per class, one per seed. */
  public List<Double> accuracies(TransferExperiment.Way way, int labels) {
    return runs.stream().filter(run -> run.way() == way && run.labelsPerClass() == labels).map(Run::accuracy).toList();
  }

  /** The mean of {@link #accuracies}. */
  public double mean(TransferExperiment.Way way, int labels) {
    return accuracies(way, labels).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** The sample standard deviation of {@link #accuracies} (NaN for one seed). */
  public double spread(TransferExperiment.Way way, int labels) {
    List<Double> values = accuracies(way, labels);
    if (values.size() < 2) {
      return Double.NaN;
    }
    double mean = mean(way, labels);
    return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
  }

  /** The table: a row per way, a column per N, each cell the mean accuracy (± standard deviation with several seeds). */
  public String table() {
    StringBuilder text = new StringBuilder("| way |");
    settings.labelsPerClass().forEach(n -> text.append(' ').append(n).append(" labels/class |"));
    text.append("\n|---|").append("---|".repeat(settings.labelsPerClass().size())).append('\n');
    for (TransferExperiment.Way way : TransferExperiment.Way.values()) {
      text.append("| ").append(way.label()).append(" |");
      for (int n : settings.labelsPerClass()) {
        double spread = spread(way, n);
        text.append(String.format(Locale.ROOT, " %.3f%s |", mean(way, n), Double.isNaN(spread) ? "" : String.format(Locale.ROOT, " ± %.3f", spread)));
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** The results as one JSON object: settings, pretraining accuracies, and each way's accuracies per N. */
  public String toJson() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("side", "ruru");
    settings.seeds().forEach(root.putArray("seeds")::add);
    pretrainAccuracies.forEach(root.putArray("pretrain_accuracy")::add);
    ObjectNode accuracy = root.putObject("accuracy");
    for (TransferExperiment.Way way : TransferExperiment.Way.values()) {
      ObjectNode byLabels = accuracy.putObject(way.name().toLowerCase(Locale.ROOT));
      settings.labelsPerClass().forEach(n -> accuracies(way, n).forEach(byLabels.withArray(Integer.toString(n))::add));
    }
    return JSON.writeValueAsString(root);
  }

  /** The chart: mean test accuracy against labels per class (logarithmic), one line per way. */
  public void writeChart(Path file) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    XYChart chart = new XYChartBuilder().width(720).height(480).title("Transfer from classes " + settings.pretrainClasses() + " to "
        + settings.targetClasses()).xAxisTitle("labelled images per class").yAxisTitle("test accuracy on the new classes").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(8);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    for (TransferExperiment.Way way : TransferExperiment.Way.values()) {
      List<Double> labels = new ArrayList<>();
      List<Double> accuracy = new ArrayList<>();
      for (int n : settings.labelsPerClass()) {
        labels.add((double) n);
        accuracy.add(mean(way, n));
      }
      XYSeries series = chart.addSeries(way.label(), labels, accuracy);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setLineColor(COLORS[way.ordinal()]);
      series.setMarkerColor(COLORS[way.ordinal()]);
    }
    Png.write(file, BitmapEncoder.getBufferedImage(chart));
  }
}
