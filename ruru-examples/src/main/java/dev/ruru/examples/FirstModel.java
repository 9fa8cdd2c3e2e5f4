package dev.ruru.examples;

import dev.ruru.data.mnist.*;
import dev.ruru.nn.*;
import dev.ruru.optim.*;
import dev.ruru.train.*;
import dev.ruru.train.io.Safetensors;
import dev.ruru.train.objective.Supervised;
import java.nio.file.Path;
import java.util.Map;

/**
 * The README's first program, whole: build a multi-layer perceptron, train it on Fashion-MNIST (the sample
 * inside the jar when no dataset is installed), save its weights as safetensors, load them into a new
 * network and test that. Run it: {@code java -cp ... dev.ruru.examples.FirstModel [epochs] [file]}.
 */
public class FirstModel {
  public static void main(String[] args) throws Exception {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path file = Path.of(args.length > 1 ? args[1] : "model.safetensors");
    Seed.manualSeed(0);
    MnistData data = MnistLoader.of(MnistVariant.FASHION_MNIST).ifMissing(IfMissing.EMBEDDED_SAMPLE).load();
    Layer model = new Sequential(new Flatten(), new Linear(784, 128), new ReLU(), new Linear(128, 10));
    Trainer trainer = Trainer.builder(new Supervised(model, new Adam(model.parameters(), 1e-3), Loss.crossEntropy())).build();
    trainer.fit(data.train(), data.test(), epochs);
    Safetensors.write(file, model.stateDict(), Map.of("format", "pt"));

    Layer loaded = new Sequential(new Flatten(), new Linear(784, 128), new ReLU(), new Linear(128, 10));
    loaded.loadStateDict(Safetensors.read(file).tensors());
    Evaluation test = Supervised.evaluate(loaded, Loss.crossEntropy(), data.test(), 256);
    System.out.printf("test accuracy of the loaded model: %.2f%%%n", 100 * test.accuracy());
  }
}
