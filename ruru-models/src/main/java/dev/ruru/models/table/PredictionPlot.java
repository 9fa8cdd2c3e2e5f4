package dev.ruru.models.table;

import dev.ruru.train.plot.Png;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A regression's predictions against the truth, one dot per test row, with the diagonal where a perfect
 * model's dots would lie: the further a dot from it, the worse that prediction; a cloud flatter than the
 * diagonal means the model predicts too close to the mean.
 */
final class PredictionPlot {
  static final int SIZE = 520;
  private static final int MARGIN = 85;

  private PredictionPlot() {}

  /** Draws {@code predicted} against {@code truth} (same length), titled with the target and R². */
  static BufferedImage render(double[] predicted, double[] truth, String target, double r2) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < truth.length; i++) {
      low = Math.min(low, Math.min(truth[i], predicted[i]));
      high = Math.max(high, Math.max(truth[i], predicted[i]));
    }
    if (!(high > low)) {
      high = low + 1;
    }
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, SIZE, SIZE);
    int plot = SIZE - 2 * MARGIN;
    g.setColor(Color.BLACK);
    g.drawRect(MARGIN, MARGIN, plot, plot);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(String.format(Locale.ROOT, "Predicted against true %s (test rows, R\u00b2 %.3f)", target, r2), MARGIN - 40, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString("true " + target, MARGIN + plot / 2 - 30, SIZE - 20);
    axisTicks(g, low, high, plot);
    g.rotate(-Math.PI / 2);
    g.drawString("predicted " + target, -(MARGIN + plot / 2 + 40), 20);
    g.rotate(Math.PI / 2);
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
    g.drawLine(MARGIN, MARGIN + plot, MARGIN + plot, MARGIN);
    g.setColor(new Color(31, 119, 180, 170));
    for (int i = 0; i < truth.length; i++) {
      double x = MARGIN + (truth[i] - low) / (high - low) * plot;
      double y = MARGIN + plot - (predicted[i] - low) / (high - low) * plot;
      g.fill(new Ellipse2D.Double(x - 3, y - 3, 6, 6));
    }
    g.dispose();
    return image;
  }

  /** Five ticks on each axis, printed with four significant digits whatever the units. */
  private static void axisTicks(Graphics2D g, double low, double high, int plot) {
    for (int k = 0; k <= 4; k++) {
      double value = low + (high - low) * k / 4;
      String label = String.format(Locale.ROOT, "%.4g", value);
      int along = MARGIN + plot * k / 4;
      g.drawLine(along, MARGIN + plot, along, MARGIN + plot + 5);
      g.drawString(label, along - g.getFontMetrics().stringWidth(label) / 2, MARGIN + plot + 20);
      int up = MARGIN + plot - plot * k / 4;
      g.drawLine(MARGIN - 5, up, MARGIN, up);
      g.drawString(label, MARGIN - 8 - g.getFontMetrics().stringWidth(label), up + 5);
    }
  }

  static void write(Path file, double[] predicted, double[] truth, String target, double r2) throws IOException {
    Png.write(file, render(predicted, truth, target, r2));
  }
}
