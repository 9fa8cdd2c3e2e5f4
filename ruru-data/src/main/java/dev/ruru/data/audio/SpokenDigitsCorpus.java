package dev.ruru.data.audio;

import dev.ruru.array.NDArray;
import dev.ruru.data.DataFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The spoken-digit corpus read back from the directory {@link SpokenDigits#build} wrote: its
 * {@code manifest.csv} names every clip with its split, voice and digit, and each clip is a 16 kHz mono WAV
 * of one second. Every clip is checked (sample rate, channels, length, digit in 0 to 9), and an error names
 * the file and the manifest line.
 *
 * <pre>{@code
 * SpokenDigitsCorpus corpus = SpokenDigitsCorpus.load(Path.of("digits"));
 * NDArray x = corpus.train().waveforms();   // [n, 16000] float32
 * }</pre>
 */
public record SpokenDigitsCorpus(Path directory, DigitClips train, DigitClips validation, DigitClips test) {
  /** The manifest's file name. */
  public static final String MANIFEST = "manifest.csv";
  static final String HEADER = "file,split,voice,digit,pitch,speed";

  /** Reads the corpus in {@code directory}; the message says how to build one when there is none. */
  public static SpokenDigitsCorpus load(Path directory) throws IOException {
    Path manifest = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new DataFileException("spoken-digits", directory.toString(), "no " + MANIFEST
          + " here, so no complete corpus; build one with: ruru data spoken-digits --out " + directory);
    }
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.getFirst().strip().equals(HEADER)) {
      throw new DataFileException("spoken-digits", MANIFEST, "expected the header '" + HEADER + "', found '"
          + (lines.isEmpty() ? "" : lines.getFirst()) + "'");
    }
    List<List<String[]>> rows = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] fields = lines.get(i).split(",", -1);
      if (fields.length != 6) {
        throw new DataFileException("spoken-digits", MANIFEST + " line " + (i + 1), "expected 6 fields (" + HEADER + "), found "
            + fields.length + ": '" + lines.get(i) + "'");
      }
      rows.get(splitIndex(fields[1], i + 1)).add(fields);
    }
    return new SpokenDigitsCorpus(directory, clips(directory, rows.get(0)), clips(directory, rows.get(1)), clips(directory, rows.get(2)));
  }

  private static int splitIndex(String split, int line) {
    for (SpokenDigits.Split s : SpokenDigits.Split.values()) {
      if (s.id().equals(split)) {
        return s.ordinal();
      }
    }
    throw new DataFileException("spoken-digits", MANIFEST + " line " + line, "unknown split '" + split
        + "'; expected train, validation or test");
  }

  private static DigitClips clips(Path directory, List<String[]> rows) throws IOException {
    int n = rows.size();
    float[] waveforms = new float[Math.multiplyExact(n, SpokenDigits.LENGTH)];
    long[] labels = new long[n];
    List<String> voices = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String[] row = rows.get(i);
      labels[i] = digit(row);
      voices.add(row[2]);
      Path file = directory.resolve(row[0]).normalize();
      if (!file.startsWith(directory.normalize())) {
        throw new DataFileException("spoken-digits", MANIFEST, "the file '" + row[0] + "' lies outside the corpus directory");
      }
      Waveform clip = WavFile.read(file);
      if (clip.sampleRate() != SpokenDigits.SAMPLE_RATE || clip.channels() != 1 || clip.frames() != SpokenDigits.LENGTH) {
        throw new DataFileException("spoken-digits", row[0], "expected " + SpokenDigits.SAMPLE_RATE + " Hz mono with "
            + SpokenDigits.LENGTH + " samples, found " + clip.sampleRate() + " Hz, " + clip.channels() + " channel(s), "
            + clip.frames() + " samples; rebuild with: ruru data spoken-digits --out " + directory);
      }
      System.arraycopy(clip.channel(0), 0, waveforms, i * SpokenDigits.LENGTH, SpokenDigits.LENGTH);
    }
    return new DigitClips(NDArray.wrap(waveforms, n, SpokenDigits.LENGTH), NDArray.wrap(labels, n), voices);
  }

  private static int digit(String[] row) {
    try {
      int digit = Integer.parseInt(row[3]);
      if (digit >= 0 && digit <= 9) {
        return digit;
      }
    } catch (NumberFormatException e) {
      // reported below with the other bad values
    }
    throw new DataFileException("spoken-digits", MANIFEST, "the digit of '" + row[0] + "' is '" + row[3] + "'; expected 0 to 9");
  }
}
