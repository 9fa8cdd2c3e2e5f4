package dev.ruru.models.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.NDArray;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole latent-model run on part of the embedded sample: it reports the ELBO's terms per epoch and on
 * the test set, writes a model that loads back and decodes as the trained one did, metrics.json, the
 * curves and the pictures (the 2-D ones only for a 2-number code).
 */
class LatentRunTest {
  @TempDir Path dir;

  private static MnistData smallSample() {
    MnistData all = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    return new MnistData(all.variant(), all.train().subset(IntStream.range(0, 600).toArray()), all.test().subset(IntStream.range(0, 200).toArray()),
        all.origin(), all.source());
  }

  static LatentSettings settings(String model, int latent, boolean conditional, String loss) {
    return new LatentSettings(model, "fashion-mnist", "fashion-mnist-sample", latent, 64, conditional, "nearest", loss, 1, "none", 0, 0,
        OptimizerChoice.ADAM, 1e-3, Double.NaN, 0, 64, 0.1, 3, TrainingControls.NONE);
  }

  @Test
  void aConditionalVaeRunWritesItsModelMetricsAndPictures() throws IOException {
    StringWriter text = new StringWriter();
    LatentReport report = new LatentRun(dir, new PrintWriter(text, true), System.nanoTime())
        .train(smallSample(), settings(LatentSpec.VAE, 2, true, "bernoulli"), 2);
    assertTrue(text.toString().contains("negative_elbo"), text.toString());
    double elbo = report.test().get("negative_elbo");
    assertEquals(report.test().get("reconstruction") + report.test().get("kl"), elbo, 1e-3);
    // log p(x) >= ELBO on average, and the k-sample estimate is the tighter bound (Burda et al.).
    assertTrue(report.iwLogLikelihood() > -elbo - 5 && report.iwLogLikelihood() < 0, report.iwLogLikelihood() + " vs -" + elbo);
    JsonNode metrics = new ObjectMapper().readTree(dir.resolve(LatentReport.METRICS).toFile());
    assertEquals(2, metrics.get("epochs").size());
    assertTrue(metrics.get("epochs").get(1).has("validation_kl"), metrics.toString());
    for (String picture : new String[] {LatentPictures.RECONSTRUCTIONS, LatentPictures.LATENT_SPACE, LatentPictures.MANIFOLD,
        LatentPictures.INTERPOLATION, LatentPictures.SAMPLES, LatentReport.CURVES}) {
      BufferedImage image = ImageIO.read(dir.resolve(picture).toFile());
      assertTrue(image != null && image.getWidth() > 100, picture);
    }
    LatentModelFiles.Loaded loaded = LatentModelFiles.load(dir);
    assertTrue(loaded.spec().isConditional() && loaded.spec().latent() == 2, loaded.spec().describe());
    assertEquals(10, loaded.classNames().size());
  }

  @Test
  void anAutoencoderRunSavesAModelThatDecodesAsTheTrainedOneAndProjectsItsCodeForThePicture() throws IOException {
    StringWriter text = new StringWriter();
    new LatentRun(dir, new PrintWriter(text, true), System.nanoTime()).train(smallSample(), settings(LatentSpec.AUTOENCODER, 8, false, "bce"), 1);
    assertTrue(text.toString().contains("manifold.png needs a 2-number code; this one has 8"), text.toString());
    assertTrue(!Files.exists(dir.resolve(LatentPictures.MANIFOLD)));
    BufferedImage space = ImageIO.read(dir.resolve(LatentPictures.LATENT_SPACE).toFile());
    assertTrue(space != null && space.getWidth() > 500, "the 8-number codes drawn through their principal components");
    LatentModelFiles.Loaded loaded = LatentModelFiles.load(dir);
    assertTrue(LatentModelFiles.isLatentModel(dir));
    NDArray codes = NDArray.randn(dev.ruru.array.Shape.of(4, 8), new SplittableRandom(1));
    NDArray again = LatentPictures.decode(LatentModelFiles.load(dir).model(), codes, null);
    assertTrue(LatentPictures.decode(loaded.model(), codes, null).equals(again));
    assertTrue(loaded.codeStd()[0] > 0, "the training codes' spread is saved for sampling");
    BufferedImage grid = LatentPictures.samples(loaded.model(), new LatentPictures.CodeDistribution(loaded.codeMean(), loaded.codeStd()), 16, -1,
        new SplittableRandom(2));
    assertTrue(grid.getHeight() > 2 * 28 * ImageSheet.SCALE, "two rows of 8");
  }

  /** Codes in a plane of an 8-D space: the projection onto their two principal components keeps every distance between them. */
  @Test
  void theProjectionOfPlanarCodesKeepsTheirDistances() {
    SplittableRandom random = new SplittableRandom(5);
    NDArray plane = NDArray.randn(dev.ruru.array.Shape.of(2, 8), random);
    NDArray codes = NDArray.randn(dev.ruru.array.Shape.of(40, 2), random).matmul(plane).add(3.0).astype(dev.ruru.array.DType.FLOAT64);
    CodeScatter.Projection projection = CodeScatter.Projection.of(codes);
    assertEquals("pc", projection.axes());
    assertEquals(1, projection.varianceKept(), 1e-9);
    NDArray points = projection.points();
    for (int[] pair : new int[][] {{0, 1}, {2, 17}, {5, 39}}) {
      NDArray original = codes.slice(0, pair[0], pair[0] + 1, 1).sub(codes.slice(0, pair[1], pair[1] + 1, 1));
      NDArray projected = points.slice(0, pair[0], pair[0] + 1, 1).sub(points.slice(0, pair[1], pair[1] + 1, 1));
      assertEquals(original.mul(original).sum().item(), projected.mul(projected).sum().item(), 1e-8);
    }
    NDArray twoNumbers = codes.slice(1, 0, 2, 1);
    assertEquals("z", CodeScatter.Projection.of(twoNumbers).axes());
    assertTrue(CodeScatter.Projection.of(twoNumbers).points() == twoNumbers, "a 2-number code is drawn as it is");
  }

  @Test
  void settingsRefuseAZeroCodeANegativeBetaAndAnUnknownNoise() {
    IllegalArgumentException latent = assertThrows(IllegalArgumentException.class, () -> settings(LatentSpec.VAE, 0, false, "bernoulli"));
    assertEquals("Invalid --latent: 0 (the code's size must be in [1, 4096])", latent.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LatentSettings(LatentSpec.VAE, "fashion-mnist", "x", 2, 64, false, "nearest", "bernoulli",
        -1, "none", 0, 0, OptimizerChoice.ADAM, 1e-3, Double.NaN, 0, 64, 0.1, 3, TrainingControls.NONE));
    IllegalArgumentException loss = assertThrows(IllegalArgumentException.class, () -> settings(LatentSpec.VAE, 2, false, "mse"));
    assertEquals("unknown decoder distribution 'mse'; expected bernoulli or gaussian", loss.getMessage());
  }
}
