package dev.ruru.models.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.GradCheck;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Mode;
import dev.ruru.train.ResumableRandom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The VAE's objective against PyTorch (src/test/resources/torch/make_vae_fixtures.py): the analytic KL,
 * both decoders' negative log-likelihoods, the negative ELBO and its gradients with the noise fixed, a
 * float64 gradient check of the reparameterised loss, and a tiny VAE's terms and importance-weighted
 * log-likelihood.
 */
class ElboTest {
  private static final Map<String, NDArray> TORCH = read();

  private static Map<String, NDArray> read() {
    try {
      return Npz.read(Path.of("src/test/resources/torch/vae.npz"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertClose(String key, NDArray actual, double rtol) {
    NDArray expected = TORCH.get(key);
    assertEquals(expected.shape(), actual.shape(), key);
    assertTrue(actual.astype(DType.FLOAT64).allClose(expected, rtol, 1e-6), key + " differs from torch:\nactual   " + actual + "\nexpected " + expected);
  }

  /** −ELBO averaged over rows, with a linear decoder z·wᵀ + b, as the fixture's script computes it. */
  private static Tensor negativeElbo(Tensor mean, Tensor logVariance, Tensor w, Tensor b, DecoderDistribution decoder) {
    Tensor z = Elbo.reparameterise(mean, logVariance, TORCH.get("epsilon"));
    Tensor logits = z.matmul(w.transpose()).add(b);
    return decoder.negativeLogLikelihood(logits, Tensor.constant(TORCH.get("x"))).add(Elbo.klToStandardNormal(mean, logVariance)).mean();
  }

  @Test
  void klAndDecoderLikelihoodsMatchPyTorch() {
    Tensor mean = Tensor.constant(TORCH.get("mean"));
    Tensor logVariance = Tensor.constant(TORCH.get("log_variance"));
    assertClose("kl", Elbo.klToStandardNormal(mean, logVariance).value(), 1e-10);
    Tensor z = Elbo.reparameterise(mean, logVariance, TORCH.get("epsilon"));
    Tensor logits = z.matmul(Tensor.constant(TORCH.get("w")).transpose()).add(Tensor.constant(TORCH.get("b")));
    Tensor x = Tensor.constant(TORCH.get("x"));
    assertClose("bernoulli", DecoderDistribution.BERNOULLI.negativeLogLikelihood(logits, x).value(), 1e-10);
    assertClose("gaussian", DecoderDistribution.GAUSSIAN.negativeLogLikelihood(logits, x).value(), 1e-10);
  }

  @Test
  void negativeElboAndItsGradientsMatchPyTorchWithTheNoiseFixed() {
    Tensor mean = Tensor.variable(TORCH.get("mean"));
    Tensor logVariance = Tensor.variable(TORCH.get("log_variance"));
    Tensor w = Tensor.variable(TORCH.get("w"));
    Tensor b = Tensor.variable(TORCH.get("b"));
    Tensor loss = negativeElbo(mean, logVariance, w, b, DecoderDistribution.BERNOULLI);
    assertClose("negative_elbo", loss.value(), 1e-10);
    Gradients grads = loss.backward(List.of(mean, logVariance, w, b));
    assertClose("grad_mean", grads.get(mean), 1e-9);
    assertClose("grad_log_variance", grads.get(logVariance), 1e-9);
    assertClose("grad_w", grads.get(w), 1e-9);
    assertClose("grad_b", grads.get(b), 1e-9);
  }

  @Test
  void reparameterisedLossGradientsMatchFiniteDifferencesInFloat64() {
    for (DecoderDistribution decoder : DecoderDistribution.values()) {
      GradCheck.assertVjpMatches(in -> negativeElbo(in[0], in[1], in[2], in[3], decoder), TORCH.get("mean"), TORCH.get("log_variance"),
          TORCH.get("w"), TORCH.get("b"));
    }
  }

  private static LatentModel tinyVae() {
    LatentModel model = new LatentSpec(LatentSpec.VAE, 3, 5, 0, Upsampling.TRANSPOSED, 2, 3).build(new ResumableRandom(1));
    Map<String, NDArray> state = new LinkedHashMap<>();
    model.stateDict().keySet().forEach(name -> state.put(name, TORCH.get("model." + name).astype(DType.FLOAT32)));
    model.loadStateDict(state);
    return model;
  }

  @Test
  void aTinyVaesTermsAndImportanceWeightedLikelihoodMatchPyTorch() {
    LatentModel model = tinyVae();
    Tensor x = Tensor.constant(TORCH.get("model_x").astype(DType.FLOAT32));
    Elbo.Terms terms = Elbo.terms(model, DecoderDistribution.BERNOULLI, x, null, TORCH.get("model_epsilon").astype(DType.FLOAT32), Mode.EVAL);
    assertClose("model_reconstruction", terms.reconstruction().value(), 1e-5);
    assertClose("model_kl", terms.kl().value(), 1e-5);
    LatentModel.Encoding q = model.encode(x, null, Mode.EVAL);
    NDArray epsilons = TORCH.get("model_epsilon_k").astype(DType.FLOAT32);
    NDArray[] logWeights = new NDArray[epsilons.dim(0)];
    for (int j = 0; j < logWeights.length; j++) {
      logWeights[j] = Elbo.logWeight(model, DecoderDistribution.BERNOULLI, x, null, q, epsilons.slice(0, j, j + 1, 1).reshape(4, 3)).reshape(1, 4);
    }
    NDArray iwae = NDArray.concatenate(List.of(logWeights), 0).logsumexp(0).sub(Math.log(logWeights.length));
    assertClose("model_iwae", iwae, 1e-5);
  }

  @Test
  void theImportanceWeightedBoundTightensWithMoreSamples() {
    LatentModel model = tinyVae();
    NDArray x = TORCH.get("model_x").astype(DType.FLOAT32);
    double elbo = -Elbo.terms(model, DecoderDistribution.BERNOULLI, Tensor.constant(x), null, NDArray.zeros(dev.ruru.array.Shape.of(4, 3)),
        Mode.EVAL).negativeElbo().value().mean().item();
    double one = Elbo.importanceWeightedLogLikelihood(model, DecoderDistribution.BERNOULLI, x, null, 1, new ResumableRandom(2)).mean().item();
    double many = Elbo.importanceWeightedLogLikelihood(model, DecoderDistribution.BERNOULLI, x, null, 500, new ResumableRandom(2)).mean().item();
    // Burda et al.: E[L_k] rises with k; with 500 samples the estimate lies above a one-sample ELBO.
    assertTrue(many > one, one + " -> " + many);
    assertTrue(Double.isFinite(elbo));
  }

  @Test
  void refusesANegativeBetaAndAnAutoencoder() {
    LatentModel vae = LatentSpec.of(LatentSpec.VAE, 2, 8, 0).build(new ResumableRandom(1));
    IllegalArgumentException beta = assertThrows(IllegalArgumentException.class,
        () -> new Elbo(vae, new dev.ruru.optim.Adam(vae.parameters(), 1e-3), DecoderDistribution.BERNOULLI, -0.5, new ResumableRandom(1)));
    assertEquals("Invalid --beta: -0.5 (the KL term's weight must be >= 0; 1 is the plain VAE)", beta.getMessage());
    LatentModel autoencoder = LatentSpec.of(LatentSpec.AUTOENCODER, 2, 8, 0).build(new ResumableRandom(1));
    assertThrows(IllegalArgumentException.class,
        () -> new Elbo(autoencoder, new dev.ruru.optim.Adam(autoencoder.parameters(), 1e-3), DecoderDistribution.BERNOULLI, 1, new ResumableRandom(1)));
    IllegalArgumentException latent = assertThrows(IllegalArgumentException.class, () -> LatentSpec.of(LatentSpec.VAE, 0, 8, 0));
    assertEquals("Invalid --latent: 0 (the code's size must be in [1, 4096])", latent.getMessage());
  }
}
