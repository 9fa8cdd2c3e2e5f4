package dev.ruru.rl.games;

import dev.ruru.train.plot.AnimatedGif;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Pictures of boards: X's stones red, O's blue, on a light board; optionally a policy shown as green
 * shading of the cell each move would fill, with its probability written in it.
 */
public final class BoardPicture {
  private static final int CELL = 64;
  private static final Color BOARD = new Color(0xF4, 0xF1, 0xE8);
  private static final Color[] STONES = {new Color(0xD6, 0x27, 0x28), new Color(0x1F, 0x77, 0xB4)};

  private BoardPicture() {}

  /** {@code position}'s board. */
  public static BufferedImage draw(Position position) {
    return draw(position, null);
  }

  /** {@code position}'s board with {@code policy} (one probability per action, or null) shaded on the cells the moves fill. */
  public static BufferedImage draw(Position position, float[] policy) {
    Game game = position.game();
    BufferedImage image = new BufferedImage(game.columns() * CELL, game.rows() * CELL, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(BOARD);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    if (policy != null) {
      shade(g, position, policy);
    }
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(2));
    for (int row = 0; row <= game.rows(); row++) {
      g.drawLine(0, row * CELL, image.getWidth(), row * CELL);
    }
    for (int column = 0; column <= game.columns(); column++) {
      g.drawLine(column * CELL, 0, column * CELL, image.getHeight());
    }
    for (int row = 0; row < game.rows(); row++) {
      for (int column = 0; column < game.columns(); column++) {
        int stone = position.stone(row, column);
        if (stone >= 0) {
          g.setColor(STONES[stone]);
          g.fillOval(column * CELL + 8, row * CELL + 8, CELL - 16, CELL - 16);
        }
      }
    }
    g.dispose();
    return image;
  }

  private static void shade(Graphics2D g, Position position, float[] policy) {
    Game game = position.game();
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    for (int action = 0; action < policy.length; action++) {
      int cell = landingCell(position, action);
      if (cell < 0 || policy[action] <= 0) {
        continue;
      }
      int x = cell % game.columns() * CELL;
      int y = cell / game.columns() * CELL;
      int fade = Math.round(255 * (1 - Math.min(1f, policy[action])));
      g.setColor(new Color(fade, 0xFF - (0xFF - fade) / 3, fade));
      g.fillRect(x, y, CELL, CELL);
      g.setColor(Color.BLACK);
      g.drawString(String.format(java.util.Locale.ROOT, "%.2f", policy[action]), x + 16, y + CELL / 2 + 5);
    }
  }

  /** The cell {@code action} fills in {@code position}, or -1 when it is not legal. */
  private static int landingCell(Position position, int action) {
    if (!position.isLegal(action)) {
      return -1;
    }
    Game game = position.game();
    if (game.actionCount() != game.columns()) {
      return action;
    }
    for (int row = game.rows() - 1; row >= 0; row--) {
      if (position.stone(row, action) < 0) {
        return row * game.columns() + action;
      }
    }
    return -1;
  }

  /** Writes {@code image} as a PNG file. */
  public static void writePng(BufferedImage image, Path file) throws IOException {
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("BoardPicture: no PNG writer in this Java runtime");
    }
  }

  /**
   * Writes a game, from its start through {@code moves}, as an animated GIF of one frame a move,
   * {@code delayMillis} each; the final position stays three frames, so that the loop pauses on the result.
   */
  public static void writeGif(Game game, List<Integer> moves, int delayMillis, Path file) throws IOException {
    Position position = game.start();
    List<BufferedImage> frames = new java.util.ArrayList<>();
    frames.add(draw(position));
    for (int move : moves) {
      position = position.play(move);
      frames.add(draw(position));
    }
    BufferedImage last = frames.get(frames.size() - 1);
    frames.add(last);
    frames.add(last);
    AnimatedGif.write(file, frames, delayMillis);
  }
}
