package dev.ruru.cli;

import dev.ruru.data.mnist.MnistData;
import dev.ruru.train.Checkpoint;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.video.VideoRun;
import dev.ruru.models.video.VideoSettings;
import dev.ruru.models.video.VideoSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code ruru train --model convlstm|convgru}: next-frame prediction on Moving Fashion-MNIST.
 * {@code --dataset} names the clips: {@code moving-fashion-mnist} (what a video model trains on when
 * {@code --dataset} is left out; plain {@code fashion-mnist} means the same) or {@code moving-mnist}; the
 * items come from that image set's IDX files ({@code --data-dir} as for the image models). The shared
 * options mean the same as elsewhere where given ({@code --hidden}: channels per layer, {@code --epochs},
 * {@code --batch-size}, {@code --lr} of Adam, {@code --seed}); left out, {@link VideoSettings#defaults} apply.
 */
final class VideoOptions {
  static final List<String> MODELS = VideoSpec.CELLS;
  /** Options that define a run: --resume takes them from the checkpoint. */
  private static final List<String> RUN_OPTIONS = List.of("--clips", "--test-clips", "--hidden", "--batch-size", "--lr", "--seed", "--dataset");

  @Option(names = "--clips", paramLabel = "N", description = "convlstm, convgru: training clips per epoch (default: 2000).")
  private Integer clips;

  @Option(names = "--test-clips", paramLabel = "N", description = "convlstm, convgru: test clips, made from the test images (default: 200).")
  private Integer testClips;

  /** The image set the clips of {@code --dataset} are made from: {@code fashion-mnist} or {@code mnist}. */
  static String imageSet(String dataset) {
    return switch (dataset) {
      case "moving-fashion-mnist", "fashion-mnist" -> "fashion-mnist";
      case "moving-mnist", "mnist" -> "mnist";
      default -> throw new IllegalArgumentException("--dataset " + dataset + ": video models train on moving-fashion-mnist (the default) or"
          + " moving-mnist");
    };
  }

  /** The image set of an id ({@code fashion-mnist} or {@code mnist}), loaded as {@code ruru train} loads images. */
  @FunctionalInterface
  interface ImageSets {
    MnistData load(String id) throws IOException;
  }

  /** Whether this family trains {@code model}, or continues (--resume) the video run whose checkpoint is in {@code directory}. */
  static boolean handles(String model, boolean resume, Path directory) throws IOException {
    return MODELS.contains(model)
        || resume && Files.isRegularFile(directory.resolve(RunCheckpoint.FILE)) && VideoSettings.isVideoRun(RunCheckpoint.read(directory));
  }

  /**
   * Trains {@code model} on clips made from the image set of {@code --dataset}, reading the shared options that
   * were given from {@code parsed}; with --resume, continues the run in {@code directory} on the images it used.
   */
  void train(String model, Path directory, PrintWriter out, ParseResult parsed, String dataset, ImageSets images) throws IOException {
    if (parsed.hasMatchedOption("--resume")) {
      FamilyOptions.refuseOnResume(RUN_OPTIONS, parsed, directory);
      Checkpoint checkpoint = RunCheckpoint.read(directory);
      VideoSettings saved = VideoSettings.of(checkpoint, directory.resolve(RunCheckpoint.FILE));
      OptionalInt epochs = parsed.hasMatchedOption("--epochs") ? OptionalInt.of(parsed.matchedOptionValue("--epochs", 0)) : OptionalInt.empty();
      new VideoRun(directory, out).resume(images.load(saved.dataset()), checkpoint, epochs);
      return;
    }
    MnistData data = images.load(imageSet(dataset));
    VideoSettings defaults = VideoSettings.defaults(model);
    List<Integer> hidden = parsed.matchedOptionValue("--hidden", defaults.spec().hidden());
    VideoSettings settings = new VideoSettings(defaults.spec().withHidden(hidden), data.variant().id(), clips != null ? clips : defaults.clips(),
        testClips != null ? testClips : defaults.testClips(), parsed.matchedOptionValue("--batch-size", defaults.batchSize()),
        parsed.matchedOptionValue("--lr", defaults.learningRate()), parsed.matchedOptionValue("--epochs", defaults.epochs()),
        parsed.matchedOptionValue("--seed", defaults.seed()));
    out.printf(Locale.ROOT, "ruru train --model %s --dataset moving-%s%n", model, data.variant().id());
    new VideoRun(directory, out).train(data, settings);
  }
}
