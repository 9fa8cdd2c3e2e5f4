package dev.ruru.models.graph;

import dev.ruru.array.NDArray;
import dev.ruru.train.plot.Png;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The two pictures of a graph run: the graph drawn with {@link ForceLayout}, nodes filled with their
 * true class (left) and their predicted class (right, a black ring marking each mistake), and the
 * learned node codes projected to 2-D by their two principal components, coloured by true class:
 * a network that has learned shows the classes as separate clouds.
 */
public final class GraphPictures {
  private static final int PANEL = 560;
  private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
      new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
      new Color(188, 189, 34), new Color(23, 190, 207)};

  private GraphPictures() {}

  /** Writes the drawing of the graph with true (left) and predicted (right) classes. */
  public static void writeGraph(Path file, double[][] positions, int[] sources, int[] targets, long[] truth, long[] predicted)
      throws IOException {
    BufferedImage image = canvas(2 * PANEL);
    Graphics2D g = (Graphics2D) image.getGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int radius = positions.length > 1000 ? 2 : positions.length > 200 ? 4 : 9;
    for (int panel = 0; panel < 2; panel++) {
      int left = panel * PANEL;
      g.setColor(new Color(0, 0, 0, positions.length > 1000 ? 25 : 70));
      for (int e = 0; e < sources.length; e++) {
        g.drawLine(x(positions[sources[e]], left), y(positions[sources[e]]), x(positions[targets[e]], left), y(positions[targets[e]]));
      }
      long[] classes = panel == 0 ? truth : predicted;
      for (int i = 0; i < positions.length; i++) {
        g.setColor(color(classes[i]));
        g.fillOval(x(positions[i], left) - radius, y(positions[i]) - radius, 2 * radius, 2 * radius);
        if (panel == 1 && predicted[i] != truth[i]) {
          g.setColor(Color.BLACK);
          g.setStroke(new BasicStroke(1.5f));
          g.drawOval(x(positions[i], left) - radius - 2, y(positions[i]) - radius - 2, 2 * radius + 4, 2 * radius + 4);
        }
      }
      title(g, panel == 0 ? "true class" : "predicted class (ringed: wrong)", left);
    }
    Png.write(file, image);
  }

  /** Writes the nodes' codes [nodes, d] projected on their first two principal components, coloured by {@code truth}. */
  public static void writeCodes(Path file, NDArray codes, long[] truth) throws IOException {
    double[][] points = stretched(principalPlane(codes));
    BufferedImage image = canvas(PANEL);
    Graphics2D g = (Graphics2D) image.getGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int radius = points.length > 1000 ? 2 : 5;
    for (int i = 0; i < points.length; i++) {
      g.setColor(color(truth[i]));
      g.fillOval(x(points[i], 0) - radius, y(points[i]) - radius, 2 * radius, 2 * radius);
    }
    title(g, "node codes (hidden layer), first two principal components", 0);
    Png.write(file, image);
  }

  /** Each row of x [n, d] on the top two principal axes (power iteration on the covariance, then deflation). */
  static double[][] principalPlane(NDArray x) {
    int n = x.dim(0), d = x.dim(1);
    double[] values = x.toDoubleArray();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += values[i * d + j] / n;
      }
    }
    double[][] covariance = new double[d][d];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          covariance[a][b] += (values[i * d + a] - mean[a]) * (values[i * d + b] - mean[b]);
        }
      }
    }
    double[] first = topEigenvector(covariance);
    deflate(covariance, first);
    double[] second = topEigenvector(covariance);
    double[][] points = new double[n][2];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        points[i][0] += (values[i * d + j] - mean[j]) * first[j];
        points[i][1] += (values[i * d + j] - mean[j]) * second[j];
      }
    }
    return points;
  }

  /** Each axis scaled to [0, 1] on its own: the two components' spreads differ, and both should fill the picture. */
  static double[][] stretched(double[][] points) {
    double[][] out = new double[points.length][2];
    for (int axis = 0; axis < 2; axis++) {
      double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
      for (double[] p : points) {
        low = Math.min(low, p[axis]);
        high = Math.max(high, p[axis]);
      }
      for (int i = 0; i < points.length; i++) {
        out[i][axis] = (points[i][axis] - low) / Math.max(high - low, 1e-12);
      }
    }
    return out;
  }

  private static double[] topEigenvector(double[][] matrix) {
    int d = matrix.length;
    double[] v = new double[d];
    for (int j = 0; j < d; j++) {
      v[j] = 1 + 0.01 * j;  // not orthogonal to the top eigenvector in any but contrived cases
    }
    for (int iteration = 0; iteration < 300; iteration++) {
      double[] next = new double[d];
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          next[a] += matrix[a][b] * v[b];
        }
      }
      double norm = Math.sqrt(java.util.Arrays.stream(next).map(t -> t * t).sum());
      if (norm < 1e-300) {
        return v;
      }
      for (int a = 0; a < d; a++) {
        v[a] = next[a] / norm;
      }
    }
    return v;
  }

  private static void deflate(double[][] matrix, double[] v) {
    double lambda = 0;
    for (int a = 0; a < v.length; a++) {
      for (int b = 0; b < v.length; b++) {
        lambda += v[a] * matrix[a][b] * v[b];
      }
    }
    for (int a = 0; a < v.length; a++) {
      for (int b = 0; b < v.length; b++) {
        matrix[a][b] -= lambda * v[a] * v[b];
      }
    }
  }

  private static BufferedImage canvas(int width) {
    BufferedImage image = new BufferedImage(width, PANEL, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = (Graphics2D) image.getGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, PANEL);
    return image;
  }

  private static void title(Graphics2D g, String text, int left) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    g.drawString(text, left + 12, 20);
  }

  private static Color color(long label) { return PALETTE[(int) Math.floorMod(label, (long) PALETTE.length)]; }
  private static int x(double[] p, int left) { return left + 30 + (int) Math.round(p[0] * (PANEL - 60)); }
  private static int y(double[] p) { return 40 + (int) Math.round(p[1] * (PANEL - 70)); }
}
