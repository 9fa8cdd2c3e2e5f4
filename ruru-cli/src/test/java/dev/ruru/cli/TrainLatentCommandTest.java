package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ruru train --model vae|autoencoder ...}, {@code ruru generate} and {@code ruru embed} end to end
 * on the embedded Fashion-MNIST sample, the resume of a latent run, and the errors for bad latent options.
 */
class TrainLatentCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void aConditionalVaeTrainsGeneratesByClassAndEmbeds(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("vae");
    CommandRun run = CommandRun.withEmbeddedSample(home, "train", "--model", "vae", "--latent", "2", "--hidden", "64", "--conditional",
        "--epochs", "1", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("negative_elbo") && run.out().contains("importance-weighted"), run.out());
    JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
    assertEquals("latent", metrics.get("task").asText());
    assertTrue(metrics.get("test").get("negative_elbo").asDouble() > 0, metrics.toString());
    assertTrue(metrics.get("epochs").get(0).has("train_kl"), metrics.toString());
    for (String file : new String[] {"model.json", "model.safetensors", "learning_curves.png", "reconstructions.png", "latent_space.png",
        "manifold.png", "interpolation.png", "samples.png", "checkpoint.safetensors"}) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    Path grid = dir.resolve("shirts.png");
    CommandRun generate = CommandRun.of("generate", "--model-dir", out.toString(), "--samples", "16", "--class", "6", "--out", grid.toString());
    assertEquals(0, generate.exitCode(), generate.err());
    assertTrue(generate.out().contains("16 samples of class 6 (Shirt)"), generate.out());
    assertTrue(Files.size(grid) > 1000);
    CommandRun outside = CommandRun.of("generate", "--model-dir", out.toString(), "--class", "12", "--out", grid.toString());
    assertEquals(Ruru.USAGE_ERROR, outside.exitCode());
    assertTrue(outside.err().contains("--class 12 is outside the model's classes 0..9"), outside.err());
    Path codes = dir.resolve("codes.npy");
    CommandRun embed = CommandRun.withEmbeddedSample(home, "embed", "--model-dir", out.toString(), "--out", codes.toString());
    assertEquals(0, embed.exitCode(), embed.err());
    NDArray array = Npy.read(codes);
    assertEquals(Shape.of(1000, 2), array.shape());
    assertTrue(Files.isRegularFile(dir.resolve("codes.png")));
  }

  @Test
  void anAutoencoderResumesAndRefusesClassesItWasNotTrainedOn(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("ae");
    CommandRun first = CommandRun.withEmbeddedSample(home, "train", "--model", "autoencoder", "--latent", "8", "--hidden", "64", "--noise", "0.2",
        "--noise-type", "masking", "--epochs", "1", "--out", out.toString());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("denoising masking 20%"), first.out());
    CommandRun resumed = CommandRun.withEmbeddedSample(home, "train", "--resume", "--epochs", "2", "--out", out.toString());
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertTrue(resumed.out().contains("after epoch 1 of 2"), resumed.out());
    assertEquals(2, JSON.readTree(out.resolve("metrics.json").toFile()).get("epochs").size());
    CommandRun classed = CommandRun.of("generate", "--model-dir", out.toString(), "--class", "3", "--out", dir.resolve("x.png").toString());
    assertEquals(Ruru.USAGE_ERROR, classed.exitCode());
    assertTrue(classed.err().contains("is not conditional (it was trained without --conditional); leave --class out"), classed.err());
  }

  @Test
  void badLatentOptionsGetClearMessages(@TempDir Path dir) {
    String[][] cases = {
        {"--model", "vae", "--latent", "0"}, {"Invalid --latent: 0 (the code's size must be in [1, 4096])"},
        {"--model", "vae", "--beta", "-1"}, {"Invalid --beta: -1.0 (the KL term's weight must be >= 0; 1 is the plain VAE)"},
        {"--model", "autoencoder", "--beta", "2"}, {"--beta applies to vae and conv-vae, not autoencoder"},
        {"--model", "vae", "--noise", "0.3"}, {"--noise applies to autoencoder and conv-autoencoder, not vae"},
        {"--model", "mlp", "--latent", "4"}, {"--latent does not apply to --model mlp (it is for --model autoencoder, conv-autoencoder, conv-vae, gan, spec-vae, vae)"},
        {"--model", "autoencoder", "--upsampling", "nearest"}, {"--upsampling applies to conv-autoencoder and conv-vae, not autoencoder"},
        {"--model", "conv-vae", "--hidden", "64"}, {"--hidden applies to the dense latent models (autoencoder, vae), not conv-vae"},
    };
    for (int i = 0; i < cases.length; i += 2) {
      String[] args = new String[cases[i].length + 3];
      args[0] = "train";
      System.arraycopy(cases[i], 0, args, 1, cases[i].length);
      args[args.length - 2] = "--out";
      args[args.length - 1] = dir.resolve("run" + i).toString();
      CommandRun run = CommandRun.withEmbeddedSample(home, args);
      assertEquals(Ruru.USAGE_ERROR, run.exitCode(), String.join(" ", args) + "\n" + run.out());
      assertTrue(run.err().contains(cases[i + 1][0]), String.join(" ", args) + ": " + run.err());
    }
  }
}
