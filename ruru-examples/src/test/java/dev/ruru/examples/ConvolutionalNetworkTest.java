package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvolutionalNetworkTest {
  @TempDir Path directory;

  @Test
  void oneEpochOnTwoThousandImagesLearnsAndDrawsItsFilters() throws Exception {
    Path picture = directory.resolve("filters.png");
    ConvolutionalNetwork.main(new String[] {"1", picture.toString(), "2000"});
    assertNotNull(ImageIO.read(picture.toFile()), "filters.png decodes");
    double accuracy = ConvolutionalNetwork.run(1, directory.resolve("again.png"), 2000);
    // Chance is 10 %; one epoch on 2,000 images gives the small CNN well over 60 % on the 1,000 test images.
    assertTrue(accuracy > 0.6, "test accuracy " + accuracy);
  }
}
