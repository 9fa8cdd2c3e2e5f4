package dev.ruru.train.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filter grids and feature maps decode at the size their layout gives, with each tap and pixel in its expected colour. */
class ConvolutionPicturesTest {
  private static final int S = ConvolutionPictures.FILTER_SCALE;
  private static final int M = ConvolutionPictures.MAP_SCALE;
  private static final int GAP = ConvolutionPictures.GAP;

  @TempDir Path dir;

  @Test void filtersAreTilesOnOneDivergingScale() throws IOException {
    // Two 1×2 kernels: [2, -2] and [0, 1]; the largest |w| is 2.
    NDArray weight = NDArray.of(new float[] {2, -2, 0, 1}, 2, 1, 1, 2);
    BufferedImage image = ConvolutionPictures.filters(weight);
    assertEquals(GAP + 2 * (2 * S + GAP), image.getWidth());
    assertEquals(GAP + (S + GAP), image.getHeight());
    int top = GAP + S / 2;
    assertEquals(0xff0000, rgb(image, GAP + S / 2, top), "+2 is full red");
    assertEquals(0x0000ff, rgb(image, GAP + S + S / 2, top), "-2 is full blue");
    int second = GAP + 2 * S + GAP;
    assertEquals(0xffffff, rgb(image, second + S / 2, top), "0 is white");
    // +1 is half way to red: green and blue at 255·(1 − 1/2) = 127.5, rounded to 128.
    assertEquals(0xff8080, rgb(image, second + S + S / 2, top), "+1 is pink");
  }

  @Test void featureMapsShowTheInputThenEachChannelFromItsMinimumToItsMaximum() throws IOException {
    NDArray input = NDArray.of(new float[] {0, 1, 0.5f, 0.25f}, 2, 2);
    // Channel 0 spans [-3, 5]; channel 1 is constant (drawn black).
    NDArray maps = NDArray.of(new float[] {-3, 5, 1, 1, 7, 7, 7, 7}, 2, 2, 2);
    Path file = dir.resolve("maps.png");
    ConvolutionPictures.writeFeatureMaps(file, input, maps);
    BufferedImage image = ImageIO.read(file.toFile());
    int tileWidth = 2 * M;
    assertEquals(GAP + 3 * (tileWidth + GAP), image.getWidth());
    assertEquals(GAP + 2 * M + ConvolutionPictures.CAPTION + GAP, image.getHeight());
    int[] inputGreys = {0, 255, 128, 64};
    int[] channelGreys = {0, 255, 128, 128};
    for (int pixel = 0; pixel < 4; pixel++) {
      int x = GAP + (pixel % 2) * M;
      int y = GAP + (pixel / 2) * M;
      assertEquals(grey(inputGreys[pixel]), rgb(image, x, y), "input pixel " + pixel);
      assertEquals(grey(channelGreys[pixel]), rgb(image, x + tileWidth + GAP, y), "channel 0 pixel " + pixel);
      assertEquals(0, rgb(image, x + 2 * (tileWidth + GAP), y), "constant channel 1 pixel " + pixel);
    }
  }

  @Test void wrongRanksAreRefusedWithTheShapes() {
    NDArray flat = NDArray.of(new float[] {1, 2}, 2);
    assertEquals("ConvolutionPictures: expected a convolution weight [out, in, kh, kw], got [2]",
        assertThrows(IllegalArgumentException.class, () -> ConvolutionPictures.filters(flat)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ConvolutionPictures.featureMaps(flat, flat)).getMessage()
        .endsWith("got [2] and [2]"));
  }

  private static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xffffff;
  }

  private static int grey(int level) {
    return (level << 16) | (level << 8) | level;
  }

  @Test void theFiltersFileHasATitleAndNumberedTiles() throws IOException {
    NDArray weight = NDArray.of(new float[] {2, -2, 0, 1}, 2, 1, 1, 2);
    Path file = dir.resolve("filters.png");
    ConvolutionPictures.writeFilters(file, weight);
    BufferedImage image = ImageIO.read(file.toFile());
    BufferedImage tiles = ConvolutionPictures.filters(weight);
    assertEquals(tiles.getHeight() + TitledPicture.BAND, image.getHeight());
    // The title band holds text (dark pixels) where the bare picture has none; the tiles keep their colours.
    assertTrue(darkPixels(image, 0, 0, image.getWidth(), TitledPicture.BAND) > 50, "a title is drawn");
    assertEquals(0xff0000, rgb(image, GAP + S / 2, TitledPicture.BAND + GAP + S - 2), "+2 is still full red below its label");
    assertTrue(darkPixels(image, GAP, TitledPicture.BAND + GAP, 8, 12) > 3, "tile 0 carries its number");
  }

  private static int darkPixels(BufferedImage image, int left, int top, int width, int height) {
    int dark = 0;
    for (int y = top; y < top + height; y++) {
      for (int x = left; x < left + width; x++) {
        dark += (image.getRGB(x, y) & 0xff) < 100 && ((image.getRGB(x, y) >> 16) & 0xff) < 100 ? 1 : 0;
      }
    }
    return dark;
  }
}
