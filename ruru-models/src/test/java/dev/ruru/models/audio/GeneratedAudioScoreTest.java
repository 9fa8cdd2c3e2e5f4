package dev.ruru.models.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.Shape;
import dev.ruru.data.audio.DigitClips;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.data.audio.WavFile;
import dev.ruru.data.audio.Waveform;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.SavedModel;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.models.run.OptimizerChoice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WaveGAN's measure with a tiny tone classifier: real test clips score high, one clip repeated scores 1, bad names are refused. */
class GeneratedAudioScoreTest {
  @TempDir
  Path folder;

  private SavedModel classifier(Path corpus) throws Exception {
    AudioSettings settings = new AudioSettings(AudioSettings.CNN, corpus.toString(), AudioRun.manifestSha256(corpus),
        AudioFeatures.defaults(16000), List.of(8, 16), List.of(32), 0, OptimizerChoice.ADAM, 0.01, Double.NaN, 0, 4, 1, TrainingControls.NONE);
    Path run = folder.resolve("run");
    new AudioRun(run, new PrintWriter(new StringWriter()), System.nanoTime()).train(SpokenDigitsCorpus.load(corpus), settings, 8);
    return ModelFiles.load(run);
  }

  @Test
  void realTestClipsAreHeardAsTheirDigitsAndOneRepeatedClipScoresOne() throws Exception {
    Path corpus = ToneCorpus.write(folder.resolve("tones"), 3);
    SavedModel model = classifier(corpus);
    GeneratedAudioScore real = GeneratedAudioScore.of(model, GeneratedAudioScore.read(corpus.resolve("test")));
    assertEquals(20, real.clips());
    assertTrue(real.accuracy() >= 0.9, real.describe());
    assertTrue(real.inceptionScore() > 7, real.describe());
    // Ten copies of the same clip, each "meant" as a different digit: one prediction for all, so p(y|x) = p(y)
    // and the score is exactly 1, and only the copy named for the heard digit counts as right.
    Path same = folder.resolve("same");
    Files.createDirectories(same);
    Path seven = corpus.resolve("test").resolve("tone4").resolve("7-0.wav");
    for (int digit = 0; digit < 10; digit++) {
      Files.copy(seven, same.resolve(digit + "-0.wav"));
    }
    GeneratedAudioScore repeated = GeneratedAudioScore.of(model.directory(), same);
    assertEquals(1.0, repeated.inceptionScore(), 1e-9, repeated.describe());
    assertEquals(0.1, repeated.accuracy(), 1e-12, repeated.describe());
  }

  @Test
  void refusesClipsWithoutAnIntendedDigitAndEmptyFolders() throws Exception {
    Path corpus = ToneCorpus.write(folder.resolve("tones"), 1);
    Path bad = folder.resolve("bad");
    Files.createDirectories(bad);
    var empty = assertThrows(IllegalArgumentException.class, () -> GeneratedAudioScore.read(bad));
    assertTrue(empty.getMessage().contains("no .wav files"), empty.getMessage());
    Files.copy(corpus.resolve("test").resolve("tone2").resolve("3-0.wav"), bad.resolve("x.wav"));
    var named = assertThrows(IllegalArgumentException.class, () -> GeneratedAudioScore.read(bad));
    assertTrue(named.getMessage().contains("does not start with the intended digit"), named.getMessage());
  }

  @Test
  void resamplesWaveNetsEightKilohertzClipsToTheClassifiersSixteen() throws Exception {
    Path eight = folder.resolve("eight");
    Files.createDirectories(eight);
    float[] half = new float[4000];
    java.util.Arrays.fill(half, 0.5f);
    WavFile.write(eight.resolve("4-0.wav"), Waveform.mono(8000, half));
    DigitClips clips = GeneratedAudioScore.read(eight);
    assertEquals(Shape.of(1, 16000), clips.waveforms().shape());
    assertEquals(4, clips.labels().toLongArray()[0]);
    float[] samples = clips.waveforms().toFloatArray();
    // Half a second of sound, then the zeros that pad it to one second.
    assertEquals(0.5, samples[4000], 0.01);
    assertEquals(0.0, samples[12000], 0.0);
  }
}
