package dev.ruru.examples;

import dev.ruru.autodiff.Tensor;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.Batch;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Params;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.callbacks.Checkpointing;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import dev.ruru.train.objective.Supervised;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The course's "a custom objective": what one training step optimises is the user's to write, and the
 * same {@link Trainer} that trains every built-in model trains it, with its progress bar, checkpoints and
 * exact resume. Here a classifier of Fashion-MNIST whose hidden code must also reconstruct the image: an
 * auxiliary autoencoder loss, weighted, added to the cross-entropy (a regulariser that keeps the code
 * faithful to the input).
 *
 * <p>What to watch: the objective is {@link ClassifyAndReconstruct#compute}, a dozen lines; its named
 * terms ({@code classification}, {@code reconstruction}, {@code accuracy}) appear in the progress bar,
 * the history and the checkpoint with no other code. Run it twice with the same directory and the second
 * run resumes after the first one's epochs.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.CustomObjective [epochs] [checkpoint-directory]}
 * (default 3 epochs, {@code runs/custom-objective}; about ten seconds an epoch on two cores).
 */
public final class CustomObjective {
  private CustomObjective() {}

  /** loss = cross-entropy(head(code), label) + weight · MSE(decoder(code), image), code = encoder(image). */
  static final class ClassifyAndReconstruct implements Objective {
    final Layer encoder;
    final Layer head;
    final Layer decoder;
    private final double weight;
    private final List<Phase> phases;

    ClassifyAndReconstruct(int code, double weight, ResumableRandom rng) {
      this.encoder = new Sequential(new Linear(784, code, rng), new ReLU());
      this.head = new Linear(code, 10, rng);
      this.decoder = new Linear(code, 784, rng);
      this.weight = weight;
      Map<String, Layer> models = models();
      this.phases = List.of(Phase.of(new Adam(Params.merge(List.of(Params.nested("encoder", models.get("encoder").parameters()),
          Params.nested("head", head.parameters()), Params.nested("decoder", decoder.parameters()))), AdamConfig.adam(2e-3))));
    }

    @Override public Map<String, Layer> models() { return Map.of("encoder", encoder, "head", head, "decoder", decoder); }
    @Override public List<Phase> phases() { return phases; }

    @Override
    public Result compute(Batch batch, Phase phase, Mode mode) {
      Tensor image = Tensor.constant(batch.features().reshape(batch.size(), 784));
      Tensor code = encoder.forward(image, mode);
      Tensor logits = head.forward(code, mode);
      Tensor classification = Losses.crossEntropy(logits, batch.labels());
      Tensor reconstruction = Losses.mse(decoder.forward(code, mode), image);
      return Result.of(classification.add(reconstruction.mul(weight))).with("classification", classification)
          .with("reconstruction", reconstruction).with("accuracy", Supervised.accuracy(logits.value(), batch.labels()));
    }
  }

  public static void main(String[] args) throws IOException {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path directory = Path.of(args.length > 1 ? args[1] : "runs/custom-objective");
    History history = run(epochs, directory, Integer.MAX_VALUE, new PrintWriter(System.out, true));
    System.out.println("validation: " + history.last().validation());
  }

  /**
   * Trains for {@code epochs} in all on (the first {@code images} of) the embedded Fashion-MNIST sample's
   * 5,000 training images, checkpointing into {@code directory} after every epoch, resuming from its
   * checkpoint when there is one; validates on the sample's 1,000 test images.
   */
  static History run(int epochs, Path directory, int images, PrintWriter out) throws IOException {
    MnistData data = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    ArrayDataset train = data.train().subset(java.util.stream.IntStream.range(0, Math.min(images, data.train().size())).toArray());
    ArrayDataset validation = data.test();
    ResumableRandom rng = new ResumableRandom(5);
    ClassifyAndReconstruct objective = new ClassifyAndReconstruct(64, 1.0, rng);
    Path file = directory.resolve("checkpoint.safetensors");
    Files.createDirectories(directory);
    Trainer trainer = Trainer.builder(objective).batchSize(64).seed(5).random(rng)
        .progress(new ProgressBar(out, ProgressStyle.detect())).callbacks(new Checkpointing(file)).build();
    if (Files.isRegularFile(file)) {
      Checkpoint checkpoint = Checkpoint.read(file);
      trainer.resume(checkpoint);
      out.println("resuming after epoch " + checkpoint.epoch() + " from " + file);
    }
    return trainer.fit(train, validation, epochs);
  }
}
