package dev.ruru.models.video;

import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.data.video.MovingImages;
import dev.ruru.data.video.MovingImagesSpec;
import dev.ruru.models.classify.DataIdentity;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.nn.Params;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
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
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One video-prediction run, {@code ruru train --model convlstm|convgru}, top to bottom: make Moving
 * Fashion-MNIST clips from the training images (and test clips from the test images), build the
 * {@link EncoderForecaster}, train {@link FramePrediction} with the one {@link Trainer}, score the test
 * clips against copying the last frame, and write the model ({@link VideoFiles}), metrics.json, the
 * learning curves and {@code prediction.gif}. A checkpoint after every epoch lets {@code --resume} continue
 * exactly, on the same images.
 *
 * <pre>{@code
 * VideoReport report = new VideoRun(Path.of("runs/convlstm"), out).train(data, VideoSettings.defaults("convlstm"));
 * }</pre>
 */
public final class VideoRun {
  public static final String GIF = "prediction.gif";
  /** Clips in the GIF a run writes. */
  static final int GIF_CLIPS = 4;

  private final Path directory;
  private final PrintWriter out;

  /** A run writing into {@code directory} (null: no files) and printing to {@code out} (null: silent). */
  public VideoRun(Path directory, PrintWriter out) {
    this.directory = directory;
    this.out = out;
  }

  /** The image set {@code id} names ({@code fashion-mnist} or {@code mnist}), or the embedded Fashion-MNIST sample when it is not installed. */
  public static MnistData images(String id) throws IOException {
    return MnistLoader.of(MnistVariant.fromId(id)).ifMissing(IfMissing.EMBEDDED_SAMPLE).load();
  }

  /** {@code count} clips of {@code spec}'s frames made from {@code images} [n, h, w] with {@code seed}: two items, as Srivastava et al. */
  public static MovingImages clips(NDArray images, int count, VideoSpec spec, long seed) {
    return new MovingImages(images, count, new MovingImagesSpec(spec.frameSize(), 2, spec.inputFrames(), spec.futureFrames(), seed));
  }

  /** Trains a new run of {@code settings.epochs()} epochs on clips made from {@code data}. */
  public VideoReport train(MnistData data, VideoSettings settings) throws IOException {
    return run(data, settings, null, settings.epochs());
  }

  /** Continues the run whose {@code checkpoint} is in the directory, up to {@code epochs} (or those it planned); refused on other images. */
  public VideoReport resume(MnistData data, Checkpoint checkpoint, OptionalInt epochs) throws IOException {
    VideoSettings settings = VideoSettings.of(checkpoint, directory.resolve(RunCheckpoint.FILE));
    DataIdentity stored = DataIdentity.fromJson(checkpoint.extra().get(DataIdentity.KEY), directory.resolve(RunCheckpoint.FILE).toString());
    if (!stored.sameData(DataIdentity.of(data))) {
      throw new IllegalArgumentException("--resume: the run in " + directory + " made its clips from " + stored.describe() + ", not from "
          + DataIdentity.of(data).describe() + "; point --data-dir at the images it used");
    }
    // Video runs take no learning-rate schedule, so any new total of epochs keeps the run's meaning.
    return run(data, settings, checkpoint, RunCheckpoint.epochsToReach(directory, checkpoint, epochs, TrainingControls.NONE));
  }

  private VideoReport run(MnistData data, VideoSettings settings, Checkpoint checkpoint, int epochs) throws IOException {
    VideoSpec spec = settings.spec();
    MovingImages train = clips(data.train().features(), settings.clips(), spec, settings.seed());
    MovingImages test = clips(data.test().features(), settings.testClips(), spec, settings.testSeed());
    FramePrediction objective = new FramePrediction(spec.build(new SplittableRandom(settings.seed())), settings.learningRate());
    RunCheckpoint checkpoints = directory == null ? null : new RunCheckpoint(directory, epochs,
        Map.of(VideoSettings.KEY, settings.toJson(), DataIdentity.KEY, DataIdentity.of(data).toJson()), out);
    var builder = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed())
        .progress(out == null ? ProgressBar.silent() : new ProgressBar(out, ProgressStyle.detect()));
    Trainer trainer = (checkpoints == null ? builder : builder.callbacks(checkpoints.callback())).build();
    print("data: moving %s, %d training and %d test clips of 2 items, %dx%d, %d frames in, %d out (%s)%n", data.variant().id(),
        settings.clips(), settings.testClips(), spec.frameSize(), spec.frameSize(), spec.inputFrames(), spec.futureFrames(), data.source());
    print("model: %s, %,d parameters; %d epochs, batch %d, Adam %.2g, %d thread%s%n", spec.describe(),
        Params.count(objective.model().parameters()), epochs, settings.batchSize(), settings.learningRate(), Parallel.threads(),
        Parallel.threads() == 1 ? "" : "s");
    if (checkpoint != null) {
      checkpoints.resume(trainer, checkpoint, epochs);
    }
    History history = checkpoints == null ? trainer.fit(train, null, epochs) : checkpoints.fit(trainer, epochs, () -> trainer.fit(train, null, epochs));
    VideoReport report = new VideoReport(settings, history.epochs(), trainer.evaluate(test));
    print("test: MSE per frame %.1f (copy last frame %.1f, all black %.1f), SSIM %.3f (copy last frame %.3f); %.1f s per epoch%n",
        report.testMse(), report.copyLastMse(), report.test().get("black_mse_frame"), report.testSsim(), report.copyLastSsim(),
        report.secondsPerEpoch());
    if (directory != null) {
      write(report, objective.model(), test, settings);
    }
    return report;
  }

  private void write(VideoReport report, EncoderForecaster model, MovingImages test, VideoSettings settings) throws IOException {
    Files.createDirectories(directory);
    VideoFiles.save(directory, model, settings.dataset(), settings.testSeed());
    List<Path> written = new ArrayList<>(List.of(directory.resolve("model.safetensors"), directory.resolve("model.json")));
    written.addAll(report.write(directory));
    Path gif = directory.resolve(GIF);
    PredictionGif.write(gif, model, test.batch(IntStream.range(0, Math.min(GIF_CLIPS, test.size())).toArray()));
    written.add(gif);
    written.add(directory.resolve(RunCheckpoint.FILE));
    print("saved: %s%n", String.join(", ", written.stream().map(Path::toString).toList()));
  }

  /**
   * {@code ruru generate} for a saved video model: predicts {@code count} test clips (made from the image
   * set it trained on, with its test seed, shifted by {@code offset} so that other clips can be shown) and
   * writes the GIF to {@code file}; returns what it wrote, in words.
   */
  public static String generate(Path modelDirectory, Path file, int count, int offset) throws IOException {
    VideoFiles.Loaded saved = VideoFiles.load(modelDirectory);
    if (count < 1 || offset < 0) {
      throw new IllegalArgumentException("generate: --samples must be positive and the first clip not negative, got " + count + " and " + offset);
    }
    MnistData data = images(saved.dataset());
    MovingImages test = clips(data.test().features(), offset + count, saved.model().spec(), saved.testSeed());
    PredictionGif.write(file, saved.model(), test.batch(IntStream.range(offset, offset + count).toArray()));
    return String.format(Locale.ROOT, "wrote %d clips (input, truth, prediction) of moving %s to %s", count, saved.dataset(), file);
  }

  private void print(String format, Object... values) {
    if (out != null) {
      out.printf(Locale.ROOT, format, values);
      out.flush();
    }
  }

}
