package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.train.History;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example, in its fast mode, lowers the negative ELBO and draws its pictures. */
class VariationalAutoencoderTest {
  @TempDir Path dir;

  @Test
  void lowersTheNegativeElboAndDrawsThePictures() throws IOException {
    StringWriter text = new StringWriter();
    History history = VariationalAutoencoder.run(2, 1500, dir, new PrintWriter(text, true));
    Map<String, Double> first = history.epochs().get(0).validation();
    Map<String, Double> last = history.last().validation();
    assertTrue(last.get("negative_elbo") < first.get("negative_elbo"), first + " -> " + last);
    // A model that ignores the image (all pixels 0.5) would score 784·ln 2 = 543 nats.
    assertTrue(last.get("negative_elbo") < 400, last.toString());
    for (String picture : new String[] {"reconstructions.png", "latent_space.png", "manifold.png", "interpolation.png", "samples.png"}) {
      assertTrue(Files.size(dir.resolve(picture)) > 1000, picture);
    }
    assertTrue(text.toString().contains("test: negative ELBO"), text.toString());
  }
}
