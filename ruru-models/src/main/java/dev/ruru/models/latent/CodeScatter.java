package dev.ruru.models.latent;

import dev.ruru.array.NDArray;
import dev.ruru.array.linalg.Pca;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * The 2-D latent space as a scatter plot: one dot per image at its code (a longer code through its
 * first two principal components), coloured by its class, with a legend and the axes' ranges. Where the classes form separate clouds, the code has learned what
 * tells them apart without ever seeing a label.
 */
final class CodeScatter {
  /** Matplotlib's "tab10" palette: ten colours that stay distinct for most colour-blind readers. */
  private static final int[] PALETTE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
  private static final int PLOT = 520;
  private static final int MARGIN = 50;
  private static final int LEGEND = 150;

  private CodeScatter() {}

  /**
   * Points to draw for codes [n, latent ≥ 2]: the codes themselves when they have two numbers, else their
   * projection onto the codes' own first two principal components ({@link Pca}), the plane that keeps
   * most of their spread, and which share of the variance it keeps.
   *
   * @param points [n, 2]
   * @param axes the axes' names, {@code z} or {@code pc}
   * @param varianceKept the share of the codes' variance in the picture (1 for a 2-number code)
   */
  record Projection(NDArray points, String axes, double varianceKept) {
    static Projection of(NDArray codes) {
      if (codes.rank() != 2 || codes.dim(1) < 2) {
        throw new IllegalArgumentException("CodeScatter: expected codes [n, latent] with latent >= 2, got " + codes.shape());
      }
      if (codes.dim(1) == 2) {
        return new Projection(codes, "z", 1);
      }
      Pca pca = Pca.fit(codes, 2);
      return new Projection(pca.transform(codes), "pc", pca.explainedVarianceRatio().sum().item());
    }

    /** A title's note: {@code ""}, or {@code ", PCA 8 to 2 (71% of the variance)"}. */
    String describe(int latent) {
      return axes.equals("z") ? "" : String.format(Locale.ROOT, ", PCA %d to 2 (%.0f%% of the variance)", latent,
          100 * varianceKept);
    }
  }

  /** The codes [n, latent ≥ 2] coloured by {@code labels} [n], projected as {@link Projection} says; the title notes a projection. */
  static BufferedImage renderCodes(String title, NDArray codes, NDArray labels, List<String> classNames) {
    Projection projection = Projection.of(codes);
    return render(title + projection.describe(codes.dim(1)), projection.points(), labels, classNames, projection.axes());
  }

  /** {@code codes} [n, 2], {@code labels} [n]; the axes are named {@code axes}1 and {@code axes}2. */
  static BufferedImage render(String title, NDArray codes, NDArray labels, List<String> classNames, String axes) {
    if (codes.rank() != 2 || codes.dim(1) != 2 || labels.dim(0) != codes.dim(0)) {
      throw new IllegalArgumentException("CodeScatter: expected codes [n, 2] and labels [n], got " + codes.shape() + " and " + labels.shape());
    }
    double[] xy = codes.toDoubleArray();
    long[] classes = labels.toLongArray();
    double[] range = range(xy);
    BufferedImage image = new BufferedImage(2 * MARGIN + PLOT + LEGEND, 2 * MARGIN + PLOT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setColor(Color.BLACK);
    graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    graphics.drawString(title, MARGIN, 30);
    graphics.setStroke(new BasicStroke(1));
    graphics.drawRect(MARGIN, MARGIN, PLOT, PLOT);
    graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    graphics.drawString(String.format(Locale.ROOT, "%s1: %.2f .. %.2f", axes, range[0], range[1]), MARGIN, MARGIN + PLOT + 18);
    graphics.drawString(String.format(Locale.ROOT, "%s2: %.2f .. %.2f", axes, range[2], range[3]), MARGIN, MARGIN + PLOT + 34);
    for (int i = 0; i < classes.length; i++) {
      int x = MARGIN + (int) Math.round((xy[2 * i] - range[0]) / (range[1] - range[0]) * PLOT);
      int y = MARGIN + PLOT - (int) Math.round((xy[2 * i + 1] - range[2]) / (range[3] - range[2]) * PLOT);
      graphics.setColor(new Color(color(classes[i]) | 0x99000000, true));
      graphics.fillOval(x - 2, y - 2, 5, 5);
    }
    legend(graphics, classNames);
    graphics.dispose();
    return image;
  }

  private static void legend(Graphics2D graphics, List<String> classNames) {
    int left = 2 * MARGIN / 2 + MARGIN + PLOT;
    for (int c = 0; c < classNames.size(); c++) {
      graphics.setColor(new Color(color(c)));
      graphics.fillOval(left, MARGIN + 8 + 18 * c, 9, 9);
      graphics.setColor(Color.BLACK);
      graphics.drawString(c + " " + classNames.get(c), left + 14, MARGIN + 17 + 18 * c);
    }
  }

  private static int color(long label) {
    return PALETTE[(int) Math.floorMod(label, (long) PALETTE.length)];
  }

  /** min and max of each coordinate, widened by 5% (and to a nonzero width) so no dot sits on the frame. */
  private static double[] range(double[] xy) {
    double[] range = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < xy.length; i += 2) {
      range[0] = Math.min(range[0], xy[i]);
      range[1] = Math.max(range[1], xy[i]);
      range[2] = Math.min(range[2], xy[i + 1]);
      range[3] = Math.max(range[3], xy[i + 1]);
    }
    for (int axis = 0; axis < 4; axis += 2) {
      double pad = Math.max(1e-6, 0.05 * (range[axis + 1] - range[axis]));
      range[axis] -= pad;
      range[axis + 1] += pad;
    }
    return range;
  }
}
