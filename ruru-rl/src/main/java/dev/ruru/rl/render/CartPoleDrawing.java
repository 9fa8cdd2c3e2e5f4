package dev.ruru.rl.render;

import dev.ruru.rl.env.CartPole;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * CartPole drawn as Gymnasium's renderer draws it: the track, a 50×30 cart (at 600 pixels wide) at x
 * scaled so that the ±2.4 limits span the picture, and a pole of one unit (twice the half-length) at angle θ
 * from the vertical; the pole turns red once past the 12° limit.
 */
public final class CartPoleDrawing {
  private final int width;
  private final int height;

  /** Frames of {@code width} × {@code height} pixels (Gymnasium's are 600 × 400). */
  public CartPoleDrawing(int width, int height) {
    if (width < 60 || height < 60) {
      throw new IllegalArgumentException("CartPoleDrawing: frames of at least 60x60 pixels, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
  }

  /** The frame for observation {@code (x, ẋ, θ, θ̇)} with a caption (step and return). */
  public BufferedImage draw(double[] observation, String caption) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    // Gymnasium's view: the picture spans the track between the ±2.4 limits.
    double scale = width / (CartPole.X_THRESHOLD * 2);
    double trackY = height * 0.75;
    g.setColor(Color.BLACK);
    g.draw(new Line2D.Double(0, trackY, width, trackY));
    double cartX = width / 2.0 + observation[0] * scale;
    double cartWidth = 50 * width / 600.0;
    double cartHeight = 30 * width / 600.0;
    g.setColor(Color.BLACK);
    g.fill(new Rectangle2D.Double(cartX - cartWidth / 2, trackY - cartHeight / 2, cartWidth, cartHeight));
    double poleLength = scale * 1.0;
    double theta = observation[2];
    boolean fallen = Math.abs(theta) > CartPole.THETA_THRESHOLD;
    g.setColor(fallen ? new Color(200, 40, 40) : new Color(202, 152, 101));
    g.setStroke(new BasicStroke((float) (10 * width / 600.0), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    double topY = trackY - cartHeight / 4;
    g.draw(new Line2D.Double(cartX, topY, cartX + poleLength * Math.sin(theta), topY - poleLength * Math.cos(theta)));
    g.setColor(new Color(129, 132, 203));
    double axle = cartHeight / 3;
    g.fill(new java.awt.geom.Ellipse2D.Double(cartX - axle / 2, topY - axle / 2, axle, axle));
    g.setColor(Color.DARK_GRAY);
    g.drawString(caption, 8, 16);
    g.dispose();
    return image;
  }
}
