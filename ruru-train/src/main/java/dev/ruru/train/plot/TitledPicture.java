package dev.ruru.train.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A picture under a title band: a bold title saying what is drawn and a line saying how to read it (the
 * colour scale, the units), so that a PNG file opened on its own explains itself.
 */
public final class TitledPicture {
  /** Height of the band above the picture. */
  public static final int BAND = 44;

  private TitledPicture() {}

  /** {@code body} below a band holding {@code title} and {@code key}; the band is as wide as the longer line needs. */
  public static BufferedImage of(BufferedImage body, String title, String key) {
    Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D measure = probe.createGraphics();
    int textWidth = Math.max(measure.getFontMetrics(bold).stringWidth(title), measure.getFontMetrics(plain).stringWidth(key)) + 12;
    measure.dispose();
    BufferedImage image = new BufferedImage(Math.max(body.getWidth(), textWidth), body.getHeight() + BAND, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
    graphics.drawImage(body, 0, BAND, null);
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setColor(Color.BLACK);
    graphics.setFont(bold);
    graphics.drawString(title, 6, 18);
    graphics.setFont(plain);
    graphics.drawString(key, 6, 36);
    graphics.dispose();
    return image;
  }

  /** A small label in a white box at ({@code left}, {@code top}) of {@code image}: a tile's name over its corner. */
  public static void label(BufferedImage image, String text, int left, int top) {
    Graphics2D graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    int width = graphics.getFontMetrics().stringWidth(text) + 4;
    graphics.setColor(Color.WHITE);
    graphics.fillRect(left, top, width, 12);
    graphics.setColor(Color.BLACK);
    graphics.drawString(text, left + 2, top + 10);
    graphics.dispose();
  }
}
