package dev.ruru.examples;

import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.video.MovingImages;
import dev.ruru.models.video.FramePrediction;
import dev.ruru.models.video.PredictionGif;
import dev.ruru.models.video.VideoRun;
import dev.ruru.models.video.VideoSpec;
import dev.ruru.train.History;
import dev.ruru.train.Trainer;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The course's "video synthesis": predicting the next frames of a video. Moving Fashion-MNIST clips
 * (two items bouncing in a 64×64 frame, made on the fly from the images) go into a ConvLSTM
 * encoder-forecaster (Shi et al., 2015): the encoder reads 10 frames, the forecaster starts from its
 * states and unrolls 10 more, and a 1×1 convolution turns its maps back into pixels. The one Trainer
 * minimises the squared error of the predicted frames.
 *
 * <p>What to watch: the test error per frame (squared error summed over the 4,096 pixels) against simply
 * copying the last input frame. Copying is sharp but in the wrong place; a model that has learnt the motion
 * moves the items, blurrier the further ahead it looks. {@code prediction.gif} shows input, truth and
 * prediction side by side.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.VideoPrediction [epochs] [clips] [directory]} (default 3
 * epochs of 512 clips on the full Fashion-MNIST when installed, else the embedded sample;
 * {@code runs/video-example}).
 */
public final class VideoPrediction {
  private VideoPrediction() {}

  /** The test clips' quality: the model's and copying the last frame's. */
  record Result(History history, Map<String, Double> test) {}

  public static void main(String[] args) throws IOException {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int clips = args.length > 1 ? Integer.parseInt(args[1]) : 512;
    Path directory = Path.of(args.length > 2 ? args[2] : "runs/video-example");
    run(VideoRun.images("fashion-mnist"), VideoSpec.defaults(VideoSpec.CONVLSTM), clips, epochs, directory, new PrintWriter(System.out, true));
  }

  /** The fast mode its test uses: one layer of 4 channels, one epoch of 8 clips from the embedded sample. */
  static Result fast(Path directory, PrintWriter out) throws IOException {
    MnistData sample = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    return run(sample, VideoSpec.defaults(VideoSpec.CONVLSTM).withHidden(List.of(4)), 8, 1, directory, out);
  }

  static Result run(MnistData data, VideoSpec spec, int clips, int epochs, Path directory, PrintWriter out) throws IOException {
    Files.createDirectories(directory);
    // Clip i is a function of (seed, i): training clips from the training images, test clips from the test images.
    MovingImages train = VideoRun.clips(data.train().features(), clips, spec, 1);
    MovingImages test = VideoRun.clips(data.test().features(), Math.max(4, clips / 4), spec, 2);
    FramePrediction objective = new FramePrediction(spec.build(new SplittableRandom(3)), 3e-3);
    Trainer trainer = Trainer.builder(objective).batchSize(8).seed(4).progress(new ProgressBar(out, ProgressStyle.detect())).build();
    History history = trainer.fit(train, null, epochs);
    Map<String, Double> quality = trainer.evaluate(test);
    out.printf("test MSE per frame %.1f (copying the last frame: %.1f), SSIM %.3f (copying: %.3f)%n", quality.get("mse_frame"),
        quality.get("copy_last_mse_frame"), quality.get("ssim"), quality.get("copy_last_ssim"));
    Path gif = directory.resolve(VideoRun.GIF);
    PredictionGif.write(gif, objective.model(), test.batch(new int[] {0, 1, 2, 3}));
    out.println("input, truth and prediction: " + gif);
    return new Result(history, quality);
  }
}
