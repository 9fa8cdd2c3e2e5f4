package dev.ruru.data.graph;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * Zachary's karate club: 34 members, the 78 friendships seen outside the club, and the faction each
 * member joined when the club split (0: the instructor Mr. Hi's, 1: the officer John A.'s). Source:
 * W. W. Zachary, "An information flow model for conflict and fission in small groups", Journal of
 * Anthropological Research 33 (1977) 452–473; the edges and factions as in NetworkX's
 * {@code karate_club_graph()}. Features are one-hot node identities (Kipf and Welling's demo); the
 * split labels one member per faction, the two leaders (nodes 0 and 33), validates on none and tests
 * on the other 32.
 */
public final class KarateClub {
  private static final int[][] LINKS = {
      {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11}, {0, 12}, {0, 13}, {0, 17}, {0, 19},
      {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17}, {1, 19}, {1, 21}, {1, 30}, {2, 3}, {2, 7}, {2, 8}, {2, 9},
      {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7}, {3, 12}, {3, 13}, {4, 6}, {4, 10}, {5, 6}, {5, 10}, {5, 16}, {6, 16},
      {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33}, {14, 32}, {14, 33}, {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33},
      {20, 32}, {20, 33}, {22, 32}, {22, 33}, {23, 25}, {23, 27}, {23, 29}, {23, 32}, {23, 33}, {24, 25}, {24, 27},
      {24, 31}, {25, 31}, {26, 29}, {26, 33}, {27, 33}, {28, 31}, {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33},
      {31, 32}, {31, 33}, {32, 33}};
  private static final long[] FACTIONS = {
      0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  public static final int MEMBERS = 34;

  private KarateClub() {}

  /** The club as a graph data set (156 directed edges: each friendship both ways). */
  public static GraphData load() {
    int[] u = new int[LINKS.length], v = new int[LINKS.length];
    for (int e = 0; e < LINKS.length; e++) {
      u[e] = LINKS[e][0];
      v[e] = LINKS[e][1];
    }
    int[][] edges = GraphData.bothDirections(u, v);
    int[] test = new int[MEMBERS - 2];
    for (int i = 1; i < MEMBERS - 1; i++) {
      test[i - 1] = i;
    }
    return GraphData.of("karate club", MEMBERS, edges[0], edges[1], NDArray.eye(MEMBERS, MEMBERS, DType.FLOAT32),
        NDArray.of(FACTIONS, MEMBERS), new NodeSplit(new int[] {0, 33}, new int[0], test));
  }
}
