package dev.ruru.data.audio;

import dev.ruru.array.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Builds the spoken-digit corpus: espeak-ng says "zero" to "nine" in many voices, each voice twice (at two
 * pitch and speed settings), and every clip is resampled to 16 kHz mono, its leading silence cut, and
 * padded with zeros (or cut) to exactly one second. The train/validation/test split is by voice, so
 * no test voice is ever heard in training. Everything is deterministic: the same {@code voices} count
 * gives the same files, byte for byte.
 *
 * <p>Layout of the directory it writes ({@link SpokenDigitsCorpus} reads it back):
 * <pre>
 * DIR/manifest.csv                        file,split,voice,digit,pitch,speed (one row per clip)
 * DIR/train/en-us+f2/7-0.wav              digit 7, first take; 16000 Hz mono 16-bit PCM, 16000 samples
 * DIR/validation/..., DIR/test/...
 * </pre>
 * A voice is an accent (8 English ones) with a variant (espeak-ng's default, m1 to m8, f1 to f5): 112 in all.
 * {@code --voices N} takes the first N of {@link #allVoices()}, which runs through the accents for each
 * variant, so a few voices already span the accents.
 */
public final class SpokenDigits {
  /** The corpus's sample rate in Hz. */
  public static final int SAMPLE_RATE = 16000;
  /** Samples per clip: one second. */
  public static final int LENGTH = SAMPLE_RATE;
  /** The words spoken; a clip's label is its word's index. */
  public static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
  /** Takes per voice and digit, each at its own pitch and speed. */
  public static final int TAKES = 2;
  /** Leading samples quieter than this (about -40 dBFS) are espeak-ng's lead-in silence and are cut. */
  static final float SILENCE = 0.01f;

  private static final List<String> ACCENTS = List.of("en", "en-us", "en-gb-scotland", "en-gb-x-rp", "en-029",
      "en-us-nyc", "en-gb-x-gbclan", "en-gb-x-gbcwmd");
  private static final List<String> VARIANTS = List.of("", "+f1", "+m1", "+f2", "+m2", "+f3", "+m3", "+f4", "+m4",
      "+f5", "+m5", "+m6", "+m7", "+m8");
  private static final int[] PITCHES = {35, 50, 65, 80};
  private static final int[] SPEEDS = {130, 150, 170, 190};
  private static final long SPLIT_SEED = 20;

  private SpokenDigits() {}

  /** Every voice the corpus can use, in the order {@code --voices N} takes them. */
  public static List<String> allVoices() {
    List<String> voices = new ArrayList<>();
    for (String variant : VARIANTS) {
      for (String accent : ACCENTS) {
        voices.add(accent + variant);
      }
    }
    return List.copyOf(voices);
  }

  /**
   * The split of the first {@code count} voices: 15% (at least one) for test, 15% (at least one) for
   * validation, the rest for training, chosen by a seeded shuffle so the split is fixed for a given count.
   */
  public static List<Split> splitOf(int count) {
    int available = allVoices().size();
    if (count < 3 || count > available) {
      throw new IllegalArgumentException("spoken-digits: the number of voices must be in [3, " + available + "]; got " + count
          + " (one voice at least for each of train, validation and test)");
    }
    int[] order = new int[count];
    Arrays.setAll(order, i -> i);
    Random random = new Random(SPLIT_SEED);
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int test = Math.max(1, Math.round(0.15f * count));
    int validation = Math.max(1, Math.round(0.15f * count));
    Split[] splits = new Split[count];
    for (int rank = 0; rank < count; rank++) {
      splits[order[rank]] = rank < test ? Split.TEST : rank < test + validation ? Split.VALIDATION : Split.TRAIN;
    }
    return List.of(splits);
  }

  /** The pitch and speed of take {@code take} by the voice at {@code index}: a fixed table, varied by voice. */
  public static EspeakVoice take(String voice, int index, int take) {
    return new EspeakVoice(voice, PITCHES[(index + 2 * take) % PITCHES.length], SPEEDS[(3 * index + take) % SPEEDS.length]);
  }

  /**
   * Speaks the corpus into {@code directory} with the first {@code voices} voices; {@code progress}
   * hears one line per voice. Returns the corpus as written.
   */
  public static SpokenDigitsCorpus build(Path directory, int voices, Espeak espeak, Consumer<String> progress) throws IOException {
    List<Split> splits = splitOf(voices);
    List<String> names = allVoices().subList(0, voices);
    Resampler resampler = Resampler.between(22050, SAMPLE_RATE);
    StringBuilder manifest = new StringBuilder(SpokenDigitsCorpus.HEADER + "\n");
    for (int v = 0; v < voices; v++) {
      String voice = names.get(v);
      Split split = splits.get(v);
      for (int take = 0; take < TAKES; take++) {
        EspeakVoice setting = take(voice, v, take);
        for (int digit = 0; digit < WORDS.size(); digit++) {
          String file = split.id() + "/" + voice + "/" + digit + "-" + take + ".wav";
          Waveform spoken = espeak.speak(setting, WORDS.get(digit));
          Waveform resampled = spoken.sampleRate() == SAMPLE_RATE ? spoken : resampler.apply(spoken, SAMPLE_RATE);
          WavFile.write(directory.resolve(file), Waveform.mono(SAMPLE_RATE, fit(resampled.mixdown())));
          manifest.append(String.join(",", file, split.id(), voice, Integer.toString(digit),
              Integer.toString(setting.pitch()), Integer.toString(setting.speed()))).append('\n');
        }
      }
      progress.accept("voice " + (v + 1) + "/" + voices + ": " + voice + " (" + split.id() + ")");
    }
    // The manifest is written last, so a directory with a manifest is a complete corpus.
    AtomicFile.writeString(directory.resolve(SpokenDigitsCorpus.MANIFEST), manifest.toString());
    return SpokenDigitsCorpus.load(directory);
  }

  /** The clip without its leading silence, cut or padded with zeros at the end to {@link #LENGTH} samples. */
  static float[] fit(float[] samples) {
    int start = 0;
    while (start < samples.length && Math.abs(samples[start]) < SILENCE) {
      start++;
    }
    float[] clip = new float[LENGTH];
    System.arraycopy(samples, start, clip, 0, Math.min(LENGTH, samples.length - start));
    return clip;
  }

  /** Which part of the corpus a voice belongs to. */
  public enum Split {
    TRAIN("train"), VALIDATION("validation"), TEST("test");

    private final String id;

    Split(String id) {
      this.id = id;
    }

    /** The directory and manifest name: train, validation or test. */
    public String id() {
      return id;
    }
  }
}
