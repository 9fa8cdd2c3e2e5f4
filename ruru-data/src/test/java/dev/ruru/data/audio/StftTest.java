package dev.ruru.data.audio;

import static dev.ruru.data.audio.SpectralFixture.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FFT against a naive DFT, and the STFT and its inverse against the NumPy formulas (checked there against torch.stft). */
class StftTest {
  @Test
  void fourierTransformMatchesTheNaiveSumForPowersOfTwoAndOtherLengths() {
    Random random = new Random(7);
    for (int n : new int[] {1, 2, 8, 3, 12, 100, 200}) {
      double[] re = random.doubles(n, -1, 1).toArray();
      double[] im = random.doubles(n, -1, 1).toArray();
      double[] outRe = re.clone();
      double[] outIm = im.clone();
      FourierTransform fourier = new FourierTransform(n);
      fourier.forward(outRe, outIm);
      for (int k = 0; k < n; k++) {
        double sumRe = 0;
        double sumIm = 0;
        for (int j = 0; j < n; j++) {
          double angle = -2 * Math.PI * ((long) j * k % n) / n;
          sumRe += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
          sumIm += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
        }
        assertEquals(sumRe, outRe[k], 1e-9, "n " + n + ", bin " + k + " (real)");
        assertEquals(sumIm, outIm[k], 1e-9, "n " + n + ", bin " + k + " (imaginary)");
      }
      fourier.inverse(outRe, outIm);
      for (int j = 0; j < n; j++) {
        assertEquals(re[j], outRe[j], 1e-12, "n " + n + ": inverse(forward(x)) at " + j);
      }
    }
  }

  @Test
  void stftMatchesNumpyForAPowerOfTwoFrameAndAnother() {
    float[] x = SpectralFixture.signal();
    for (int[] setting : new int[][] {{256, 64}, {200, 80}}) {
      ComplexSpectrogram spectrum = new Stft(setting[0], setting[1]).forward(x);
      String name = "stft" + setting[0];
      assertClose(name + " real", SpectralFixture.get(name + "_re"), spectrum.real(), 1e-6, 1e-9);
      assertClose(name + " imaginary", SpectralFixture.get(name + "_im"), spectrum.imaginary(), 1e-6, 1e-9);
    }
    assertEquals(1 + 2000 / 64, new Stft(256, 64).frames(2000));
  }

  @Test
  void inverseRecoversTheSignalAndMatchesNumpyOnAModifiedSpectrum() {
    float[] x = SpectralFixture.signal();
    Stft stft = new Stft(256, 64);
    ComplexSpectrogram spectrum = stft.forward(x);
    assertClose("istft(stft(x))", NDArray.of(x), NDArray.of(stft.inverse(spectrum, x.length)), 0, 1e-6);
    NDArray mask = SpectralFixture.get("mask");
    ComplexSpectrogram masked = new ComplexSpectrogram(spectrum.real().mul(mask), spectrum.imaginary().mul(mask));
    assertClose("istft(mask * stft(x))", SpectralFixture.get("istft_masked"), NDArray.of(stft.inverse(masked, x.length)), 1e-5, 1e-6);
  }

  @Test
  void refusesAWindowLongerThanTheSignal() {
    assertEquals("stft: the window (512 samples) is longer than the signal (300 samples); use a shorter frame size or pad the signal",
        assertThrows(IllegalArgumentException.class, () -> new Stft(512, 128).forward(new float[300])).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Stft(255, 64));
    assertEquals(3, Stft.reflect(-3, 10));
    assertEquals(7, Stft.reflect(11, 10));
  }
}
