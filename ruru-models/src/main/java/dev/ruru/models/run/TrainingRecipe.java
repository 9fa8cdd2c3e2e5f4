package dev.ruru.models.run;

import dev.ruru.train.objective.Objective;

/**
 * What a cluster needs to train a family's run: the objective every node makes from the run's settings,
 * and the training set each worker reads its own shard of. A family that trains with {@code --spark}
 * provides one; the driver's objective is made from the same recipe.
 */
public record TrainingRecipe(Recipe<Objective> objective, ShardedData data) {}
