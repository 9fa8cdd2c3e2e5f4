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
}
