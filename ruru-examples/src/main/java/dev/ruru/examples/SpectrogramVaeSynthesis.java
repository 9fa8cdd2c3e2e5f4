package dev.ruru.examples;

import dev.ruru.array.NDArray;
import dev.ruru.data.audio.DigitClips;
import dev.ruru.data.audio.Espeak;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.data.audio.WavFile;
import dev.ruru.data.audio.Waveform;
import dev.ruru.models.audio.AudioFeatures;
import dev.ruru.models.audio.AudioPictures;
import dev.ruru.models.audio.AudioRun;
import dev.ruru.models.audio.AudioSettings;
import dev.ruru.models.audio.GeneratedAudioScore;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.SavedModel;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.models.specvae.SpectrogramSpeech;
import dev.ruru.models.specvae.SpectrogramVaeFiles;
import dev.ruru.models.specvae.SpectrogramVaeRun;
import dev.ruru.models.specvae.SpectrogramVaeSettings;
import dev.ruru.train.History;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The course's "audio synthesis" by pictures: a conditional VAE learns the log-mel spectrograms of the spoken
 * digits, then, given a digit and a code drawn from its prior, draws a new spectrogram, which goes back to sound
 * through the mel filters' pseudo-inverse and Griffin-Lim. A spoken-digit classifier trained on real speech
 * judges the result as WaveGAN's authors did: does it hear the digit asked for (accuracy), and is each clip
 * confidently one digit, all digits coming out (inception score)? Real test clips, scored the same way, are the ceiling.
 *
 * <p>What to watch: the negative ELBO per picture falling; the generated clips' accuracy against the ceiling;
 * {@code spectrograms.png} (one generated picture per digit, titled with what the classifier heard) and the WAV files.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.SpectrogramVaeSynthesis [corpus] [epochs] [directory]} (default: the
 * 24-voice corpus of SpokenDigitClassifier in {@code runs/digits}, built when missing; 30 epochs; {@code runs/spec-vae-example}).
 */
public final class SpectrogramVaeSynthesis {
  private SpectrogramVaeSynthesis() {}

  /** What a run measured: the VAE's training, and the classifier's score of the generated clips and of the real test clips. */
  record Result(History history, GeneratedAudioScore generated, GeneratedAudioScore real) {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "runs/digits");
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path directory = Path.of(args.length > 2 ? args[2] : "runs/spec-vae-example");
    PrintWriter out = new PrintWriter(System.out, true);
    SpokenDigitsCorpus data = corpus(corpus, 24, out);
    String sha = AudioRun.manifestSha256(corpus);
    run(data, SpectrogramVaeSettings.defaults(0, corpus.toString(), sha), epochs, classifier(corpus, sha, List.of(16, 32), 64), 5, 20,
        directory, out);
  }

  /** The fast mode its test uses: a 3-voice corpus, a small VAE and classifier for two epochs each, two clips per digit. */
  static Result fast(Path directory, PrintWriter out) throws IOException {
    Path corpus = directory.resolve("digits");
    SpokenDigitsCorpus data = corpus(corpus, 3, out);
    String sha = AudioRun.manifestSha256(corpus);
    SpectrogramVaeSettings settings = new SpectrogramVaeSettings(4, 64, 32, 1, 8, 3e-3, 0, corpus.toString(), sha);
    return run(data, settings, 2, classifier(corpus, sha, List.of(4, 8), 16), 2, 2, directory, out);
  }

  private static SpokenDigitsCorpus corpus(Path corpus, int voices, PrintWriter out) throws IOException {
    return Files.isRegularFile(corpus.resolve(SpokenDigitsCorpus.MANIFEST)) ? SpokenDigitsCorpus.load(corpus)
        : SpokenDigits.build(corpus, voices, Espeak.find(), out::println);
  }

  /** The judge: the log-mel CNN of audio.md (conv {@code channels}, dense {@code hidden}), Adam 1e-3, batch 32. */
  private static AudioSettings classifier(Path corpus, String sha, List<Integer> channels, int hidden) {
    return new AudioSettings(AudioSettings.CNN, corpus.toString(), sha, AudioFeatures.defaults(SpokenDigits.SAMPLE_RATE), channels,
        List.of(hidden), 0, OptimizerChoice.ADAM, 1e-3, Double.NaN, 0, 32, 0, TrainingControls.NONE);
  }

  /** Trains the judge and the VAE, makes {@code perDigit} clips of every digit and scores them beside the real test clips. */
  static Result run(SpokenDigitsCorpus data, SpectrogramVaeSettings settings, int epochs, AudioSettings judgeSettings, int judgeEpochs,
      int perDigit, Path directory, PrintWriter out) throws IOException {
    Files.createDirectories(directory);
    new AudioRun(directory.resolve("classifier"), out, System.nanoTime()).train(data, judgeSettings, judgeEpochs);
    SavedModel judge = ModelFiles.load(directory.resolve("classifier"));
    History history = new SpectrogramVaeRun(directory.resolve("spec-vae"), out).train(data, settings, epochs);
    SpectrogramVaeFiles.Loaded vae = SpectrogramVaeFiles.load(directory.resolve("spec-vae"));
    DigitClips generated = speakEveryDigit(vae, perDigit, directory);
    GeneratedAudioScore heard = GeneratedAudioScore.of(judge, generated);
    GeneratedAudioScore ceiling = GeneratedAudioScore.of(judge, data.test());
    out.printf(Locale.ROOT, "%-28s %6s %8s %s%n", "clips", "count", "accuracy", "inception score");
    out.printf(Locale.ROOT, "%-28s %6d %8.3f %.2f%n", "real test voices (ceiling)", ceiling.clips(), ceiling.accuracy(), ceiling.inceptionScore());
    out.printf(Locale.ROOT, "%-28s %6d %8.3f %.2f%n", "spectrogram VAE", heard.clips(), heard.accuracy(), heard.inceptionScore());
    drawOnePerDigit(judge, vae, generated, perDigit, directory);
    out.println("wrote " + directory.resolve("digit-0.wav") + " .. digit-9.wav and " + directory.resolve(AudioPictures.SPECTROGRAMS));
    return new Result(history, heard, ceiling);
  }

  /** {@code perDigit} clips of each digit (temperature 1: the prior itself); the first of each also into digit-D.wav. */
  private static DigitClips speakEveryDigit(SpectrogramVaeFiles.Loaded vae, int perDigit, Path directory) throws IOException {
    int n = 10 * perDigit;
    float[] waveforms = new float[n * SpokenDigits.LENGTH];
    long[] digits = new long[n];
    for (int digit = 0; digit < 10; digit++) {
      List<Waveform> clips = SpectrogramSpeech.speak(vae, digit, perDigit, 1.0, digit, SpectrogramSpeech.ITERATIONS);
      WavFile.write(directory.resolve("digit-" + digit + ".wav"), clips.getFirst());
      for (int i = 0; i < perDigit; i++) {
        int row = digit * perDigit + i;
        System.arraycopy(clips.get(i).mixdown(), 0, waveforms, row * SpokenDigits.LENGTH, SpokenDigits.LENGTH);
        digits[row] = digit;
      }
    }
    return new DigitClips(NDArray.wrap(waveforms, n, SpokenDigits.LENGTH), NDArray.wrap(digits, n), Collections.nCopies(n, "generated"));
  }

  /** spectrograms.png: the judge's pictures of the first generated clip of each digit, titled with the digit it heard. */
  private static void drawOnePerDigit(SavedModel judge, SpectrogramVaeFiles.Loaded vae, DigitClips generated, int perDigit, Path directory)
      throws IOException {
    List<Integer> first = new ArrayList<>();
    for (int digit = 0; digit < 10; digit++) {
      first.add(digit * perDigit);
    }
    AudioFeatures features = AudioFeatures.defaults(SpokenDigits.SAMPLE_RATE);
    NDArray pictures = features.of(generated);
    long[] heard = judge.scores(pictures).argmax(1).toLongArray();
    long[] labels = generated.labels().toLongArray();
    NDArray chosen = NDArray.concatenate(first.stream().map(row -> pictures.slice(0, row, row + 1, 1)).toList(), 0);
    AudioPictures.write(directory, chosen, first.stream().mapToLong(row -> labels[row]).toArray(),
        first.stream().mapToLong(row -> heard[row]).toArray(), Collections.nCopies(10, "generated"), SpokenDigits.WORDS);
  }
}
