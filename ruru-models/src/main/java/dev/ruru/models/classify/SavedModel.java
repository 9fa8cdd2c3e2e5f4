package dev.ruru.models.classify;

import dev.ruru.array.NDArray;
import dev.ruru.nn.Layer;
import dev.ruru.train.Trainer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A model read back from a directory: its description and the network built from it with the saved
 * weights loaded.
 *
 * @param spec what {@code model.json} describes
 * @param module the network, weights loaded
 * @param directory where it was read from
 * @param notes the notes saved with it (such as {@code "dataset"}), possibly none
 */
public record SavedModel(ModelSpec spec, Layer module, Path directory, java.util.Map<String, String> notes) {
  public SavedModel {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(directory, "directory");
    notes = java.util.Map.copyOf(notes);
  }

  /**
   * The outputs (class scores) for {@code inputs}: a batch {@code [n, ...inputShape]} or one example
   * {@code [...inputShape]}, which gives {@code [1, classes]}.
   */
  public NDArray scores(NDArray inputs) {
    int rank = spec.inputShape().size();
    NDArray batch = inputs.rank() == rank ? inputs.unsqueeze(0) : inputs;
    int[] expected = spec.inputShape().stream().mapToInt(Integer::intValue).toArray();
    int[] given = batch.shape().dims();
    if (given.length != rank + 1 || !java.util.Arrays.equals(java.util.Arrays.copyOfRange(given, 1, given.length), expected)) {
      throw new IllegalArgumentException("predict: the model expects inputs " + spec.inputShape() + " (or a batch [n, ...]), got "
          + inputs.shape());
    }
    return Trainer.predict(module, batch.astype(spec.dtype()), 256);
  }
}
