package dev.ruru.models.audio;

import dev.ruru.array.NDArray;
import dev.ruru.data.audio.DigitClips;
import dev.ruru.data.audio.Resampler;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.WavFile;
import dev.ruru.data.audio.Waveform;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.SavedModel;
import dev.ruru.models.quality.ClassifierScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How WaveGAN's authors (Donahue et al. 2019) judge generated spoken digits: a classifier trained on real
 * speech listens to each clip and says which digit it hears. The accuracy against the digit the generator
 * was asked for says whether the clips are intelligible; the inception score ({@link ClassifierScore}) says
 * whether they are confidently one digit each and all digits come out. Real test clips scored the same way
 * give the ceiling. The classifier is an audio-cnn model directory, and the clips go through its own
 * features ({@link AudioFeatures}), so they are heard exactly as in training.
 *
 * @param clips how many clips were scored
 * @param accuracy the fraction the classifier hears as the intended digit
 * @param inceptionScore exp(E KL(p(y|x) ‖ p(y))), from 1 to 10
 */
public record GeneratedAudioScore(int clips, double accuracy, double inceptionScore) {

  /** Scores every {@code <digit>….wav} under {@code wavDirectory} (the leading digit is the intended one) with the classifier in {@code modelDirectory}. */
  public static GeneratedAudioScore of(Path modelDirectory, Path wavDirectory) throws IOException {
    return of(ModelFiles.load(modelDirectory), read(wavDirectory));
  }

  /** Scores {@code clips} (labels: the intended digits) with {@code classifier}, an audio-cnn model. */
  public static GeneratedAudioScore of(SavedModel classifier, DigitClips clips) {
    AudioFeatures features = AudioFeatures.defaults(SpokenDigits.SAMPLE_RATE);
    if (!features.describe().equals(classifier.spec().preprocessing())) {
      throw new IllegalArgumentException("audio score: " + classifier.directory() + " is not an audio-cnn model with the default features; its"
          + " preprocessing is \"" + classifier.spec().preprocessing() + "\"; train one with ruru train --model audio-cnn");
    }
    NDArray logits = classifier.scores(features.of(clips));
    long[] predicted = logits.argmax(1).toLongArray();
    long[] intended = clips.labels().toLongArray();
    int right = 0;
    for (int i = 0; i < predicted.length; i++) {
      right += predicted[i] == intended[i] ? 1 : 0;
    }
    return new GeneratedAudioScore(predicted.length, right / (double) predicted.length, ClassifierScore.of(logits));
  }

  /**
   * The clips under {@code directory} (searched recursively, sorted by path), each resampled to 16 kHz and cut or padded
   * with zeros to one second; a file's intended digit is the first character of its name, as in the corpus ({@code 7-0.wav}).
   */
  public static DigitClips read(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".wav")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("audio score: no .wav files under " + directory + "; write clips named <digit>-<n>.wav there");
    }
    float[] waveforms = new float[files.size() * SpokenDigits.LENGTH];
    long[] labels = new long[files.size()];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      labels[i] = digitOf(files.get(i));
      float[] samples = samplesOf(files.get(i));
      System.arraycopy(samples, 0, waveforms, i * SpokenDigits.LENGTH, Math.min(samples.length, SpokenDigits.LENGTH));
      names.add(directory.relativize(files.get(i)).toString());
    }
    return new DigitClips(NDArray.wrap(waveforms, files.size(), SpokenDigits.LENGTH), NDArray.wrap(labels, files.size()), names);
  }

  private static long digitOf(Path file) {
    char first = file.getFileName().toString().charAt(0);
    if (first < '0' || first > '9') {
      throw new IllegalArgumentException("audio score: " + file + " does not start with the intended digit; name clips <digit>-<n>.wav");
    }
    return first - '0';
  }

  /** The clip's samples at the classifier's 16 kHz: WaveNet's 8 kHz clips are resampled (polyphase), as the corpus was. */
  static float[] samplesOf(Path file) throws IOException {
    Waveform sound = WavFile.read(file);
    if (sound.sampleRate() != SpokenDigits.SAMPLE_RATE) {
      sound = Resampler.between(sound.sampleRate(), SpokenDigits.SAMPLE_RATE).apply(sound, SpokenDigits.SAMPLE_RATE);
    }
    return sound.mixdown();
  }

  /** One line, as the CLI prints it. */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%d clips: the classifier hears the intended digit in %.1f%%; inception score %.2f (of 10)",
        clips, 100 * accuracy, inceptionScore);
  }
}
