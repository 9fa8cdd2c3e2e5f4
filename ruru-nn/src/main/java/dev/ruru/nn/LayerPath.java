package dev.ruru.nn;

/**
 * Finding and replacing sub-layers by path ({@code "features.3"}) through {@link Layer#children()}; see
 * {@link Layer#layer} and {@link Layer#replace}. Iterative descent, the path being short; the
 * replacement rebuilds the containers on the path from the inside out.
 */
final class LayerPath {
  private LayerPath() {}

  static Layer find(Layer root, String path) {
    Layer layer = root;
    String at = "";
    for (String name : names(path)) {
      layer = child(layer, name, at);
      at = at.isEmpty() ? name : at + "." + name;
    }
    return layer;
  }

  static Layer replace(Layer root, String path, Layer replacement) {
    String[] names = names(path);
    if (names.length == 0) {
      throw new IllegalArgumentException("replace: the path is empty; give the path of a sub-layer, e.g. '10' or 'classifier.2'");
    }
    Layer[] containers = new Layer[names.length];
    Layer layer = root;
    String at = "";
    for (int i = 0; i < names.length; i++) {
      containers[i] = layer;
      layer = child(layer, names[i], at);
      at = at.isEmpty() ? names[i] : at + "." + names[i];
    }
    Layer rebuilt = replacement;
    for (int i = names.length - 1; i >= 0; i--) {
      rebuilt = containers[i].withChild(names[i], rebuilt);
    }
    return rebuilt;
  }

  private static String[] names(String path) {
    return path.isEmpty() ? new String[0] : path.split("\\.", -1);
  }

  private static Layer child(Layer layer, String name, String at) {
    Layer child = layer.children().get(name);
    if (child == null) {
      String where = at.isEmpty() ? "the model" : "'" + at + "'";
      throw new IllegalArgumentException("layer path: " + where + " (" + layer.getClass().getSimpleName() + ") has no sub-layer '" + name
          + "'; its sub-layers are " + layer.children().keySet());
    }
    return child;
  }
}
