package dev.ruru.models.audio;

import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.WavFile;
import dev.ruru.data.audio.Waveform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the spoken-digit corpus that needs no espeak-ng: digit d is a 0.4 s tone of
 * {@code 300 + 150·d} Hz, each "voice" a different loudness, onset and detuning; same layout and manifest.
 */
public final class ToneCorpus {
  private ToneCorpus() {}

  /** Writes {@code trainVoices} training voices and one validation and one test voice, 2 takes each, into {@code directory}. */
  public static Path write(Path directory, int trainVoices) throws IOException {
    StringBuilder manifest = new StringBuilder("file,split,voice,digit,pitch,speed\n");
    for (int v = 0; v < trainVoices + 2; v++) {
      String split = v < trainVoices ? "train" : v == trainVoices ? "validation" : "test";
      String voice = "tone" + v;
      for (int take = 0; take < 2; take++) {
        for (int digit = 0; digit < 10; digit++) {
          String file = split + "/" + voice + "/" + digit + "-" + take + ".wav";
          WavFile.write(directory.resolve(file), Waveform.mono(SpokenDigits.SAMPLE_RATE, tone(digit, v, take)));
          manifest.append(file).append(',').append(split).append(',').append(voice).append(',').append(digit).append(",50,150\n");
        }
      }
    }
    Files.writeString(directory.resolve("manifest.csv"), manifest);
    return directory;
  }

  private static float[] tone(int digit, int voice, int take) {
    float[] clip = new float[SpokenDigits.LENGTH];
    double hertz = (300 + 150 * digit) * (1 + 0.004 * (voice % 3 - 1) + 0.002 * take);
    int onset = 400 * ((voice + take) % 4);
    double loudness = 0.2 + 0.1 * (voice % 3);
    for (int i = 0; i < 6400; i++) {
      clip[onset + i] = (float) (loudness * Math.sin(2 * Math.PI * hertz * i / SpokenDigits.SAMPLE_RATE));
    }
    return clip;
  }
}
