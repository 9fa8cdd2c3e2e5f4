package dev.ruru.models.classify;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.SplitFractions;
import dev.ruru.data.Splits;
import dev.ruru.data.Stratification;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.run.Recipe;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Supervised;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A classifier run's objective and training part as recipes, so that the driver and every worker of a
 * cluster make the same ones: the network of the settings over {@code imageShape}, initialised from the
 * settings' seed, and the training part of the seeded validation split.
 *
 * @param settingsJson the run's settings ({@link ClassifierSettings#toJson})
 */
record ClassifierRecipe(String settingsJson, List<Integer> imageShape, List<String> classNames) {
  ClassifierRecipe {
    imageShape = List.copyOf(imageShape);
    classNames = List.copyOf(classNames);
  }

  ClassifierSettings settings() {
    return ClassifierSettings.fromJson(settingsJson, "the run's settings");
  }

  ModelSpec modelSpec() {
    ClassifierSettings settings = settings();
    ModelSpec architecture = settings.model().equals(ModelSpec.CNN)
        ? ModelSpec.cnn(imageShape, settings.channels(), settings.hidden(), classNames)
        : ModelSpec.mlp(imageShape, settings.hidden(), classNames);
    return architecture.withDropout(settings.dropout());
  }

  /** The objective, its network drawing its initial weights (and dropout masks) from {@code random}. */
  Supervised objective(ResumableRandom random) {
    ClassifierSettings settings = settings();
    Layer network = modelSpec().build(random);
    return new Supervised(network, settings.optimizer().create(network.parameters(), settings.learningRate(), settings.momentum(),
        settings.weightDecay()), Loss.crossEntropy());
  }

  /** The objective as a recipe: each maker seeds its own generator as the run does. */
  Recipe<Objective> objectiveRecipe() {
    String json = settingsJson;
    List<Integer> shape = imageShape;
    List<String> names = classNames;
    return () -> {
      ClassifierRecipe recipe = new ClassifierRecipe(json, shape, names);
      return recipe.objective(new ResumableRandom(recipe.settings().seed()));
    };
  }

  /** The training part as a recipe reading {@code variant} from {@code directory}, or the embedded sample when null. */
  Recipe<ArrayDataset> trainingSetRecipe(MnistVariant variant, Path directory) {
    String json = settingsJson;
    String folder = directory == null ? null : directory.toString();
    return () -> {
      try {
        ArrayDataset all = folder == null ? EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).train()
            : MnistLoader.of(variant).directory(Path.of(folder)).ifMissing(IfMissing.FAIL).load().train();
        return split(all, ClassifierSettings.fromJson(json, "the run's settings")).train();
      } catch (IOException e) {
        throw new UncheckedIOException(variant.id() + ": " + e.getMessage(), e);
      }
    };
  }

  /** The seeded, stratified training and validation split of the settings (none when its fraction is 0). */
  static Splits split(ArrayDataset all, ClassifierSettings settings) {
    if (settings.validationSplit() == 0) {
      ArrayDataset none = all.subset(new int[0]);
      return new Splits(all, none, none);
    }
    return Splits.of(all, SplitFractions.trainValidation(settings.validationSplit()), settings.seed(), Stratification.BY_LABEL);
  }
}
