package dev.ruru.models.wavenet;

import dev.ruru.train.plot.Png;
import dev.ruru.train.plot.TitledPicture;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Waveforms drawn one above the other, each labelled: real and generated audio side by side, so one sees
 * whether the generated sound has a word's shape (a burst, its envelope) or is noise. Each row shows the
 * minimum and maximum of the samples under each pixel column, as audio editors draw long signals.
 */
public final class WaveformPicture {
  private static final int WIDTH = 800;
  private static final int ROW = 90;

  private WaveformPicture() {}

  /** One labelled waveform (samples in [−1, 1]). */
  public record Trace(String label, float[] samples) {}

  public static BufferedImage render(String title, List<Trace> traces) {
    BufferedImage body = new BufferedImage(WIDTH, ROW * Math.max(1, traces.size()), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = body.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, body.getWidth(), body.getHeight());
    for (int row = 0; row < traces.size(); row++) {
      draw(g, traces.get(row).samples(), row * ROW);
      g.setColor(Color.DARK_GRAY);
      TitledPicture.label(body, traces.get(row).label(), 6, row * ROW + 4);
    }
    g.dispose();
    return TitledPicture.of(body, title, "amplitude in [-1, 1] over time; each pixel column spans its samples' minimum to maximum");
  }

  public static void write(Path file, String title, List<Trace> traces) throws IOException {
    Png.write(file, render(title, traces));
  }

  private static void draw(Graphics2D g, float[] samples, int top) {
    int middle = top + ROW / 2;
    g.setColor(new Color(225, 225, 225));
    g.drawLine(0, middle, WIDTH, middle);
    g.setColor(new Color(40, 90, 170));
    g.setStroke(new BasicStroke(1f));
    for (int x = 0; x < WIDTH && samples.length > 0; x++) {
      int from = (int) ((long) x * samples.length / WIDTH);
      int to = Math.max(from + 1, (int) ((long) (x + 1) * samples.length / WIDTH));
      float low = 1, high = -1;
      for (int i = from; i < Math.min(to, samples.length); i++) {
        low = Math.min(low, samples[i]);
        high = Math.max(high, samples[i]);
      }
      int half = ROW / 2 - 6;
      g.drawLine(x, middle - Math.round(high * half), x, middle - Math.round(low * half));
    }
  }
}
