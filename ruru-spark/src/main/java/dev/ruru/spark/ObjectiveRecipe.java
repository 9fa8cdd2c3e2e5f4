package dev.ruru.spark;

import dev.ruru.train.objective.Objective;
import java.io.Serializable;

/**
 * How to build the objective, shipped to every executor: models, optimisers and losses are not
 * serialisable, so each worker builds its own copy from this recipe (a lambda cast to this interface, or a
 * record of settings) and then takes the driver's weights each round. The driver builds one too.
 */
@FunctionalInterface
public interface ObjectiveRecipe extends Serializable {
  Objective build();
}
