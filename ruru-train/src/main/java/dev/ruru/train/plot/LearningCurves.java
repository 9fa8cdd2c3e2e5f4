package dev.ruru.train.plot;

import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.metrics.StepLog;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves, the course's tool for seeing over- and underfitting: one panel per metric the objective
 * reported (a classifier's loss, then its accuracy in %), training drawn solid blue, validation dashed
 * orange; a validation curve that turns upward while the training curve keeps falling is overfitting.
 * Per epoch, or per step when the run has fewer than {@value #EPOCHS_FOR_EPOCH_CURVES} epochs and a
 * step log (a language model trained for 300 steps is one epoch): then the training curve is a moving
 * mean over steps and validation is a point at the end of each epoch.
 *
 * <pre>{@code
 * LearningCurves.write(out.resolve("learning_curves.png"), history.epochs(), trainer.steps());
 * }</pre>
 */
public final class LearningCurves {
  static final int PANEL_WIDTH = 560;
  static final int HEIGHT = 400;
  /** Curves with at most this many points get a dot per point. */
  static final int MARKED_POINTS = 60;
  static final int EPOCHS_FOR_EPOCH_CURVES = 3;
  private static final Color TRAIN = new Color(31, 119, 180);
  private static final Color VALIDATION = new Color(255, 127, 14);

  private LearningCurves() {}

  /** One panel per metric, side by side, {@code panels·560 × 400} pixels, per epoch. */
  public static BufferedImage render(List<EpochMetrics> epochs) {
    return render(epochs, new StepLog());
  }

  /** One panel per metric, per step when {@code steps} has more steps than epochs and the epochs are few. */
  public static BufferedImage render(List<EpochMetrics> epochs, StepLog steps) {
    if (epochs.isEmpty()) {
      throw new IllegalArgumentException("LearningCurves: no epochs to plot");
    }
    Set<String> metrics = new LinkedHashSet<>();
    epochs.forEach(epoch -> metrics.addAll(epoch.train().keySet()));
    boolean perStep = epochs.size() < EPOCHS_FOR_EPOCH_CURVES && steps.size() > epochs.size();
    if (perStep) {
      // Metrics of a whole pass (perplexity) have no per-step values.
      metrics.removeIf(metric -> steps.values(metric).length == 0);
    }
    BufferedImage image = new BufferedImage(Math.max(1, metrics.size()) * PANEL_WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    for (String metric : metrics) {
      XYChart chart = perStep ? perStep(metric, epochs, steps) : perEpoch(metric, epochs);
      chart.paint(graphics, PANEL_WIDTH, HEIGHT);
      graphics.translate(PANEL_WIDTH, 0);
    }
    graphics.dispose();
    return image;
  }

  /** {@link #render} written as a PNG file. */
  public static void write(Path file, List<EpochMetrics> epochs) throws IOException {
    Png.write(file, render(epochs));
  }

  /** {@link #render(List, StepLog)} written as a PNG file. */
  public static void write(Path file, List<EpochMetrics> epochs, StepLog steps) throws IOException {
    Png.write(file, render(epochs, steps));
  }

  private static XYChart perEpoch(String metric, List<EpochMetrics> epochs) {
    XYChart chart = chart(metric, "epoch");
    double scale = scale(metric);
    double[] x = new double[epochs.size()];
    double[] train = new double[epochs.size()];
    double[] validation = new double[epochs.size()];
    for (int i = 0; i < epochs.size(); i++) {
      x[i] = epochs.get(i).epoch();
      train[i] = scale * epochs.get(i).value(EpochMetrics.TRAIN + metric);
      validation[i] = scale * epochs.get(i).value(EpochMetrics.VALIDATION + metric);
    }
    series(chart, "training", x, train, TRAIN, false);
    if (epochs.get(0).validation().containsKey(metric)) {
      series(chart, "validation", x, validation, VALIDATION, true);
    }
    if (epochs.size() > MARKED_POINTS / 4 && Double.isFinite(train[0])) {
      // XChart ticks equally spaced x values at every k-th one, k from a label width it underestimates: at 300
      // epochs the labels ran together. One invisible point between epochs 1 and 2 makes it choose round ticks.
      XYSeries anchor = chart.addSeries(" ", new double[] {1.5}, new double[] {train[0]});
      anchor.setShowInLegend(false);
      anchor.setMarker(SeriesMarkers.NONE);
      anchor.setLineColor(new Color(0, 0, 0, 0));
    }
    return chart;
  }

  private static XYChart perStep(String metric, List<EpochMetrics> epochs, StepLog steps) {
    XYChart chart = chart(metric, "step");
    double scale = scale(metric);
    double[] values = steps.values(metric);
    int window = Math.max(1, values.length / 50);
    double[] x = new double[values.length];
    double[] smoothed = new double[values.length];
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[i] - (i >= window ? values[i - window] : 0);
      x[i] = i + 1;
      smoothed[i] = scale * sum / Math.min(i + 1, window);
    }
    XYSeries train = chart.addSeries("training (mean of " + window + " steps)", x, smoothed);
    train.setLineColor(TRAIN);
    train.setMarker(SeriesMarkers.NONE);
    if (epochs.get(0).validation().containsKey(metric)) {
      double[] at = new double[epochs.size()];
      double[] validation = new double[epochs.size()];
      for (int i = 0; i < epochs.size(); i++) {
        at[i] = (double) values.length * (i + 1) / epochs.size();
        validation[i] = scale * epochs.get(i).value(EpochMetrics.VALIDATION + metric);
      }
      series(chart, "validation", at, validation, VALIDATION, true);
    }
    return chart;
  }

  /** Accuracies in percent, everything else as it is. */
  private static double scale(String metric) {
    return metric.equals("accuracy") || metric.endsWith("_accuracy") ? 100 : 1;
  }

  private static XYChart chart(String metric, String xTitle) {
    String label = metric.replace('_', ' ') + (scale(metric) == 100 ? " (%)" : "");
    XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT).title(capitalised(label) + " per " + xTitle).xAxisTitle(xTitle)
        .yAxisTitle(label).build();
    // Losses fall and accuracies rise: legends in the corners the curves leave free.
    chart.getStyler().setLegendPosition(scale(metric) == 100 ? Styler.LegendPosition.InsideSE : Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    // Whole epochs and steps only on the x axis.
    chart.getStyler().setXAxisDecimalPattern("0");
    return chart;
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static void series(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setLineColor(color);
    series.setMarkerColor(color);
    // A dot per epoch shows where the measurements are; hundreds of dots only hide the line.
    series.setMarker(x.length <= MARKED_POINTS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    if (dashed) {
      series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
    }
  }
}
