package dev.ruru.onnx;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Tensors an imported graph derives from its weights on every run (a BatchNorm folded into the
 * convolution before it, an LSTM's weights with their gate blocks in Ruru's order), kept between inference
 * runs: a batch of one spends most of its time on such small operations. A kept value is used only while
 * nothing records gradients ({@link Autodiff#isRecording}) and every weight it came from is the same array
 * at the same version: an optimiser's step changes a parameter in place and advances its tensor's
 * version, a BatchNorm in training replaces its statistics' arrays, and either makes the next run derive
 * again. In training every run derives, so gradients reach the weights.
 */
final class DerivedWeights {
  /** One weight a value came from: its array, compared by identity, and its tensor's version. */
  private record Source(NDArray value, int version) {
    static Source of(Tensor tensor) {
      return tensor == null ? null : new Source(tensor.value(), tensor.version());
    }

    boolean same(Source other) {
      return other != null && value == other.value && version == other.version;
    }
  }

  private record Kept(List<Source> sources, List<Tensor> values) {}

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  /** {@code derive}'s tensors from {@code weights} (null for an absent one), or those kept under {@code key} from the same weights. */
  List<Tensor> get(String key, List<Tensor> weights, Supplier<List<Tensor>> derive) {
    List<Source> sources = weights.stream().map(Source::of).toList();
    boolean recording = Autodiff.isRecording();
    Kept before = recording ? null : kept.get(key);
    if (before != null && same(before.sources(), sources)) {
      return before.values();
    }
    List<Tensor> values = derive.get();
    if (!recording) {
      kept.put(key, new Kept(sources, values));
    }
    return values;
  }

  private static boolean same(List<Source> before, List<Source> now) {
    if (before.size() != now.size()) {
      return false;
    }
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i) == null ? now.get(i) != null : !before.get(i).same(now.get(i))) {
        return false;
      }
    }
    return true;
  }
}
