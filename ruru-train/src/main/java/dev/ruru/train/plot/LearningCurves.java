package dev.ruru.train.plot;

import dev.ruru.train.metrics.EpochMetrics;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves, the course's tool for seeing over- and underfitting: training and validation loss per
 * epoch on the left, training and validation accuracy (in %) on the right. Training is drawn solid blue,
 * validation dashed orange; a validation curve that turns upward while the training curve keeps falling
 * is overfitting.
 *
 * <pre>{@code
 * LearningCurves.write(out.resolve("learning_curves.png"), history.epochs());
 * }</pre>
 */
public final class LearningCurves {
  static final int PANEL_WIDTH = 560;
  static final int HEIGHT = 400;
  private static final Color TRAIN = new Color(31, 119, 180);
  private static final Color VALIDATION = new Color(255, 127, 14);

  private LearningCurves() {}

  /** The two panels side by side, {@code 2·560 × 400} pixels. */
  public static BufferedImage render(List<EpochMetrics> epochs) {
    if (epochs.isEmpty()) {
      throw new IllegalArgumentException("LearningCurves: no epochs to plot");
    }
    // Loss falls and accuracy rises: legends in the corners the curves leave free.
    XYChart loss = chart("Loss per epoch", "loss", Styler.LegendPosition.InsideNE);
    XYChart accuracy = chart("Accuracy per epoch", "accuracy (%)", Styler.LegendPosition.InsideSE);
    double[] x = new double[epochs.size()];
    double[][] values = new double[4][epochs.size()];
    for (int i = 0; i < epochs.size(); i++) {
      EpochMetrics epoch = epochs.get(i);
      x[i] = epoch.epoch();
      values[0][i] = epoch.trainLoss();
      values[1][i] = epoch.validationLoss();
      values[2][i] = 100 * epoch.trainAccuracy();
      values[3][i] = 100 * epoch.validationAccuracy();
    }
    series(loss, "training", x, values[0], TRAIN, false);
    series(accuracy, "training", x, values[2], TRAIN, false);
    if (epochs.get(0).hasValidation()) {
      series(loss, "validation", x, values[1], VALIDATION, true);
      series(accuracy, "validation", x, values[3], VALIDATION, true);
    }
    BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    loss.paint(graphics, PANEL_WIDTH, HEIGHT);
    graphics.translate(PANEL_WIDTH, 0);
    accuracy.paint(graphics, PANEL_WIDTH, HEIGHT);
    graphics.dispose();
    return image;
  }

  /** {@link #render} written as a PNG file. */
  public static void write(Path file, List<EpochMetrics> epochs) throws IOException {
    Png.write(file, render(epochs));
  }

  private static XYChart chart(String title, String yTitle, Styler.LegendPosition legend) {
    XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(legend);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    // Whole epochs only on the x axis.
    chart.getStyler().setXAxisDecimalPattern("0");
    return chart;
  }

  private static void series(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setLineColor(color);
    series.setMarkerColor(color);
    series.setMarker(SeriesMarkers.CIRCLE);
    if (dashed) {
      series.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND, 10f,
          new float[] {6f, 4f}, 0f));
    }
  }
}
