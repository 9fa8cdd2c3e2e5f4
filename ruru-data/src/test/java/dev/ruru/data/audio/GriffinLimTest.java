package dev.ruru.data.audio;

import static dev.ruru.data.audio.SpectralFixture.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import org.junit.jupiter.api.Test;

/** Griffin-Lim against librosa's loop written in NumPy (make_spectral.py), and that iterating helps. */
class GriffinLimTest {
  @Test
  void eightIterationsMatchNumpy() {
    Stft stft = new Stft(256, 64);
    float[] x = SpectralFixture.signal();
    NDArray magnitude = stft.forward(x).magnitude();
    float[] y = GriffinLim.reconstruct(magnitude, stft, x.length, 8, GriffinLim.MOMENTUM);
    assertClose("griffin-lim, 8 iterations", SpectralFixture.get("griffin_lim8"), NDArray.of(y), 1e-4, 1e-5);
  }

  @Test
  void moreIterationsBringTheMagnitudeCloser() {
    Stft stft = new Stft(256, 64);
    float[] x = SpectralFixture.signal();
    NDArray magnitude = stft.forward(x).magnitude();
    double few = spectralConvergence(stft, magnitude, GriffinLim.reconstruct(magnitude, stft, x.length, 2, GriffinLim.MOMENTUM));
    double many = spectralConvergence(stft, magnitude, GriffinLim.reconstruct(magnitude, stft, x.length, 32, GriffinLim.MOMENTUM));
    assertTrue(many < 0.5 * few, "spectral convergence after 2 iterations " + few + ", after 32 " + many);
    assertEquals("GriffinLim: expected a magnitude [129, 32] for 2000 samples (frame size 256, hop 64); got [129, 31]",
        assertThrows(IllegalArgumentException.class,
            () -> GriffinLim.reconstruct(magnitude.slice(1, 0, 31, 1), stft, 2000, 1, 0)).getMessage());
  }

  /** ‖|STFT(y)| − S‖ / ‖S‖. */
  private static double spectralConvergence(Stft stft, NDArray target, float[] y) {
    NDArray difference = stft.forward(y).magnitude().sub(target);
    return Math.sqrt(difference.mul(difference).sum().item() / target.mul(target).sum().item());
  }
}
