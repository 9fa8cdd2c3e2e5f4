package dev.ruru.models.specvae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.audio.DigitClips;
import dev.ruru.data.audio.MelFilterBank;
import dev.ruru.data.audio.Stft;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.data.audio.Waveform;
import dev.ruru.models.audio.AudioFeatures;
import dev.ruru.models.audio.ToneCorpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way back from a log-mel picture to sound (mel power, pseudo-inverse, Griffin-Lim), and a conditional
 * VAE trained on a tone corpus (digit d is a tone of 300 + 150·d Hz) that, asked for a digit, plays its tone.
 */
class SpectrogramSpeechTest {
  @TempDir
  Path folder;

  @Test
  void aPictureHeardBackLooksLikeThePictureItCameFrom() {
    AudioFeatures features = new AudioFeatures(16000, 512, 256, 64);
    float[] clip = new float[16000];
    for (int i = 2000; i < 10000; i++) {
      // A vowel-like sound: 150 Hz and its harmonics, falling off.
      for (int harmonic = 1; harmonic <= 12; harmonic++) {
        clip[i] += (float) (0.3 / harmonic * Math.sin(2 * Math.PI * 150 * harmonic * i / 16000.0));
      }
    }
    NDArray picture = features.of(clips(clip)).reshape(64, 63);
    float[] heard = SpectrogramSpeech.sound(picture, features, new MelFilterBank(16000, 512, 64), new Stft(512, 256), 16000, 32);
    assertEquals(16000, heard.length);
    assertEquals(SpectrogramSpeech.PEAK, peak(heard), 1e-6);
    NDArray again = features.of(clips(heard)).reshape(64, 63);
    double meanError = again.sub(picture).abs().mean().item();
    // The pictures' values run from 0 to 1 (80 dB); the round trip's error is a few dB on average.
    assertTrue(meanError < 0.06, "mean |picture - picture heard back| = " + meanError);
  }

  @Test
  void aConditionalVaeOnTonesPlaysTheToneOfTheDigitAskedFor() throws Exception {
    Path corpus = ToneCorpus.write(folder.resolve("tones"), 3);
    SpectrogramVaeSettings settings = new SpectrogramVaeSettings(4, 64, 32, 1, 8, 3e-3, 0, corpus.toString(), "none");
    StringWriter log = new StringWriter();
    Path model = folder.resolve("vae");
    var history = new SpectrogramVaeRun(model, new PrintWriter(log)).train(SpokenDigitsCorpus.load(corpus), settings, 20);
    double first = history.epochs().get(0).train().get("negative_elbo");
    double last = history.epochs().get(19).train().get("negative_elbo");
    assertTrue(last < 0.3 * first, "negative ELBO from " + first + " to " + last + "\n" + log);
    SpectrogramVaeFiles.Loaded saved = SpectrogramVaeFiles.load(model);
    // At the prior's centre (temperature 0) each digit's picture is its typical one: the tone of 300 + 150·d Hz, give or
    // take a mel band (about 90 Hz here) and what 60 training clips leave unlearnt.
    double[] heard = new double[10];
    for (int digit = 0; digit < 10; digit++) {
      heard[digit] = loudestHertz(SpectrogramSpeech.speak(saved, digit, 1, 0.0, 7, 16).get(0).mixdown());
      assertEquals(300 + 150 * digit, heard[digit], 150, "digit " + digit + ": " + java.util.Arrays.toString(heard));
    }
    assertTrue(heard[9] - heard[0] > 1000, java.util.Arrays.toString(heard));
    var outside = assertThrows(IllegalArgumentException.class, () -> SpectrogramSpeech.speak(saved, 10, 1, 1, 0, 1));
    assertEquals("--digit 10: outside 0..9; the model speaks the digits 0 to 9", outside.getMessage());
  }

  private static DigitClips clips(float[] clip) {
    return new DigitClips(NDArray.wrap(clip, 1, clip.length), NDArray.wrap(new long[] {0}, 1), List.of("x"));
  }

  private static double peak(float[] samples) {
    double peak = 0;
    for (float sample : samples) {
      peak = Math.max(peak, Math.abs(sample));
    }
    return peak;
  }

  /** The frequency of the strongest STFT bin over the whole clip. */
  private static double loudestHertz(float[] samples) {
    NDArray power = new Stft(2048, 512).forward(samples).power().sum(1);
    return power.argmax(0).toLongArray()[0] * 16000.0 / 2048;
  }
}
