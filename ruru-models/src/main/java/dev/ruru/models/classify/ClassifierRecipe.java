package dev.ruru.models.classify;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.Splits;
import dev.ruru.models.run.MnistShards;
import dev.ruru.models.run.Recipe;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Supervised;
import java.util.List;

/**
 * A classifier run's objective as a recipe, so that the driver and every worker of a cluster make the same
 * one: the network of the settings over {@code imageShape}, initialised from the settings' seed; and the
 * seeded validation split that the workers' {@link MnistShards} make too.
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

  /** The seeded, stratified training and validation split of the settings (none when its fraction is 0). */
  static Splits split(ArrayDataset all, ClassifierSettings settings) {
    return MnistShards.split(all, settings.validationSplit(), settings.seed());
  }
}
