package dev.ruru.rl.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * The return of every episode of a run against the environment steps when it finished (light dots),
 * the rolling mean of the last 100 episodes (the line the "solved" criterion uses) and the solved
 * threshold (dashed).
 */
public final class ReturnCurve {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 480;
  private static final int LEFT = 70;
  private static final int RIGHT = 40;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private ReturnCurve() {}

  /** The picture for episodes ending at {@code steps} with {@code returns}, a {@code window}-episode rolling mean and the {@code solved} line (NaN for none). */
  public static BufferedImage render(String title, long[] steps, double[] returns, int window, double solved) {
    if (steps.length != returns.length) {
      throw new IllegalArgumentException("ReturnCurve: " + steps.length + " steps but " + returns.length + " returns");
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double maxStep = Math.max(1, steps.length == 0 ? 1 : steps[steps.length - 1]);
    double low = Math.min(0, min(returns, solved));
    double high = Math.max(1, max(returns, solved)) * 1.05;
    Scale scale = new Scale(maxStep, low, high);
    axes(g, scale, title);
    g.setColor(new Color(120, 160, 220, 110));
    for (int i = 0; i < returns.length; i++) {
      g.fillOval((int) scale.x(steps[i]) - 2, (int) scale.y(returns[i]) - 2, 4, 4);
    }
    g.setColor(new Color(20, 60, 160));
    g.setStroke(new BasicStroke(2.2f));
    g.draw(rollingMean(scale, steps, returns, window));
    if (!Double.isNaN(solved)) {
      g.setColor(new Color(200, 40, 40));
      g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
      g.draw(new Line2D.Double(LEFT, scale.y(solved), WIDTH - RIGHT, scale.y(solved)));
      g.drawString("solved: " + solved, WIDTH - RIGHT - 110, (int) scale.y(solved) - 6);
    }
    g.setColor(new Color(20, 60, 160));
    g.drawString("mean of last " + window + " episodes", LEFT + 10, TOP + 16);
    g.dispose();
    return image;
  }

  private record Scale(double maxStep, double low, double high) {
    double x(double step) { return LEFT + step / maxStep * (WIDTH - LEFT - RIGHT); }
    double y(double value) { return HEIGHT - BOTTOM - (value - low) / (high - low) * (HEIGHT - TOP - BOTTOM); }
  }

  private static Path2D rollingMean(Scale scale, long[] steps, double[] returns, int window) {
    Path2D path = new Path2D.Double();
    double sum = 0;
    for (int i = 0; i < returns.length; i++) {
      sum += returns[i] - (i >= window ? returns[i - window] : 0);
      double mean = sum / Math.min(i + 1, window);
      if (i == 0) {
        path.moveTo(scale.x(steps[i]), scale.y(mean));
      } else {
        path.lineTo(scale.x(steps[i]), scale.y(mean));
      }
    }
    return path;
  }

  private static void axes(Graphics2D g, Scale scale, String title) {
    g.setColor(Color.BLACK);
    g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
    g.drawString(title, LEFT, 24);
    g.setFont(g.getFont().deriveFont(Font.PLAIN, 11f));
    g.draw(new Line2D.Double(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
    g.draw(new Line2D.Double(LEFT, TOP, LEFT, HEIGHT - BOTTOM));
    for (int k = 0; k <= 4; k++) {
      double value = scale.low() + (scale.high() - scale.low()) * k / 4;
      g.drawString(String.format("%.0f", value), 8, (int) scale.y(value) + 4);
      double step = scale.maxStep() * k / 4;
      g.drawString(String.format("%.0f", step), (int) scale.x(step) - 10, HEIGHT - BOTTOM + 16);
    }
    g.drawString("environment steps", WIDTH / 2 - 40, HEIGHT - 12);
    g.drawString("return", 8, TOP - 8);
  }

  private static double min(double[] values, double extra) {
    double m = Double.isNaN(extra) ? Double.POSITIVE_INFINITY : extra;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return Double.isInfinite(m) ? 0 : m;
  }

  private static double max(double[] values, double extra) {
    double m = Double.isNaN(extra) ? Double.NEGATIVE_INFINITY : extra;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return Double.isInfinite(m) ? 1 : m;
  }
}
