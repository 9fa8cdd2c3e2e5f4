package dev.ruru.train.io;

import dev.ruru.array.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a safetensors file holds: named arrays, in the order their data lies in the file, and the
 * {@code __metadata__} strings (empty when the file has none). Both maps are unmodifiable.
 */
public record SafetensorsFile(Map<String, NDArray> tensors, Map<String, String> metadata) {
  public SafetensorsFile {
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** The tensor called {@code name}; the message lists the names there are when it is missing. */
  public NDArray tensor(String name) {
    NDArray tensor = tensors.get(name);
    if (tensor == null) {
      throw new IllegalArgumentException("safetensors: no tensor '" + name + "'; the file has " + tensors.keySet());
    }
    return tensor;
  }
}
