package dev.ruru.models.latent;

import dev.ruru.array.NDArray;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A titled picture of greyscale images in rows, each row with a caption on its left: reconstructions
 * (inputs above outputs), a decoded manifold, an interpolation, samples. Pixel values are in [0, 1]
 * (0 black), each image enlarged {@link #SCALE} times.
 */
final class ImageSheet {
  static final int SCALE = 2;
  private static final int GAP = 4;
  private static final int TITLE = 28;
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private ImageSheet() {}

  /**
   * {@code rows.get(r)} holds row r's images as [k, height·width]; {@code captions} (same count, may hold
   * empty strings) label the rows on the left.
   */
  static BufferedImage render(String title, List<NDArray> rows, List<String> captions, int height, int width) {
    if (rows.size() != captions.size() || rows.isEmpty()) {
      throw new IllegalArgumentException("ImageSheet: " + rows.size() + " rows and " + captions.size() + " captions");
    }
    int columns = rows.stream().mapToInt(row -> row.dim(0)).max().orElse(1);
    int captionWidth = captions.stream().allMatch(String::isEmpty) ? 0 : 90;
    int tileWidth = width * SCALE + GAP;
    int tileHeight = height * SCALE + GAP;
    int imageWidth = Math.max(GAP + captionWidth + columns * tileWidth, 8 * title.length() + 2 * GAP);
    BufferedImage image = new BufferedImage(imageWidth, TITLE + GAP + rows.size() * tileHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setColor(Color.BLACK);
    graphics.setFont(TITLE_FONT);
    graphics.drawString(title, GAP, 19);
    graphics.setFont(CAPTION_FONT);
    for (int r = 0; r < rows.size(); r++) {
      int top = TITLE + r * tileHeight;
      graphics.setColor(Color.DARK_GRAY);
      graphics.drawString(captions.get(r), GAP, top + height * SCALE / 2 + 4);
      float[] pixels = rows.get(r).toFloatArray();
      for (int k = 0; k < rows.get(r).dim(0); k++) {
        draw(image, pixels, k * height * width, height, width, GAP + captionWidth + k * tileWidth, top);
      }
    }
    graphics.dispose();
    return image;
  }

  private static void draw(BufferedImage image, float[] pixels, int offset, int height, int width, int left, int top) {
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        int grey = Math.round(255 * Math.max(0, Math.min(1, pixels[offset + r * width + c])));
        int rgb = (grey << 16) | (grey << 8) | grey;
        for (int dy = 0; dy < SCALE; dy++) {
          for (int dx = 0; dx < SCALE; dx++) {
            image.setRGB(left + c * SCALE + dx, top + r * SCALE + dy, rgb);
          }
        }
      }
    }
  }
}
