package dev.ruru.examples;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.audio.Espeak;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.data.audio.WavFile;
import dev.ruru.data.audio.Waveform;
import dev.ruru.models.wavenet.CodeWindows;
import dev.ruru.models.wavenet.MuLaw;
import dev.ruru.models.wavenet.NextSampleObjective;
import dev.ruru.models.wavenet.WaveNet;
import dev.ruru.models.wavenet.WaveNetGeneration;
import dev.ruru.models.wavenet.WaveNetGeneration.Caching;
import dev.ruru.models.wavenet.WaveNetRun;
import dev.ruru.models.wavenet.WaveNetSettings;
import dev.ruru.models.wavenet.WaveNetSpec;
import dev.ruru.models.wavenet.WaveformPicture;
import dev.ruru.models.wavenet.WaveformPicture.Trace;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The course's "audio synthesis": a WaveNet learns to speak the digits a sample at a time. Each sample is
 * µ-law coded to one of 256 levels and the network, causal dilated convolutions with gated units, scores
 * the next level from the 511 samples before it and the digit; the one Trainer minimises the cross-entropy.
 * Then it speaks: each new sample is drawn and fed back, the layers' past activations kept in queues.
 *
 * <p>What to watch: the loss in nats per sample (ln 256 = 5.5 is a uniform guess); the samples per second
 * with queues against recomputing the receptive field for every sample (the same samples, hundreds of
 * times slower); {@code waveforms.png}, real clips above generated ones; and the WAV files, to listen to.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.WaveNetSynthesis [corpus] [epochs] [directory]} (default: a
 * 5-voice corpus espeak-ng speaks into {@code runs/spoken-digits}, 3 epochs, {@code runs/wavenet-example}).
 */
public final class WaveNetSynthesis {
  private WaveNetSynthesis() {}

  /** What a run measured: the training, both generation speeds, and whether both ways drew the same samples. */
  record Result(History history, double cachedPerSecond, double recomputedPerSecond, boolean sameSamples) {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "runs/spoken-digits");
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path directory = Path.of(args.length > 2 ? args[2] : "runs/wavenet-example");
    PrintWriter out = new PrintWriter(System.out, true);
    if (!Files.isRegularFile(corpus.resolve(SpokenDigitsCorpus.MANIFEST))) {
      SpokenDigits.build(corpus, 5, Espeak.find(), out::println);
    }
    SpokenDigitsCorpus data = SpokenDigitsCorpus.load(corpus);
    WaveNetSettings settings = WaveNetSettings.defaults(1);
    NDArray real = WaveNetRun.resample(data.test().waveforms(), SpokenDigits.SAMPLE_RATE, settings.spec().sampleRate());
    run(WaveNetRun.windows(data.train(), settings), real, data.test().labels(), settings, epochs, 1.0, directory, out);
  }

  /** The fast mode its test uses: tones of one pitch per "digit" instead of speech, a tiny network, two epochs. */
  static Result fast(Path directory, PrintWriter out) throws IOException {
    int clips = 8, length = 800;
    float[] samples = new float[clips * length];
    long[] digits = new long[clips];
    for (int clip = 0; clip < clips; clip++) {
      digits[clip] = clip % 2;
      for (int t = 0; t < length; t++) {
        samples[clip * length + t] = (float) (0.5 * Math.sin(2 * Math.PI * (digits[clip] == 0 ? 250 : 750) * t / 8000 + clip));
      }
    }
    NDArray waveforms = NDArray.wrap(samples, clips, length);
    NDArray labels = NDArray.wrap(digits, clips);
    WaveNetSettings settings = new WaveNetSettings(new WaveNetSpec(8, 16, 4, 1, 2, 8000), 64, 8, 0.01, 1);
    return run(CodeWindows.of(waveforms, labels, 64, 32, 0.01), waveforms, labels, settings, 2, 0.1, directory, out);
  }

  /** Trains on {@code windows}, compares the two ways of generating, and writes {@code seconds} of every digit beside a real clip. */
  static Result run(ArrayDataset windows, NDArray real, NDArray realDigits, WaveNetSettings settings, int epochs, double seconds,
      Path directory, PrintWriter out) throws IOException {
    Files.createDirectories(directory);
    WaveNetSpec spec = settings.spec();
    WaveNet net = new WaveNet(spec, new ResumableRandom(settings.seed()));
    out.printf(Locale.ROOT, "%s; %d training windows of %d samples%n", spec.describe(), windows.size(), settings.window());
    History history = Trainer.builder(new NextSampleObjective(net, settings.learningRate())).batchSize(settings.batchSize())
        .seed(settings.seed()).progress(new ProgressBar(out, ProgressStyle.detect())).build().fit(windows, null, epochs);

    // The same samples both ways, from the same seed; the queues are faster by about the receptive field.
    int rate = spec.sampleRate();
    NDArray seven = NDArray.wrap(new long[] {Math.min(7, spec.digits() - 1)}, 1);
    // Past the receptive field, so that the recomputation runs over full windows (the first ones are shorter).
    int compared = spec.receptiveField() + 100;
    long start = System.nanoTime();
    NDArray recomputed = WaveNetGeneration.generate(net, seven, compared, 1.0, new SplittableRandom(2), Caching.RECOMPUTE);
    double recomputedPerSecond = compared / ((System.nanoTime() - start) / 1e9);
    start = System.nanoTime();
    int many = Math.max(compared, (int) (seconds * rate));
    NDArray cached = WaveNetGeneration.generate(net, seven, many, 1.0, new SplittableRandom(2), Caching.QUEUES);
    double cachedPerSecond = many / ((System.nanoTime() - start) / 1e9);
    boolean same = cached.slice(1, 0, compared, 1).equals(recomputed);
    out.printf(Locale.ROOT, "generation: %.0f samples/s with queues, %.1f samples/s recomputing the receptive field of %d (%.0fx);"
        + " the first %d samples %s%n", cachedPerSecond, recomputedPerSecond, spec.receptiveField(), cachedPerSecond / recomputedPerSecond,
        compared, same ? "are the same" : "DIFFER");
    writeDigits(net, real, realDigits, seconds, directory, out);
    return new Result(history, cachedPerSecond, recomputedPerSecond, same);
  }

  /** {@code seconds} of every digit into digit-D.wav, and waveforms.png: a real clip of each digit above the generated one. */
  private static void writeDigits(WaveNet net, NDArray real, NDArray realDigits, double seconds, Path directory, PrintWriter out)
      throws IOException {
    int rate = net.spec().sampleRate();
    List<Trace> traces = new ArrayList<>();
    long[] labels = realDigits.toLongArray();
    for (int digit = 0; digit < net.spec().digits(); digit++) {
      Waveform spoken = WaveNetGeneration.speak(net, digit, seconds, 1.0, 3 + digit, Caching.QUEUES);
      WavFile.write(directory.resolve("digit-" + digit + ".wav"), spoken);
      for (int clip = 0; clip < labels.length; clip++) {
        if (labels[clip] == digit) {
          int length = Math.min(real.dim(1), spoken.frames());
          traces.add(new Trace("real " + digit, real.slice(0, clip, clip + 1, 1).slice(1, 0, length, 1).reshape(length).toFloatArray()));
          break;
        }
      }
      traces.add(new Trace("generated " + digit, spoken.channel(0)));
    }
    Path picture = directory.resolve("waveforms.png");
    WaveformPicture.write(picture, "WaveNet: real and generated digits, " + seconds + " s at " + rate + " Hz (mu-law " + MuLaw.LEVELS
        + " levels)", traces);
    out.println("wrote " + directory.resolve("digit-0.wav") + " .. digit-" + (net.spec().digits() - 1) + ".wav and " + picture);
  }
}
