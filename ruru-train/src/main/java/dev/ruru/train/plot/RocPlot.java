package dev.ruru.train.plot;

import dev.ruru.train.metrics.Auroc;
import dev.ruru.train.metrics.RocCurve;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The ROC curve of a scorer as a picture: true-positive rate against false-positive rate, with the
 * diagonal a random ranking would give and the area under the curve in the legend. 560×480 pixels.
 *
 * <pre>{@code
 * RocPlot.write(out.resolve("roc.png"), "Deep SVDD, normal class 0", scores, anomalous);
 * }</pre>
 */
public final class RocPlot {
  static final int WIDTH = 560;
  static final int HEIGHT = 480;

  private RocPlot() {}

  /** The curve of {@code scores[i]} (higher: more likely positive) of examples that are {@code positive[i]}, titled {@code title}. */
  public static BufferedImage render(String title, double[] scores, boolean[] positive) {
    RocCurve curve = RocCurve.of(scores, positive);
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("false-positive rate")
        .yAxisTitle("true-positive rate").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    XYSeries chance = chart.addSeries("random (0.5)", new double[] {0, 1}, new double[] {0, 1});
    chance.setLineColor(Color.GRAY);
    chance.setMarker(SeriesMarkers.NONE);
    XYSeries roc = chart.addSeries(String.format(Locale.ROOT, "AUROC %.4f", Auroc.of(scores, positive)), curve.falsePositiveRates(),
        curve.truePositiveRates());
    roc.setLineColor(new Color(31, 119, 180));
    roc.setMarker(SeriesMarkers.NONE);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    chart.paint(graphics, WIDTH, HEIGHT);
    graphics.dispose();
    return image;
  }

  /** {@link #render} written as a PNG file. */
  public static void write(Path file, String title, double[] scores, boolean[] positive) throws IOException {
    Png.write(file, render(title, scores, positive));
  }
}
