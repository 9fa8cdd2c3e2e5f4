package dev.ruru.data.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ruru.array.Shape;
import dev.ruru.data.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus espeak-ng speaks: built small (3 voices, 60 clips), read back, split by voice, deterministic. */
class SpokenDigitsTest {
  @TempDir
  Path folder;

  private static Espeak espeak() {
    var found = Espeak.locate(System.getenv("PATH"));
    assumeTrue(found.isPresent() || System.getenv("CI") == null, "CI installs espeak-ng (.ci/run)");
    assumeTrue(found.isPresent(), "espeak-ng is not installed: " + Espeak.INSTALL);
    return found.get();
  }

  @Test
  void buildsASmallCorpusSplitByVoiceAndReadsItBack() throws Exception {
    List<String> lines = new ArrayList<>();
    SpokenDigitsCorpus corpus = SpokenDigits.build(folder, 3, espeak(), lines::add);
    assertEquals(3, lines.size());
    for (DigitClips split : List.of(corpus.train(), corpus.validation(), corpus.test())) {
      assertEquals(Shape.of(20, SpokenDigits.LENGTH), split.waveforms().shape());
      assertEquals(1, split.distinctVoices().size());
      float peak = split.waveforms().abs().max().toFloatArray()[0];
      assertTrue(peak > 0.1 && peak <= 1, "peak " + peak);
    }
    Set<String> voices = new HashSet<>(corpus.train().distinctVoices());
    assertTrue(voices.addAll(corpus.validation().distinctVoices()) && voices.addAll(corpus.test().distinctVoices()),
        "a voice is in two splits");
    long[] labels = corpus.test().labels().toLongArray();
    assertEquals(20, labels.length);
    assertEquals(45 * 2, java.util.Arrays.stream(labels).sum());
    // Each clip starts with the word (the lead-in silence is cut) and ends in zero padding.
    float[] first = corpus.train().waveforms().slice(0, 0, 1, 1).reshape(SpokenDigits.LENGTH).toFloatArray();
    assertTrue(Math.abs(first[0]) >= SpokenDigits.SILENCE);
    assertEquals(0f, first[SpokenDigits.LENGTH - 1]);
  }

  @Test
  void speechIsDeterministic() throws Exception {
    Espeak espeak = espeak();
    EspeakVoice voice = SpokenDigits.take("en-us+f2", 9, 1);
    assertArrayEquals(espeak.speak(voice, "seven").channel(0), espeak.speak(voice, "seven").channel(0));
  }

  @Test
  void theSplitIsByVoiceFixedAndNeverEmpty() {
    assertEquals(List.of(SpokenDigits.Split.TEST, SpokenDigits.Split.VALIDATION, SpokenDigits.Split.TRAIN), SpokenDigits.splitOf(3));
    List<SpokenDigits.Split> all = SpokenDigits.splitOf(SpokenDigits.allVoices().size());
    assertEquals(112, all.size());
    assertEquals(17, all.stream().filter(s -> s == SpokenDigits.Split.TEST).count());
    assertEquals(17, all.stream().filter(s -> s == SpokenDigits.Split.VALIDATION).count());
    assertEquals(all, SpokenDigits.splitOf(112));
    assertEquals("spoken-digits: the number of voices must be in [3, 112]; got 2 (one voice at least for each of train, validation and test)",
        assertThrows(IllegalArgumentException.class, () -> SpokenDigits.splitOf(2)).getMessage());
  }

  @Test
  void saysHowToInstallEspeakWhenItIsMissing() {
    EspeakMissingException e = assertThrows(EspeakMissingException.class, () -> Espeak.at(folder.resolve("espeak-ng")));
    assertTrue(e.getMessage().endsWith("install it with: apt-get install -y espeak-ng (Debian/Ubuntu, as root)"), e.getMessage());
    assertTrue(Espeak.locate(folder.toString()).isEmpty());
  }

  @Test
  void loadingChecksTheManifestAndEachClip() throws Exception {
    assertTrue(assertThrows(DataFileException.class, () -> SpokenDigitsCorpus.load(folder)).getMessage()
        .endsWith("no manifest.csv here, so no complete corpus; build one with: ruru data spoken-digits --out " + folder));
    WavFile.write(folder.resolve("train/v/1-0.wav"), Waveform.mono(22050, new float[100]));
    Files.writeString(folder.resolve("manifest.csv"), SpokenDigitsCorpus.HEADER + "\ntrain/v/1-0.wav,train,v,11,50,150\n");
    assertTrue(assertThrows(DataFileException.class, () -> SpokenDigitsCorpus.load(folder)).getMessage()
        .contains("the digit of 'train/v/1-0.wav' is '11'; expected 0 to 9"));
    Files.writeString(folder.resolve("manifest.csv"), SpokenDigitsCorpus.HEADER + "\ntrain/v/1-0.wav,train,v,1,50,150\n");
    assertTrue(assertThrows(DataFileException.class, () -> SpokenDigitsCorpus.load(folder)).getMessage()
        .contains("expected 16000 Hz mono with 16000 samples, found 22050 Hz, 1 channel(s), 100 samples"));
  }

  @Test
  void fitCutsTheLeadInAndPadsToOneSecond() {
    float[] clip = SpokenDigits.fit(new float[] {0, 0.001f, 0.5f, -0.25f});
    assertEquals(SpokenDigits.LENGTH, clip.length);
    assertEquals(0.5f, clip[0]);
    assertEquals(-0.25f, clip[1]);
    assertEquals(0f, clip[2]);
  }
}
