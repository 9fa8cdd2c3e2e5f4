package dev.ruru.examples;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.models.latent.DecoderDistribution;
import dev.ruru.models.latent.Elbo;
import dev.ruru.models.latent.LatentModel;
import dev.ruru.models.latent.LatentPictures;
import dev.ruru.models.latent.LatentSpec;
import dev.ruru.optim.Adam;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The course's "latent spaces": a variational autoencoder (Kingma and Welling, 2014) learns a 2-number
 * code of Fashion-MNIST images. The encoder maps an image to a Gaussian over codes (a mean and a
 * log-variance); a code drawn from it by the reparameterisation trick, z = μ + σ·ε, is decoded back to
 * the image; the loss is the negative evidence lower bound, the reconstruction's negative log-likelihood
 * plus the KL divergence that keeps the codes near N(0, I), so that any code drawn from N(0, I) decodes to
 * a plausible image.
 *
 * <p>What to watch: the two terms pull against each other (the KL rises as the code starts to carry
 * information); in latent_space.png the classes separate without the model ever seeing a label, and
 * manifold.png walks smoothly from trousers to shoes to shirts.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.VariationalAutoencoder [epochs] [output-directory]}
 * (default 10 epochs on the embedded sample's 5,000 images, {@code runs/vae-example}; a few seconds an
 * epoch). The full-data run is {@code ruru train --model vae --latent 2}.
 */
public final class VariationalAutoencoder {
  private VariationalAutoencoder() {}

  public static void main(String[] args) throws IOException {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path directory = Path.of(args.length > 1 ? args[1] : "runs/vae-example");
    run(epochs, Integer.MAX_VALUE, directory, new PrintWriter(System.out, true));
  }

  /**
   * Trains a 784-256-2 VAE for {@code epochs} on (the first {@code images} of) the embedded sample's
   * training images, validating on its 1,000 test images, and draws the pictures into {@code directory}.
   */
  static History run(int epochs, int images, Path directory, PrintWriter out) throws IOException {
    MnistData data = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    ArrayDataset train = data.train().subset(IntStream.range(0, Math.min(images, data.train().size())).toArray());
    ResumableRandom rng = new ResumableRandom(11);
    // Encoder 784 -> 256 -> (mean, log-variance) of 2 numbers each; decoder 2 -> 256 -> 784 logits.
    LatentModel vae = LatentSpec.of(LatentSpec.VAE, 2, 256, 0).build(rng);
    // The ELBO with a Bernoulli decoder; the noise ε comes from its own generator, saved with checkpoints.
    Elbo elbo = new Elbo(vae, new Adam(vae.parameters(), 1e-3), DecoderDistribution.BERNOULLI, 1.0, new ResumableRandom(12));
    Trainer trainer = Trainer.builder(elbo).batchSize(64).seed(11).random(rng).progress(new ProgressBar(out, ProgressStyle.detect())).build();
    History history = trainer.fit(train, data.test(), epochs);
    var last = history.last().validation();
    out.printf(Locale.ROOT, "test: negative ELBO %.1f nats per image = reconstruction %.1f + KL %.2f%n", last.get("negative_elbo"),
        last.get("reconstruction"), last.get("kl"));
    Files.createDirectories(directory);
    List<Path> pictures = LatentPictures.write(directory, vae, LatentPictures.CodeDistribution.standardNormal(2), data.test().features(),
        data.test().labels(), data.variant().classNames(), 11, out);
    pictures.forEach(path -> out.println("wrote " + path));
    return history;
  }
}
