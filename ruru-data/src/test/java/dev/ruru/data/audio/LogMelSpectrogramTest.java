package dev.ruru.data.audio;

import static dev.ruru.data.audio.SpectralFixture.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import org.junit.jupiter.api.Test;

/** Slaney mel filters, the log-mel spectrogram and MFCCs against the NumPy/SciPy formulas of make_spectral.py. */
class LogMelSpectrogramTest {
  @Test
  void melFiltersMatchLibrosasSlaneyFormula() {
    MelFilterBank filters = new MelFilterBank(SpectralFixture.SAMPLE_RATE, 256, 20);
    assertClose("mel weights", SpectralFixture.get("mel_weights"), filters.weights(), 1e-9, 1e-12);
    // The scale's break: linear up to 1 kHz (15 mels), logarithmic above.
    assertEquals(15.0, MelFilterBank.hzToMel(1000), 1e-12);
    assertEquals(4000.0, MelFilterBank.melToHz(MelFilterBank.hzToMel(4000)), 1e-9);
  }

  @Test
  void logMelAndMfccMatchNumpyAndScipysDct() {
    LogMelSpectrogram features = new LogMelSpectrogram(SpectralFixture.SAMPLE_RATE, 256, 64, 20);
    NDArray logMel = features.decibels(SpectralFixture.signal());
    assertClose("log-mel (dB)", SpectralFixture.get("log_mel"), logMel, 1e-6, 1e-5);
    assertClose("mfcc", SpectralFixture.get("mfcc13"), new Mfcc(20, 13).apply(logMel), 1e-6, 1e-4);
  }

  @Test
  void theDctIsOrthonormal() {
    NDArray dct = Mfcc.dctMatrix(12, 12);
    assertClose("D·Dᵀ", NDArray.eye(12, 12, dev.ruru.array.DType.FLOAT64), dct.matmul(dct.transpose()), 0, 1e-12);
  }

  @Test
  void decibelsAreFlooredEightyBelowThePeak() {
    NDArray db = LogMelSpectrogram.powerToDecibels(NDArray.of(new double[] {1, 1e-3, 1e-12, 0}, 2, 2), LogMelSpectrogram.TOP_DB);
    assertClose("dB", NDArray.of(new double[] {0, -30, -80, -80}, 2, 2), db, 0, 1e-9);
    assertThrows(IllegalArgumentException.class, () -> new Mfcc(20, 21));
    assertThrows(IllegalArgumentException.class, () -> new MelFilterBank(16000, 512, 40, 0, 9000));
  }

  @Test
  void thePseudoInverseMeetsThePenroseConditions() {
    NDArray w = new MelFilterBank(16000, 512, 32).weights();
    NDArray pinv = new MelFilterBank(16000, 512, 32).pseudoInverse();
    assertEquals(257, pinv.dim(0));
    double scale = w.abs().max().item();
    assertClose("W·W⁺·W", w, w.matmul(pinv).matmul(w), 0, 1e-9 * scale);
    assertClose("W⁺·W·W⁺", pinv, pinv.matmul(w).matmul(pinv), 0, 1e-9 / scale);
    NDArray projection = pinv.matmul(w);
    assertClose("W⁺·W symmetric", projection, projection.transpose(), 0, 1e-9);
  }

  @Test
  void invertingAMelSpectrogramGivesAPowerSpectrogramWithNearlyTheSameBands() {
    LogMelSpectrogram features = new LogMelSpectrogram(SpectralFixture.SAMPLE_RATE, 256, 64, 20);
    NDArray mel = features.power(SpectralFixture.signal());
    NDArray power = features.filters().invert(mel);
    assertEquals(129, power.dim(0));
    assertEquals(0.0, Math.min(0, power.min().item()));
    // Setting the negative least-squares values to 0 moves the bands: by 2.2 dB on average with these 20 wide bands
    // (NumPy's pinv gives the same 2.21 dB, and 18.5 dB at worst, in a cell near the 80 dB floor).
    NDArray again = LogMelSpectrogram.powerToDecibels(features.filters().apply(power), LogMelSpectrogram.TOP_DB);
    NDArray given = LogMelSpectrogram.powerToDecibels(mel, LogMelSpectrogram.TOP_DB);
    double mean = again.sub(given).abs().mean().item();
    assertEquals(2.21, mean, 0.01, "mean band change in dB");
    assertThrows(IllegalArgumentException.class, () -> features.filters().invert(NDArray.zeros(dev.ruru.array.Shape.of(19, 4))));
  }
}
