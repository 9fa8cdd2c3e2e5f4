package dev.ruru.train.plot;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a convolution layer learned, drawn two ways:
 * <ul>
 *   <li>{@link #filters}: every kernel of a weight {@code [out, in, kh, kw]} as an enlarged tile, on one
 *       diverging scale shared by all tiles (blue negative, white 0, red positive, the largest |w| saturated),
 *       so that edge and blob detectors are visible and their strengths comparable;</li>
 *   <li>{@link #featureMaps}: one input image {@code [rows, columns]} (grey, 0 black, 1 white) followed by
 *       the layer's output for it, {@code [channels, rows', columns']}, each channel in grey scaled from
 *       its own minimum (black) to its own maximum (white), since channels differ widely in range.</li>
 * </ul>
 *
 * <pre>{@code
 * ConvolutionPictures.writeFilters(out.resolve("filters.png"), conv.weight().value());
 * ConvolutionPictures.writeFeatureMaps(out.resolve("feature_maps.png"), image, conv.forward(x).value().reshape(16, 28, 28));
 * }</pre>
 */
public final class ConvolutionPictures {
  /** Screen pixels per kernel tap and per feature-map pixel. */
  static final int FILTER_SCALE = 16;
  static final int MAP_SCALE = 3;
  static final int GAP = 6;
  static final int CAPTION = 14;
  /** Tiles per row when the kernels have one input channel (otherwise one row per output channel). */
  static final int PER_ROW = 8;

  private ConvolutionPictures() {}

  /** The kernels of {@code weight [out, in, kh, kw]}: row-major over (out, in), one row per output channel when in > 1. */
  public static BufferedImage filters(NDArray weight) {
    if (weight.rank() != 4) {
      throw new IllegalArgumentException("ConvolutionPictures: expected a convolution weight [out, in, kh, kw], got " + weight.shape());
    }
    int tiles = weight.dim(0) * weight.dim(1);
    int columns = weight.dim(1) == 1 ? Math.min(PER_ROW, tiles) : weight.dim(1);
    int kernelHeight = weight.dim(2);
    int kernelWidth = weight.dim(3);
    double[] values = weight.astype(DType.FLOAT64).toDoubleArray();
    double largest = 0;
    for (double value : values) {
      largest = Math.max(largest, Math.abs(value));
    }
    BufferedImage image = canvas(tiles, columns, kernelWidth * FILTER_SCALE, kernelHeight * FILTER_SCALE);
    for (int tile = 0; tile < tiles; tile++) {
      int left = GAP + (tile % columns) * (kernelWidth * FILTER_SCALE + GAP);
      int top = GAP + (tile / columns) * (kernelHeight * FILTER_SCALE + GAP);
      for (int tap = 0; tap < kernelHeight * kernelWidth; tap++) {
        int rgb = diverging(largest == 0 ? 0 : values[tile * kernelHeight * kernelWidth + tap] / largest);
        fill(image, left + (tap % kernelWidth) * FILTER_SCALE, top + (tap / kernelWidth) * FILTER_SCALE, FILTER_SCALE, rgb);
      }
    }
    return image;
  }

  /** {@code input [rows, columns]} in [0, 1], then each channel of {@code maps [channels, rows', columns']}, captioned. */
  public static BufferedImage featureMaps(NDArray input, NDArray maps) {
    if (input.rank() != 2 || maps.rank() != 3) {
      throw new IllegalArgumentException("ConvolutionPictures: expected an image [rows, columns] and feature maps"
          + " [channels, rows, columns], got " + input.shape() + " and " + maps.shape());
    }
    int tileWidth = Math.max(input.dim(1), maps.dim(2)) * MAP_SCALE;
    int tileHeight = Math.max(input.dim(0), maps.dim(1)) * MAP_SCALE + CAPTION;
    int tiles = maps.dim(0) + 1;
    BufferedImage image = canvas(tiles, Math.min(PER_ROW, tiles), tileWidth, tileHeight);
    Graphics2D graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    graphics.setColor(Color.BLACK);
    for (int tile = 0; tile < tiles; tile++) {
      int left = GAP + (tile % PER_ROW) * (tileWidth + GAP);
      int top = GAP + (tile / PER_ROW) * (tileHeight + GAP);
      NDArray pixels = tile == 0 ? input : maps.slice(0, tile - 1, tile, 1).reshape(maps.dim(1), maps.dim(2));
      drawGrey(image, pixels.astype(DType.FLOAT64).toDoubleArray(), pixels.dim(1), left, top, tile == 0);
      graphics.drawString(tile == 0 ? "input" : "channel " + (tile - 1), left, top + pixels.dim(0) * MAP_SCALE + CAPTION - 3);
    }
    graphics.dispose();
    return image;
  }

  /**
   * {@link #filters} written as a PNG file, under a title that says what the tiles are and how to read the
   * colours, each tile numbered by its output channel (and input channel, when there are several).
   */
  public static void writeFilters(Path file, NDArray weight) throws IOException {
    Png.write(file, titledFilters(weight));
  }

  /** {@link #filters} with its title band and tile numbers. */
  public static BufferedImage titledFilters(NDArray weight) {
    BufferedImage tiles = filters(weight);
    int inputs = weight.dim(1);
    int columns = inputs == 1 ? Math.min(PER_ROW, weight.dim(0)) : inputs;
    for (int tile = 0; tile < weight.dim(0) * inputs; tile++) {
      String name = inputs == 1 ? String.valueOf(tile) : tile / inputs + "." + tile % inputs;
      TitledPicture.label(tiles, name, GAP + (tile % columns) * (weight.dim(3) * FILTER_SCALE + GAP),
          GAP + (tile / columns) * (weight.dim(2) * FILTER_SCALE + GAP));
    }
    double largest = weight.abs().max().getDouble();
    String title = String.format(java.util.Locale.ROOT, "First convolution: %d filters of %dx%d over %d input channel%s",
        weight.dim(0), weight.dim(2), weight.dim(3), inputs, inputs == 1 ? "" : "s");
    return TitledPicture.of(tiles, title, String.format(java.util.Locale.ROOT,
        "red: positive weight, white: 0, blue: negative (full colour at |w| = %.3g); %s", largest,
        inputs == 1 ? "tile k: output channel k" : "tile o.i: output channel o, input channel i"));
  }

  /** {@link #featureMaps} written as a PNG file. */
  public static void writeFeatureMaps(Path file, NDArray input, NDArray maps) throws IOException {
    Png.write(file, featureMaps(input, maps));
  }

  /** A white picture with room for {@code tiles} tiles in rows of {@code columns}, {@link #GAP} around each. */
  private static BufferedImage canvas(int tiles, int columns, int tileWidth, int tileHeight) {
    int rows = (tiles + columns - 1) / columns;
    BufferedImage image = new BufferedImage(GAP + columns * (tileWidth + GAP), GAP + rows * (tileHeight + GAP), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
    graphics.dispose();
    return image;
  }

  /** Grey pixels: {@code values} as they are ({@code unitRange}, clipped to [0, 1]) or scaled from their minimum to their maximum. */
  private static void drawGrey(BufferedImage image, double[] values, int columns, int left, int top, boolean unitRange) {
    double low = unitRange ? 0 : Double.POSITIVE_INFINITY;
    double high = unitRange ? 1 : Double.NEGATIVE_INFINITY;
    for (int i = 0; !unitRange && i < values.length; i++) {
      low = Math.min(low, values[i]);
      high = Math.max(high, values[i]);
    }
    // A constant map (a dead channel) is drawn black rather than divided by zero.
    double range = high > low ? high - low : 1;
    for (int i = 0; i < values.length; i++) {
      int grey = (int) Math.round(255 * Math.max(0, Math.min(1, (values[i] - low) / range)));
      fill(image, left + (i % columns) * MAP_SCALE, top + (i / columns) * MAP_SCALE, MAP_SCALE, (grey << 16) | (grey << 8) | grey);
    }
  }

  /** White at 0, towards pure red at +1 and pure blue at −1. */
  static int diverging(double value) {
    double clipped = Math.max(-1, Math.min(1, value));
    int fade = (int) Math.round(255 * (1 - Math.abs(clipped)));
    return clipped >= 0 ? (255 << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 255;
  }

  private static void fill(BufferedImage image, int left, int top, int size, int rgb) {
    for (int dy = 0; dy < size; dy++) {
      for (int dx = 0; dx < size; dx++) {
        image.setRGB(left + dx, top + dy, rgb);
      }
    }
  }
}
