package dev.ruru.examples;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.audio.ComplexSpectrogram;
import dev.ruru.data.audio.Espeak;
import dev.ruru.data.audio.GriffinLim;
import dev.ruru.data.audio.LogMelSpectrogram;
import dev.ruru.data.audio.Mfcc;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.data.audio.Stft;
import dev.ruru.data.audio.WavFile;
import dev.ruru.data.audio.Waveform;
import dev.ruru.models.audio.AudioFeatures;
import dev.ruru.models.audio.AudioPictures;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Seed;
import dev.ruru.optim.Adam;
import dev.ruru.train.Evaluation;
import dev.ruru.train.Trainer;
import dev.ruru.train.objective.Supervised;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Sound as data, and a network that hears digits. espeak-ng speaks "zero" to "nine" in many voices
 * ({@link SpokenDigits}); a clip is 16 000 samples, its short-time Fourier transform says which
 * frequencies each 32 ms frame holds, mel filters sum them into bands spaced as the ear hears pitch, and
 * the log-mel picture goes to a small CNN, which is then tested on voices it never heard.
 *
 * <p>What to watch:
 * <ul>
 * <li><b>Features.</b> One second is 16 000 numbers, 63 frames of 257 frequencies, 32 mel bands × 63
 * frames, or 13 MFCCs × 63 frames: each step keeps what tells words apart and drops the rest.
 * <li><b>Phase.</b> A spectrogram keeps magnitudes only; Griffin-Lim finds phases that fit them, and
 * {@code heard-back.wav} (beside {@code original.wav}) is the sound the network's input still holds.
 * <li><b>Unheard voices.</b> The split is by voice, so the test accuracy measures new speakers.
 * </ul>
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.SpokenDigitClassifier [corpus-dir] [epochs] [out-dir]}
 * (defaults {@code runs/digits}, built with 24 voices when it has no corpus; 5 epochs; {@code runs/spoken-digits}).
 * {@code ruru train --model audio-cnn --data-dir DIR} is the same model with the command's reports.
 */
public final class SpokenDigitClassifier {
  private SpokenDigitClassifier() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "runs/digits");
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path out = Path.of(args.length > 2 ? args[2] : "runs/spoken-digits");
    run(corpus, 24, epochs, out, System.out);
  }

  /** Builds the corpus in {@code corpus} (with {@code voices} voices) unless it is there, shows its features, trains; returns the test accuracy. */
  static double run(Path corpus, int voices, int epochs, Path out, PrintStream printer) throws IOException {
    SpokenDigitsCorpus data = Files.isRegularFile(corpus.resolve(SpokenDigitsCorpus.MANIFEST)) ? SpokenDigitsCorpus.load(corpus)
        : SpokenDigits.build(corpus, voices, Espeak.find(), printer::println);
    float[] clip = data.test().waveforms().slice(0, 0, 1, 1).reshape(SpokenDigits.LENGTH).toFloatArray();
    showFeatures(clip, out, printer);
    AudioFeatures features = AudioFeatures.defaults(SpokenDigits.SAMPLE_RATE);
    ArrayDataset train = new ArrayDataset(features.of(data.train()), data.train().labels());
    ArrayDataset test = new ArrayDataset(features.of(data.test()), data.test().labels());
    Seed.manualSeed(0);
    // The vision page's CNN over 32 x 63 pictures: conv 16, conv 32 (3x3, ReLU, 2x2 max-pool), 3840 -> 64 -> 10.
    ModelSpec spec = new ModelSpec(ModelSpec.CNN, List.of(features.mels(), features.frames(SpokenDigits.LENGTH)), List.of(16, 32),
        List.of(64), 10, "relu", 0, dev.ruru.array.DType.FLOAT32, SpokenDigits.WORDS, features.describe());
    Layer network = spec.build(Seed.generator());
    Supervised objective = new Supervised(network, new Adam(network.parameters(), 1e-3), Loss.crossEntropy());
    printer.printf(Locale.ROOT, "%s; %d training clips (%d voices), %d test clips (%d voices never heard in training)%n", spec.describe(),
        train.size(), data.train().distinctVoices().size(), test.size(), data.test().distinctVoices().size());
    Trainer.builder(objective).batchSize(32).quiet().build().fit(train, null, epochs);
    Evaluation result = objective.evaluate(test, 64);
    AudioPictures.write(out, test.features(), data.test().labels().toLongArray(), result.predicted().toLongArray(), data.test().voices(),
        SpokenDigits.WORDS);
    printer.printf(Locale.ROOT, "test accuracy %.4f on unheard voices after %d epochs; pictures in %s%n", result.accuracy(), epochs,
        out.resolve(AudioPictures.SPECTROGRAMS));
    return result.accuracy();
  }

  /** Prints the shapes of one clip's features and writes it, and what Griffin-Lim hears back from its magnitude, as WAV files. */
  private static void showFeatures(float[] clip, Path out, PrintStream printer) throws IOException {
    Stft stft = new Stft(512, 128);
    ComplexSpectrogram spectrum = stft.forward(clip);
    LogMelSpectrogram logMel = new LogMelSpectrogram(SpokenDigits.SAMPLE_RATE, 512, 128, 40);
    NDArray decibels = logMel.decibels(clip);
    NDArray mfcc = new Mfcc(40, 13).apply(decibels);
    printer.printf(Locale.ROOT, "one clip: %d samples -> STFT %s (bins, frames) -> log-mel %s -> MFCC %s%n", clip.length,
        spectrum.real().shape(), decibels.shape(), mfcc.shape());
    float[] heard = GriffinLim.reconstruct(spectrum.magnitude(), stft, clip.length, 32, GriffinLim.MOMENTUM);
    NDArray error = stft.forward(heard).magnitude().sub(spectrum.magnitude());
    double convergence = Math.sqrt(error.mul(error).sum().item() / spectrum.power().sum().item());
    WavFile.write(out.resolve("original.wav"), Waveform.mono(SpokenDigits.SAMPLE_RATE, clip));
    WavFile.write(out.resolve("heard-back.wav"), Waveform.mono(SpokenDigits.SAMPLE_RATE, heard));
    printer.printf(Locale.ROOT, "Griffin-Lim, 32 iterations: magnitudes within %.1f%% (spectral convergence); listen to %s%n",
        100 * convergence, out.resolve("heard-back.wav"));
  }
}
