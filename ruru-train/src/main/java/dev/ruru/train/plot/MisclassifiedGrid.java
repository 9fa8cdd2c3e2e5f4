package dev.ruru.train.plot;

import dev.ruru.array.NDArray;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of the test images the model got wrong, each enlarged and captioned with the predicted class (red)
 * and the true class: the quickest way to see what a classifier confuses, and whether the mistakes are
 * ones a person would make. Images are greyscale {@code [n, rows, columns]} with values in [0, 1]
 * (0 black, 1 white, as Fashion-MNIST is stored), drawn in the order they appear.
 *
 * <pre>{@code
 * MisclassifiedGrid.write(out.resolve("misclassified.png"), test.features(), test.labels(), predicted, names, 36, 6);
 * }</pre>
 */
public final class MisclassifiedGrid {
  static final int SCALE = 4;
  static final int CAPTION = 30;
  static final int GAP = 8;

  private MisclassifiedGrid() {}

  /** Indices {@code i} with {@code predicted[i] != labels[i]}, in order, at most {@code limit} of them. */
  public static int[] mistakes(NDArray labels, NDArray predicted, int limit) {
    long[] truth = labels.toLongArray();
    long[] guess = predicted.toLongArray();
    if (truth.length != guess.length) {
      throw new IllegalArgumentException("MisclassifiedGrid: " + truth.length + " labels but " + guess.length + " predictions");
    }
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < truth.length && found.size() < limit; i++) {
      if (truth[i] != guess[i]) {
        found.add(i);
      }
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Up to {@code limit} misclassified images in rows of {@code columns}; an image saying "no mistakes"
   * when there are none.
   */
  public static BufferedImage render(NDArray images, NDArray labels, NDArray predicted, List<String> classNames, int limit, int columns) {
    if (images.rank() != 3 || images.dim(0) != labels.dim(0)) {
      throw new IllegalArgumentException("MisclassifiedGrid: expected images [n, rows, columns] and labels [n], got " + images.shape()
          + " and " + labels.shape());
    }
    if (limit < 1 || columns < 1) {
      throw new IllegalArgumentException("MisclassifiedGrid: limit and columns must be at least 1, got " + limit + " and " + columns);
    }
    int[] picks = mistakes(labels, predicted, limit);
    int tileWidth = Math.max(images.dim(2) * SCALE, 110);
    int tileHeight = images.dim(1) * SCALE + CAPTION;
    int gridColumns = Math.max(1, Math.min(columns, picks.length));
    int gridRows = Math.max(1, (picks.length + gridColumns - 1) / gridColumns);
    BufferedImage image = new BufferedImage(GAP + gridColumns * (tileWidth + GAP), GAP + gridRows * (tileHeight + GAP), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    if (picks.length == 0) {
      graphics.setColor(Color.BLACK);
      graphics.drawString("no mistakes", GAP, GAP + 20);
    }
    long[] truth = labels.toLongArray();
    long[] guess = predicted.toLongArray();
    for (int k = 0; k < picks.length; k++) {
      int left = GAP + (k % gridColumns) * (tileWidth + GAP);
      int top = GAP + (k / gridColumns) * (tileHeight + GAP);
      NDArray pixels = images.slice(0, picks[k], picks[k] + 1, 1).reshape(images.dim(1), images.dim(2));
      drawImage(image, pixels, left + (tileWidth - images.dim(2) * SCALE) / 2, top);
      caption(graphics, "pred: " + name(classNames, guess[picks[k]]), Color.RED.darker(), left, top + images.dim(1) * SCALE + 12, tileWidth);
      caption(graphics, "true: " + name(classNames, truth[picks[k]]), Color.BLACK, left, top + images.dim(1) * SCALE + 25, tileWidth);
    }
    graphics.dispose();
    return image;
  }

  /** {@link #render} written as a PNG file. */
  public static void write(Path file, NDArray images, NDArray labels, NDArray predicted, List<String> classNames, int limit, int columns)
      throws IOException {
    Png.write(file, render(images, labels, predicted, classNames, limit, columns));
  }

  private static void drawImage(BufferedImage image, NDArray pixels, int left, int top) {
    int rows = pixels.dim(0);
    int columns = pixels.dim(1);
    float[] values = pixels.toFloatArray();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int grey = Math.round(255 * Math.max(0, Math.min(1, values[r * columns + c])));
        int rgb = (grey << 16) | (grey << 8) | grey;
        for (int dy = 0; dy < SCALE; dy++) {
          for (int dx = 0; dx < SCALE; dx++) {
            image.setRGB(left + c * SCALE + dx, top + r * SCALE + dy, rgb);
          }
        }
      }
    }
  }

  /** {@code text} centred in a tile {@code width} wide, shortened with an ellipsis if it does not fit. */
  private static void caption(Graphics2D graphics, String text, Color color, int left, int baseline, int width) {
    FontMetrics metrics = graphics.getFontMetrics();
    String shown = text;
    while (metrics.stringWidth(shown) > width && shown.length() > 4) {
      shown = shown.substring(0, shown.length() - 2) + "…";
    }
    graphics.setColor(color);
    graphics.drawString(shown, left + (width - metrics.stringWidth(shown)) / 2, baseline);
  }

  private static String name(List<String> classNames, long label) {
    return label >= 0 && label < classNames.size() ? classNames.get((int) label) : Long.toString(label);
  }
}
