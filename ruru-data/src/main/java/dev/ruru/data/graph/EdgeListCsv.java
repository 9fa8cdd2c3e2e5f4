package dev.ruru.data.graph;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.data.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user's own graph from CSV: an edge list, one undirected link per line as {@code u,v} (0-based node
 * ids; a first line that is not two integers is a header; lines starting with {@code #} are comments),
 * and optionally a node file of {@code node,label} lines. The node count is one more than the largest
 * id in either file; features are one-hot identities. A folder holds {@code edges.csv} and, if
 * labelled, {@code nodes.csv}.
 */
public final class EdgeListCsv {
  private EdgeListCsv() {}

  /** Reads a folder with {@code edges.csv} and, if present, {@code nodes.csv}. */
  public static GraphData readFolder(Path folder) throws IOException {
    Path nodes = folder.resolve("nodes.csv");
    return read(folder.resolve("edges.csv"), Files.exists(nodes) ? nodes : null);
  }

  /** Reads the links in {@code edges} and the labels in {@code nodes} (null: unlabelled). */
  public static GraphData read(Path edges, Path nodes) throws IOException {
    List<int[]> links = pairs(edges);
    List<int[]> labelled = nodes == null ? List.of() : pairs(nodes);
    int count = 0;
    for (int[] link : links) {
      count = Math.max(count, Math.max(link[0], link[1]) + 1);
    }
    for (int[] node : labelled) {
      count = Math.max(count, node[0] + 1);
    }
    int[] u = links.stream().mapToInt(l -> l[0]).toArray(), v = links.stream().mapToInt(l -> l[1]).toArray();
    int[][] directions = GraphData.bothDirections(u, v);
    NDArray labels = nodes == null ? null : labels(labelled, count, nodes);
    return GraphData.of(String.valueOf(edges.getFileName()), count, directions[0], directions[1], NDArray.eye(count, count, DType.FLOAT32),
        labels, null);
  }

  private static NDArray labels(List<int[]> labelled, int count, Path file) {
    long[] labels = new long[count];
    Arrays.fill(labels, -1);
    for (int[] node : labelled) {
      labels[node[0]] = node[1];
    }
    for (int i = 0; i < count; i++) {
      if (labels[i] < 0) {
        throw new DataFileException("graph", String.valueOf(file.getFileName()), "node " + i + " has no label (or a negative one); "
            + "every node from 0 to " + (count - 1) + " needs a line 'node,label'");
      }
    }
    return NDArray.of(labels, count);
  }

  /** The lines of two non-negative integers; a non-numeric first line is a header. */
  private static List<int[]> pairs(Path file) throws IOException {
    String source = String.valueOf(file.getFileName());
    List<String> lines = MoleculeSet.utf8Lines(file, "graph");
    List<int[]> out = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("[,;\\t ]+");
      if (cells.length != 2 || !cells[0].matches("\\d{1,9}") || !cells[1].matches("\\d{1,9}")) {
        if (out.isEmpty() && n == firstContentLine(lines)) {
          continue;
        }
        throw new DataFileException("graph", source, "line " + (n + 1) + " is '" + line + "'; expected two non-negative integers "
            + "such as '3,17'");
      }
      out.add(new int[] {Integer.parseInt(cells[0]), Integer.parseInt(cells[1])});
    }
    return out;
  }

  private static int firstContentLine(List<String> lines) {
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        return n;
      }
    }
    return -1;
  }
}
