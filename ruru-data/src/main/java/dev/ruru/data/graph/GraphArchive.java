package dev.ruru.data.graph;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Npz;
import dev.ruru.array.sparse.CsrMatrix;
import dev.ruru.data.DataFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A graph data set saved as arrays in an .npz archive (NumPy's {@code np.savez}), the form of
 * {@code cora.npz}; any graph saved the same way loads:
 * <table>
 * <caption>entries</caption>
 * <tr><td>edges</td><td>[links, 2] integers</td><td>each link (u, v); undirected unless {@code directed} is 1</td></tr>
 * <tr><td>features</td><td>[nodes, d]</td><td>or in CSR form: features_indptr, features_indices, features_data, features_shape</td></tr>
 * <tr><td>labels</td><td>[nodes] integers</td><td>optional</td></tr>
 * <tr><td>train_index, val_index, test_index</td><td>integer node ids</td><td>optional, all three or none</td></tr>
 * <tr><td>num_nodes, directed</td><td>scalars</td><td>optional: node count (else the features' rows), 1 for directed edges</td></tr>
 * </table>
 * Without features each node gets a one-hot row (its identity), as for the karate club.
 */
public final class GraphArchive {
  private GraphArchive() {}

  /** Reads {@code file}; throws {@link DataFileException} naming the file and the entry that is wrong. */
  public static GraphData read(Path file) throws IOException {
    String source = String.valueOf(file.getFileName());
    Map<String, NDArray> arrays = Npz.read(file);
    NDArray edges = required(arrays, source, "edges");
    if (edges.rank() != 2 || edges.dim(1) != 2 || !edges.dtype().isInteger()) {
      throw new DataFileException("graph", source, "expected 'edges' as integer pairs [links, 2], got " + edges.dtype() + " " + edges.shape());
    }
    NDArray features = features(arrays, source);
    int nodes = nodeCount(arrays, features, source);
    if (features == null) {
      features = NDArray.eye(nodes, nodes, DType.FLOAT32);
    }
    int[] u = edges.slice(1, 0, 1, 1).reshape(edges.dim(0)).toIntArray();
    int[] v = edges.slice(1, 1, 2, 1).reshape(edges.dim(0)).toIntArray();
    GraphData.checkLinks(source, u, v, nodes);
    boolean directed = arrays.containsKey("directed") && arrays.get("directed").item() != 0;
    int[][] directions = directed ? new int[][] {u, v} : GraphData.bothDirections(u, v);
    return GraphData.of(source, nodes, directions[0], directions[1], features, arrays.get("labels"), split(arrays, source));
  }

  private static NDArray required(Map<String, NDArray> arrays, String source, String key) {
    NDArray array = arrays.get(key);
    if (array == null) {
      throw new DataFileException("graph", source, "no '" + key + "' entry; found " + arrays.keySet()
          + " (a graph archive needs 'edges' [links, 2] and may have features, labels and a split)");
    }
    return array;
  }

  /** The dense features, the CSR ones made dense, or null when the archive has none. */
  private static NDArray features(Map<String, NDArray> arrays, String source) {
    if (arrays.containsKey("features")) {
      return arrays.get("features");
    }
    if (!arrays.containsKey("features_indptr")) {
      return null;
    }
    NDArray shape = required(arrays, source, "features_shape");
    if (!shape.shape().equals(Shape.of(2))) {
      throw new DataFileException("graph", source, "expected 'features_shape' [2], got " + shape.shape());
    }
    long[] dims = shape.toLongArray();
    NDArray data = required(arrays, source, "features_data");
    CsrMatrix csr = CsrMatrix.of((int) dims[0], (int) dims[1], required(arrays, source, "features_indptr").toIntArray(),
        required(arrays, source, "features_indices").toIntArray(), data.dtype().isFloating() ? data : data.astype(DType.FLOAT32));
    return csr.toDense().astype(DType.FLOAT32);
  }

  private static int nodeCount(Map<String, NDArray> arrays, NDArray features, String source) {
    if (arrays.containsKey("num_nodes")) {
      return (int) arrays.get("num_nodes").item();
    }
    if (features != null) {
      return features.rank() == 0 ? 0 : features.dim(0);
    }
    if (arrays.containsKey("labels")) {
      return arrays.get("labels").size();
    }
    NDArray edges = arrays.get("edges");
    return edges.size() == 0 ? 0 : (int) edges.max().item() + 1;
  }

  private static NodeSplit split(Map<String, NDArray> arrays, String source) {
    boolean any = arrays.containsKey("train_index") || arrays.containsKey("val_index") || arrays.containsKey("test_index");
    if (!any) {
      return null;
    }
    return new NodeSplit(required(arrays, source, "train_index").toIntArray(), required(arrays, source, "val_index").toIntArray(),
        required(arrays, source, "test_index").toIntArray());
  }
}
