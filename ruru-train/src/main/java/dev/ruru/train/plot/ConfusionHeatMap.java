package dev.ruru.train.plot;

import dev.ruru.train.metrics.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The confusion matrix as a heat map: true class down the side (class 0 at the top), predicted class along
 * the bottom, each cell coloured from white (none) to dark blue (the most frequent pair) and labelled with
 * its count. A good classifier is a dark diagonal; a dark cell off it is a pair of classes the model mixes up.
 *
 * <pre>{@code
 * ConfusionHeatMap.write(out.resolve("confusion_matrix.png"), matrix, variant.classNames());
 * }</pre>
 */
public final class ConfusionHeatMap {
  static final int SIZE = 720;

  private ConfusionHeatMap() {}

  /** A {@code 720 × 720} picture of {@code matrix}; {@code classNames} label the axes (indices when empty). */
  public static BufferedImage render(ConfusionMatrix matrix, List<String> classNames) {
    int classes = matrix.classes();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add(c < classNames.size() ? classNames.get(c) : Integer.toString(c));
    }
    // The chart's y axis grows upwards, so rows are listed last class first to put class 0 at the top.
    List<String> rows = new ArrayList<>(names);
    java.util.Collections.reverse(rows);
    List<Number[]> cells = new ArrayList<>();
    long largest = 1;
    for (int t = 0; t < classes; t++) {
      for (int p = 0; p < classes; p++) {
        long count = matrix.count(t, p);
        largest = Math.max(largest, count);
        cells.add(new Number[] {p, classes - 1 - t, count});
      }
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(SIZE).height(SIZE).title(String.format(java.util.Locale.ROOT,
        "Confusion matrix (accuracy %.2f%%, %d examples)", 100 * matrix.accuracy(), matrix.total())).xAxisTitle("predicted class")
        .yAxisTitle("true class").build();
    chart.getStyler().setShowValue(true).setMin(0).setMax(largest)
        .setRangeColors(new Color[] {Color.WHITE, new Color(107, 174, 214), new Color(8, 48, 107)})
        .setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, classes > 12 ? 9 : 12)).setValueFontColor(Color.BLACK)
        .setHeatMapValueDecimalPattern("0");
    chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisLabelRotation(45);
    // XChart skips category labels closer than its spacing hint (74 px by default): every class gets one.
    chart.getStyler().setXAxisTickMarkSpacingHint(10).setYAxisTickMarkSpacingHint(10);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.addSeries("counts", names, rows, cells);
    return BitmapEncoder.getBufferedImage(chart);
  }

  /** {@link #render} written as a PNG file. */
  public static void write(Path file, ConfusionMatrix matrix, List<String> classNames) throws IOException {
    Png.write(file, render(matrix, classNames));
  }
}
