package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.models.gan.GanFiles;
import dev.ruru.models.gan.GanSpec;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ruru train --model gan and ruru generate for GANs, on the embedded sample with tiny networks. */
class TrainGanCommandTest {
  @TempDir Path directory;

  CommandRun run(String... args) {
    return CommandRun.withEmbeddedSample(directory.resolve("home"), args);
  }

  @Test void trainsAConditionalGanResumesItAndGeneratesAClass() throws Exception {
    Path out = directory.resolve("gan");
    CommandRun train = run("train", "--model", "gan", "--latent", "8", "--gan-width", "4", "--conditional", "--epochs", "1",
        "--batch-size", "100", "--out", out.toString());
    assertEquals(0, train.exitCode(), train::err);
    assertTrue(train.out().contains("model: dcgan latent 8 width 4 conditional 10"), train::out);
    for (String file : new String[] {"model.json", "model.safetensors", "metrics.json", "checkpoint.safetensors", "samples/epoch-001.png", "samples.gif",
        "learning_curves.png"}) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file + " written");
    }

    // The run has its one epoch: --resume reads its settings back from the checkpoint and writes its outputs
    // again without training (a second epoch is tested in GanTrainingTest, on fewer images).
    Files.delete(out.resolve("model.json"));
    CommandRun resumed = run("train", "--resume", "--out", out.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().contains("finishing " + out.resolve("checkpoint.safetensors") + ": its 1 epoch is trained"), resumed::out);
    assertTrue(resumed.out().contains("model: dcgan latent 8 width 4 conditional 10"), resumed::out);
    assertTrue(Files.isRegularFile(out.resolve("model.json")));

    Path png = directory.resolve("threes.png");
    CommandRun generate = run("generate", "--model-dir", out.toString(), "--samples", "9", "--class", "3", "--out", png.toString());
    assertEquals(0, generate.exitCode(), generate::err);
    BufferedImage grid = ImageIO.read(png.toFile());
    assertNotNull(grid, "the grid decodes");
    assertEquals(2 + 3 * (56 + 2), grid.getWidth(), "3 images of 28x28 pixels drawn twice as large, per row");

    CommandRun unknown = run("generate", "--model-dir", out.toString(), "--class", "10");
    assertEquals(Ruru.USAGE_ERROR, unknown.exitCode());
    assertTrue(unknown.err().contains("--class 10 is not one of the model's classes 0..9"), unknown::err);
  }

  @Test void anUnconditionalGanRefusesAClass() throws Exception {
    Path saved = directory.resolve("unconditional");
    GanSpec spec = new GanSpec(8, 4, 0);
    GanFiles.save(saved, spec, spec.generator(new SplittableRandom(1)));
    CommandRun run = run("generate", "--model-dir", saved.toString(), "--class", "2");
    assertEquals(Ruru.USAGE_ERROR, run.exitCode());
    assertTrue(run.err().contains("--class 2 needs a conditional GAN, and this one (dcgan latent 8 width 4) is not"), run::err);
    CommandRun samples = run("generate", "--model-dir", saved.toString(), "--samples", "4");
    assertEquals(0, samples.exitCode(), samples::err);
    assertTrue(Files.isRegularFile(saved.resolve("generated.png")));
  }

  @Test void badOptionsAreRefusedByName() {
    CommandRun zero = run("train", "--model", "gan", "--latent", "0", "--out", directory.resolve("zero").toString());
    assertEquals(Ruru.USAGE_ERROR, zero.exitCode());
    assertTrue(zero.err().contains("gan: --latent must be at least 1, got 0"), zero::err);
    CommandRun hidden = run("train", "--model", "gan", "--hidden", "64", "--out", directory.resolve("hidden").toString());
    assertEquals(Ruru.USAGE_ERROR, hidden.exitCode());
    assertTrue(hidden.err().contains("--hidden does not apply to --model gan"), hidden::err);
    CommandRun notGan = run("train", "--model", "mlp", "--conditional", "--out", directory.resolve("mlp").toString());
    assertEquals(Ruru.USAGE_ERROR, notGan.exitCode());
    assertTrue(notGan.err().contains("--conditional does not apply to --model mlp"), notGan::err);
  }
}
