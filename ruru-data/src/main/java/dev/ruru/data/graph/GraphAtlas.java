package dev.ruru.data.graph;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.DataFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The atlas of all 1,253 graphs with at most 7 nodes (Read and Wilson, <i>An Atlas of Graphs</i>, 1998),
 * as NetworkX ships it ({@code atlas.dat.gz}, Debian's {@code python3-networkx}): blocks of
 * {@code GRAPH i}, {@code NODES n} and one {@code u v} line per undirected link. Each graph becomes a
 * {@link GraphData} whose nodes all have the feature 1, so a network can use only the structure.
 */
public final class GraphAtlas {
  /** Where Debian's python3-networkx installs the atlas. */
  public static final Path DEBIAN = Path.of("/usr/lib/python3/dist-packages/networkx/generators/atlas.dat.gz");

  private GraphAtlas() {}

  /** The installed atlas; a message that names the package when it is missing. */
  public static List<GraphData> readInstalled() throws IOException {
    if (!Files.isRegularFile(DEBIAN)) {
      throw new DataFileException("atlas", DEBIAN.toString(), "not found; install it with apt-get install python3-networkx");
    }
    return read(DEBIAN);
  }

  /** Reads an atlas file, gzip-compressed (by its name ending in .gz) or not. */
  public static List<GraphData> read(Path file) throws IOException {
    String source = String.valueOf(file.getFileName());
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = source.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      return parse(lines, source);
    }
  }

  private static List<GraphData> parse(BufferedReader lines, String source) throws IOException {
    List<GraphData> graphs = new ArrayList<>();
    String name = null;
    int nodes = -1;
    List<int[]> links = new ArrayList<>();
    int lineNumber = 0;
    for (String line; (line = lines.readLine()) != null; ) {
      lineNumber++;
      String[] words = line.strip().split("\\s+");
      if (words[0].equals("GRAPH")) {
        if (name != null) {
          graphs.add(graph(source, name, nodes, links));
        }
        name = source + " graph " + (words.length > 1 ? words[1] : "?");
        nodes = -1;
        links = new ArrayList<>();
      } else if (words[0].equals("NODES") && words.length == 2 && name != null) {
        nodes = Integer.parseInt(words[1]);
      } else if (words.length == 2 && nodes >= 0 && words[0].matches("\\d+") && words[1].matches("\\d+")) {
        links.add(new int[] {Integer.parseInt(words[0]), Integer.parseInt(words[1])});
      } else if (!line.isBlank()) {
        throw new DataFileException("atlas", source, "line " + lineNumber + " is '" + line + "'; expected GRAPH i, NODES n or a link 'u v'");
      }
    }
    if (name != null) {
      graphs.add(graph(source, name, nodes, links));
    }
    return graphs;
  }

  private static GraphData graph(String source, String name, int nodes, List<int[]> links) {
    if (nodes < 0) {
      throw new DataFileException("atlas", source, name + " has no NODES line");
    }
    int[] u = links.stream().mapToInt(l -> l[0]).toArray(), v = links.stream().mapToInt(l -> l[1]).toArray();
    GraphData.checkLinks(name, u, v, nodes);
    int[][] edges = GraphData.bothDirections(u, v);
    return GraphData.of(name, nodes, edges[0], edges[1], NDArray.ones(Shape.of(nodes, 1), DType.FLOAT32), null, null);
  }
}
