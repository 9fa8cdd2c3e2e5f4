package dev.ruru.models.audio;

import dev.ruru.array.NDArray;
import dev.ruru.train.plot.Png;
import dev.ruru.train.plot.TitledPicture;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code spectrograms.png}: what the network hears, one test clip of each digit as its log-mel picture
 * (time to the right, pitch upwards, loudness as colour from dark blue through red to yellow), captioned
 * with the digit, the voice and the network's guess.
 */
public final class AudioPictures {
  /** The picture's file name in a run's directory. */
  public static final String SPECTROGRAMS = "spectrograms.png";
  private static final int SCALE = 4;
  private static final int CAPTION = 30;
  private static final int GAP = 8;
  private static final int PER_ROW = 5;

  private AudioPictures() {}

  /**
   * Writes one picture per digit: the first test clip of each of {@code pictures [n, mels, frames]},
   * labelled {@code labels}, spoken by {@code voices}, guessed as {@code predicted}.
   */
  public static Path write(Path directory, NDArray pictures, long[] labels, long[] predicted, List<String> voices, List<String> names)
      throws IOException {
    int rows = pictures.dim(1);
    int columns = pictures.dim(2);
    int tileWidth = Math.max(columns * SCALE, 130);
    int tileHeight = rows * SCALE + CAPTION;
    int tiles = names.size();
    int gridRows = (tiles + PER_ROW - 1) / PER_ROW;
    BufferedImage image = new BufferedImage(GAP + PER_ROW * (tileWidth + GAP), GAP + gridRows * (tileHeight + GAP), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int digit = 0; digit < tiles; digit++) {
      int index = first(labels, digit);
      int left = GAP + (digit % PER_ROW) * (tileWidth + GAP);
      int top = GAP + (digit / PER_ROW) * (tileHeight + GAP);
      graphics.setColor(Color.BLACK);
      if (index < 0) {
        graphics.drawString(names.get(digit) + ": no test clip", left, top + 12);
        continue;
      }
      draw(image, pictures.slice(0, index, index + 1, 1).reshape(rows, columns).toFloatArray(), rows, columns, left, top);
      graphics.drawString(names.get(digit) + " (" + voices.get(index) + ")", left, top + rows * SCALE + 12);
      graphics.setColor(predicted[index] == digit ? Color.BLACK : Color.RED.darker());
      graphics.drawString("heard: " + names.get((int) predicted[index]), left, top + rows * SCALE + 25);
    }
    graphics.dispose();
    Path file = directory.resolve(SPECTROGRAMS);
    Png.write(file, TitledPicture.of(image, "Log-mel spectrograms of test voices, one per digit",
        "time to the right, mel bands upwards; colour: dB below the clip's peak (dark blue -80, yellow 0)"));
    return file;
  }

  private static int first(long[] labels, int digit) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == digit) {
        return i;
      }
    }
    return -1;
  }

  private static void draw(BufferedImage image, float[] values, int rows, int columns, int left, int top) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int rgb = colour(values[r * columns + c]);
        for (int dy = 0; dy < SCALE; dy++) {
          for (int dx = 0; dx < SCALE; dx++) {
            image.setRGB(left + c * SCALE + dx, top + r * SCALE + dy, rgb);
          }
        }
      }
    }
  }

  /** A value in [0, 1] on a dark-blue, purple, red, yellow ramp (perceptually ordered, like matplotlib's plasma). */
  static int colour(float value) {
    float[][] stops = {{13, 8, 135}, {126, 3, 168}, {204, 71, 120}, {248, 149, 64}, {240, 249, 33}};
    float v = Math.max(0, Math.min(1, Float.isNaN(value) ? 0 : value)) * (stops.length - 1);
    int i = Math.min(stops.length - 2, (int) v);
    float f = v - i;
    int red = Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
    int green = Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
    int blue = Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
    return (red << 16) | (green << 8) | blue;
  }
}
