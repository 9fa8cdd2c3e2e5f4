package dev.ruru.optim;

import dev.ruru.array.NDArray;
import java.util.Map;

/** An update rule's state for one parameter, exported by name for checkpoints (PyTorch's names). */
interface RuleState {
  /** The state's arrays by name; a step count is an int64 scalar named {@code step}. */
  Map<String, NDArray> arrays();
}
