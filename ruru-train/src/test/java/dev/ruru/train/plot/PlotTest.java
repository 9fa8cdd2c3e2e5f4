package dev.ruru.train.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.train.metrics.ConfusionMatrix;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.metrics.StepLog;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each picture is written as a PNG that decodes to the expected size, with the expected content where it can be checked by pixel. */
class PlotTest {
  @TempDir Path dir;

  private static BufferedImage decode(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertTrue(image != null, file + " does not decode as an image");
    return image;
  }

  @Test void learningCurvesAreTwoPanelsWithTrainingAndValidationColours() throws IOException {
    List<EpochMetrics> epochs = List.of(EpochMetrics.of(1, 0.9, 0.70, 0.8, 0.72, 1, 0.1), EpochMetrics.of(2, 0.6, 0.80, 0.62, 0.79, 1, 0.1),
        EpochMetrics.of(3, 0.45, 0.85, 0.55, 0.82, 1, 0.1));
    Path file = dir.resolve("curves.png");
    LearningCurves.write(file, epochs);
    BufferedImage image = decode(file);
    assertEquals(2 * LearningCurves.PANEL_WIDTH, image.getWidth());
    assertEquals(LearningCurves.HEIGHT, image.getHeight());
    // Both series colours appear in each panel.
    for (int panel = 0; panel < 2; panel++) {
      assertTrue(countColour(image, panel * LearningCurves.PANEL_WIDTH, LearningCurves.PANEL_WIDTH, 0x1f77b4) > 50, "training colour in panel " + panel);
      assertTrue(countColour(image, panel * LearningCurves.PANEL_WIDTH, LearningCurves.PANEL_WIDTH, 0xff7f0e) > 50, "validation colour in panel " + panel);
    }
  }

  @Test void aRunOfOneEpochIsDrawnPerStepOnePanelPerMetric() {
    StepLog steps = new StepLog();
    for (int step = 0; step < 200; step++) {
      steps.add(Map.of("d_loss", 1.0 / (1 + step), "g_loss", 2.0 - step / 200.0));
    }
    List<EpochMetrics> epochs = List.of(new EpochMetrics(1, Map.of("d_loss", 0.1, "g_loss", 1.5), Map.of("d_loss", 0.2, "g_loss", 1.4), 1, 0.1));
    BufferedImage image = LearningCurves.render(epochs, steps);
    assertEquals(2 * LearningCurves.PANEL_WIDTH, image.getWidth());
    for (int panel = 0; panel < 2; panel++) {
      assertTrue(countColour(image, panel * LearningCurves.PANEL_WIDTH, LearningCurves.PANEL_WIDTH, 0x1f77b4) > 100, "training curve in panel " + panel);
    }
    assertTrue(Arrays.equals(new double[] {1, 0.5}, Arrays.copyOf(steps.values("d_loss"), 2)));
    assertEquals(200, StepLog.of(steps.toArrays()).size());
  }

  @Test void confusionHeatMapShadesTheDiagonalDarkest() throws IOException {
    ConfusionMatrix matrix = ConfusionMatrix.ofCounts(new long[][] {{50, 0, 0}, {0, 50, 0}, {0, 0, 50}});
    Path file = dir.resolve("confusion.png");
    ConfusionHeatMap.write(file, matrix, List.of("cat", "dog", "bird"));
    BufferedImage image = decode(file);
    assertEquals(ConfusionHeatMap.SIZE, image.getWidth());
    assertEquals(ConfusionHeatMap.SIZE, image.getHeight());
    // The darkest colour of the range (8, 48, 107) fills the three diagonal cells: a large area.
    assertTrue(countColour(image, 0, image.getWidth(), 0x08306b) > 3 * 1000, "dark diagonal cells");
  }

  @Test void misclassifiedGridDrawsOnlyTheMistakesPixelForPixel() throws IOException {
    float[] values = new float[4 * 28 * 28];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i % 28) / 27f;   // a horizontal ramp from black to white
    }
    NDArray images = NDArray.of(values, 4, 28, 28);
    NDArray labels = NDArray.of(new long[] {0, 1, 2, 3}, 4);
    NDArray predicted = NDArray.of(new long[] {0, 2, 2, 1}, 4);
    assertArrayEquals(new int[] {1, 3}, MisclassifiedGrid.mistakes(labels, predicted, 10));
    assertArrayEquals(new int[] {1}, MisclassifiedGrid.mistakes(labels, predicted, 1));
    Path file = dir.resolve("mistakes.png");
    MisclassifiedGrid.write(file, images, labels, predicted, List.of("a", "b", "c", "d"), 10, 5);
    BufferedImage image = decode(file);
    int tileWidth = Math.max(28 * MisclassifiedGrid.SCALE, 110);
    assertEquals(MisclassifiedGrid.GAP + 2 * (tileWidth + MisclassifiedGrid.GAP), image.getWidth());
    assertEquals(MisclassifiedGrid.GAP + 28 * MisclassifiedGrid.SCALE + MisclassifiedGrid.CAPTION + MisclassifiedGrid.GAP, image.getHeight());
    int left = MisclassifiedGrid.GAP + (tileWidth - 28 * MisclassifiedGrid.SCALE) / 2;
    // Column 27 of the image is white, column 0 black, column 9 is round(255·9/27) = 85.
    assertEquals(0xffffff, image.getRGB(left + 27 * MisclassifiedGrid.SCALE + 1, MisclassifiedGrid.GAP + 5) & 0xffffff);
    assertEquals(0x000000, image.getRGB(left + 1, MisclassifiedGrid.GAP + 5) & 0xffffff);
    assertEquals(0x555555, image.getRGB(left + 9 * MisclassifiedGrid.SCALE, MisclassifiedGrid.GAP + 50) & 0xffffff);
  }

  @Test void badInputsAreRefused() {
    assertEquals("LearningCurves: no epochs to plot", assertThrows(IllegalArgumentException.class, () -> LearningCurves.render(List.of())).getMessage());
    assertThrows(IllegalArgumentException.class, () -> MisclassifiedGrid.render(NDArray.zeros(dev.ruru.array.Shape.of(2, 784)),
        NDArray.of(new long[] {0, 1}, 2), NDArray.of(new long[] {0, 1}, 2), List.of(), 5, 5));
  }

  private static int countColour(BufferedImage image, int from, int width, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = from; x < from + width; x++) {
        count += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
      }
    }
    return count;
  }

  @Test void threeHundredEpochsGetTickLabelsThatDoNotRunTogether() {
    List<EpochMetrics> epochs = new java.util.ArrayList<>();
    for (int epoch = 1; epoch <= 300; epoch++) {
      epochs.add(EpochMetrics.of(epoch, 1.0 / epoch + 0.2, 0.9 - 0.4 / epoch, 1.1 / epoch + 0.25, 0.88 - 0.4 / epoch, 1, 0.001));
    }
    BufferedImage image = LearningCurves.render(epochs);
    // The x-axis labels' row: XChart's labels for every 17th epoch ran together into one strip of digits
    // ("103120137154..."), hundreds of pixels without a gap; readable labels are separate words.
    // A word is ink with gaps of at most 3 pixels between its glyphs.
    int longest = 0;
    int start = -1;
    int lastInk = -10;
    for (int x = 0; x < LearningCurves.PANEL_WIDTH; x++) {
      boolean ink = false;
      for (int y = LearningCurves.HEIGHT - 48; y < LearningCurves.HEIGHT - 28; y++) {
        ink |= (image.getRGB(x, y) & 0xff) < 100;
      }
      if (ink) {
        start = x - lastInk > 4 ? x : start;
        lastInk = x;
        longest = Math.max(longest, x - start + 1);
      }
    }
    assertTrue(longest < 40, "the widest run of tick-label ink is " + longest + " pixels");
  }
}
