package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerceptronOnImagesTest {
  @TempDir Path directory;

  @Test
  void learnsFarAboveChanceInTwoEpochsAndDrawsItsWeights() throws Exception {
    Path picture = directory.resolve("weights.png");
    double accuracy = PerceptronOnImages.run(2, picture);
    // Ten classes: chance is 10 %; the perceptron's templates reach about 70 % on the sample's test images.
    assertTrue(accuracy > 0.6, "test accuracy " + accuracy);
    assertNotNull(ImageIO.read(picture.toFile()), "weights.png decodes");
    PerceptronOnImages.main(new String[] {"1", directory.resolve("main.png").toString()});
  }
}
