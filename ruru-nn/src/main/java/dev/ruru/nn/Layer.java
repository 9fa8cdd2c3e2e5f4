package dev.ruru.nn;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A layer or a network: a differentiable function of its input and its named {@link Parameter}s.
 * Training and evaluation differ only through the {@link Mode} argument (Dropout, BatchNorm1d); there
 * is no hidden training flag.
 *
 * <pre>{@code
 * Seed.manualSeed(42);                                                     // reproducible initial weights
 * Layer model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
 * Tensor logits = model.forward(Tensor.constant(images), Mode.TRAIN);     // [batch, 10]
 * Map<String, Parameter> params = model.parameters();                     // "0.weight", "0.bias", "2.weight", ...
 * }</pre>
 */
public interface Layer {
  /** The output for {@code input}; inputs are not modified. */
  Tensor forward(Tensor input, Mode mode);

  /** The output in {@link Mode#EVAL} (inference). */
  default Tensor forward(Tensor input) {
    return forward(input, Mode.EVAL);
  }

  /** Ordered, named by path ({@code "encoder.0.weight"}); containers prefix their children's names. */
  default Map<String, Parameter> parameters() {
    return Map.of();
  }

  /** State that is saved but not trained (BatchNorm1d's running statistics), named like the parameters. */
  default Map<String, Buffer> buffers() {
    return Map.of();
  }

  /**
   * The current values of every parameter and then every buffer, by path: what a checkpoint saves.
   * A snapshot: later training steps, which change the parameters in place, do not change it.
   */
  default Map<String, NDArray> stateDict() {
    return StateDictionary.of(this);
  }

  /**
   * Sets every parameter and buffer from {@code state}. The names, shapes and dtypes must match
   * {@link #stateDict()} exactly; otherwise an {@link IllegalArgumentException} lists every missing,
   * unexpected or mismatched entry and nothing is changed.
   */
  default void loadStateDict(Map<String, NDArray> state) {
    StateDictionary.load(this, state);
  }

  /**
   * Sets every parameter and buffer that {@code state} has under the same path with the same shape
   * (converting float64 to float32 and back), leaves the rest as they are, and reports what it did:
   * PyTorch's {@code load_state_dict(strict=False)}, with the shape mismatches a new head makes listed
   * rather than fatal. Rename a file's entries first with {@link KeyRenaming} when it uses other names.
   */
  default LoadReport loadStateDictNonStrict(Map<String, NDArray> state) {
    return StateDictionary.loadNonStrict(this, state);
  }

  /**
   * The direct sub-layers by name ({@link Sequential}: {@code "0"}, {@code "1"}, ...), the names their
   * parameters' paths begin with; a layer that is no container has none.
   */
  default Map<String, Layer> children() {
    return Map.of();
  }

  /**
   * A copy of this container with child {@code name} replaced by {@code replacement}; the other children
   * are the same objects. Containers that support it override this (Sequential does).
   */
  default Layer withChild(String name, Layer replacement) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + ": cannot replace child '" + name
        + "'; only containers such as Sequential can have their layers replaced");
  }

  /**
   * The sub-layer at {@code path} (names joined by dots, e.g. {@code "features.3"}; empty: this layer).
   * An unknown name is an error that lists the names there are.
   */
  default Layer layer(String path) {
    return LayerPath.find(this, path);
  }

  /**
   * This model with the sub-layer at {@code path} replaced by {@code replacement}, e.g. a new head:
   * {@code model = model.replace("10", new Linear(128, 5))}. Containers are immutable, so the containers
   * on the path are copied; every other layer, and so every other parameter, is shared with this model.
   */
  default Layer replace(String path, Layer replacement) {
    return LayerPath.replace(this, path, replacement);
  }

  /** This model as a table of layers, output shapes and parameter counts, run once on zeros of {@code inputShape}: {@link ModelSummary}. */
  default ModelSummary summary(Shape inputShape) {
    return ModelSummary.of(this, inputShape);
  }

  /**
   * Freezes the parameters whose paths {@code pattern} selects ({@link PathPattern}: {@code "features.*"},
   * {@code "1,4"}, {@code "*"}) and returns their paths: training leaves them as they are, and a
   * BatchNorm whose weight and bias are frozen normalises with its running statistics and keeps them, even
   * in {@link Mode#TRAIN}. A pattern that selects nothing is an error.
   */
  default List<String> freeze(String pattern) {
    return setTrainable(PathPattern.parse(pattern), false);
  }

  /** Unfreezes the parameters {@code pattern} selects (see {@link #freeze}) and returns their paths. */
  default List<String> unfreeze(String pattern) {
    return setTrainable(PathPattern.parse(pattern), true);
  }

  private List<String> setTrainable(PathPattern pattern, boolean trainable) {
    Map<String, Parameter> selected = pattern.select(parameters());
    selected.values().forEach(parameter -> parameter.setTrainable(trainable));
    return List.copyOf(selected.keySet());
  }

  /** The parameters training changes (those not frozen), by path, in order. */
  default Map<String, Parameter> trainableParameters() {
    return Params.trainable(parameters());
  }
}
