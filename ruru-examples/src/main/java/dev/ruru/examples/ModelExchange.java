package dev.ruru.examples;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.onnx.OnnxImport;
import dev.ruru.onnx.OnnxLayer;
import dev.ruru.onnx.export.OnnxExport;
import dev.ruru.onnx.proto.OnnxEncoder;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.objective.Supervised;
import dev.ruru.train.plot.LearningCurves;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The course's "transfer learning", its model-exchange half: a model leaves Ruru as an ONNX file (what
 * ONNX Runtime, PyTorch and the other runtimes read), comes back as a graph Ruru runs, and is fine-tuned
 * there by the same {@link Trainer} as any Ruru model, then written out again.
 *
 * <p>What to watch: the re-imported graph gives the original model's outputs (the largest difference is
 * printed: float rounding only); its weights are ordinary parameters named as in the state dictionary
 * ({@code 1.weight}), so the Trainer fine-tunes it and the accuracy rises; the tuned graph is written with
 * its new weights. The picture is the fine-tuning's learning curves.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.ModelExchange [images] [directory]} (default all 5,000
 * images of the embedded Fashion-MNIST sample, {@code runs/model-exchange}; about a minute on two cores).
 */
public final class ModelExchange {
  private ModelExchange() {}

  /** What a run measured: the largest export/import difference, and test accuracy before and after fine-tuning. */
  record Outcome(double largestDifference, double accuracyBefore, double accuracyAfter, History fineTuning) {}

  public static void main(String[] args) throws IOException {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    Path directory = Path.of(args.length > 1 ? args[1] : "runs/model-exchange");
    Outcome outcome = run(images, directory, new PrintWriter(System.out, true));
    System.out.printf("largest difference %.2e; test accuracy %.3f -> %.3f%n", outcome.largestDifference(), outcome.accuracyBefore(),
        outcome.accuracyAfter());
  }

  static Outcome run(int images, Path directory, PrintWriter out) throws IOException {
    Files.createDirectories(directory);
    MnistData data = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    ArrayDataset train = data.train().subset(IntStream.range(0, Math.min(images, data.train().size())).toArray());
    ArrayDataset test = data.test();
    ResumableRandom rng = new ResumableRandom(21);

    // 1. A small CNN trained in Ruru for one epoch: the "model someone else trained".
    ModelSpec spec = ModelSpec.cnn(List.of(28, 28), List.of(8, 16), List.of(32), MnistVariant.FASHION_MNIST.classNames());
    Layer model = spec.build(rng);
    train(model, train, test, 1, 2e-3, rng, out);

    // 2. Out as ONNX, back in as a graph: the same outputs.
    Path file = directory.resolve("cnn.onnx");
    OnnxExport.write(model, Shape.of(1, 28, 28), file);
    OnnxLayer imported = OnnxImport.read(file);
    NDArray probe = test.features().slice(0, 0, 100, 1);
    double difference = Autodiff.noGrad(() -> model.forward(Tensor.constant(probe)).value()
        .sub(imported.forward(Tensor.constant(probe)).value()).abs().max().item());
    out.printf("wrote %s; the re-imported graph (%s) differs from the model by at most %.2e%n", file, imported, difference);

    // 3. Fine-tune the imported graph with the same Trainer, at half the learning rate, and write it out again.
    double before = Supervised.evaluate(imported, Loss.crossEntropy(), test, 256).accuracy();
    History history = train(imported, train, test, 3, 1e-3, rng, out);
    double after = Supervised.evaluate(imported, Loss.crossEntropy(), test, 256).accuracy();
    OnnxEncoder.write(OnnxImport.toModel(imported), directory.resolve("cnn-tuned.onnx"));
    LearningCurves.write(directory.resolve("fine-tuning.png"), history.epochs());
    out.printf("fine-tuned the imported graph: test accuracy %.3f -> %.3f; wrote %s and %s%n", before, after,
        directory.resolve("cnn-tuned.onnx"), directory.resolve("fine-tuning.png"));
    return new Outcome(difference, before, after, history);
  }

  private static History train(Layer model, ArrayDataset train, ArrayDataset test, int epochs, double learningRate, ResumableRandom rng,
      PrintWriter out) {
    Supervised objective = new Supervised(model, new Adam(model.parameters(), AdamConfig.adam(learningRate)), Loss.crossEntropy());
    Trainer trainer = Trainer.builder(objective).batchSize(64).seed(21).random(rng)
        .progress(new ProgressBar(out, ProgressStyle.detect())).build();
    return trainer.fit(train, test, epochs);
  }
}
