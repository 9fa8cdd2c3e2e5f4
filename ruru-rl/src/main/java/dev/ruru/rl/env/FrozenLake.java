package dev.ruru.rl.env;

import dev.ruru.train.ResumableRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * FrozenLake-v1, ported from Gymnasium's {@code frozen_lake.py}: walk from S to G on a frozen lake
 * without falling into a hole H. Actions: 0 left, 1 down, 2 right, 3 up; a move into the edge stays put.
 * On a slippery lake the intended move happens with probability 1/3 and each perpendicular one with 1/3
 * (the moves {@code (a − 1) mod 4, a, (a + 1) mod 4}, in that order). Reward 1 on reaching G, else 0; H and
 * G terminate. The observation is the cell index {@code row · columns + column}; {@link Environments#make}
 * adds the time limit (100 steps on 4×4, 200 on 8×8). The table {@link #transitions(int, int)} is
 * Gymnasium's {@code P}, which value iteration uses.
 */
public final class FrozenLake implements Env {
  /** Gymnasium's built-in maps. */
  public static final List<String> MAP_4X4 = List.of("SFFF", "FHFH", "FFFH", "HFFG");
  public static final List<String> MAP_8X8 = List.of("SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF", "FHFFHFHF", "FFFHFFFG");

  private static final Discrete ACTIONS = new Discrete(4);

  private final List<String> map;
  private final boolean slippery;
  private final int rows;
  private final int columns;
  private final List<List<List<Transition>>> table;
  private final ResumableRandom random = new ResumableRandom(0);
  private int state;
  private boolean started;

  /** A lake from its rows of S, F, H and G (one S), slippery or not. */
  public FrozenLake(List<String> map, boolean slippery) {
    this.map = List.copyOf(map);
    this.slippery = slippery;
    this.rows = map.size();
    this.columns = map.get(0).length();
    checkMap();
    this.table = buildTable();
  }

  private void checkMap() {
    long starts = map.stream().mapToLong(row -> row.chars().filter(c -> c == 'S').count()).sum();
    for (String row : map) {
      if (row.length() != columns || !row.matches("[SFHG]+")) {
        throw new IllegalArgumentException("FrozenLake: every row must have " + columns + " letters of S, F, H and G; got '" + row + "'");
      }
    }
    if (starts != 1) {
      throw new IllegalArgumentException("FrozenLake: the map must have exactly one S; it has " + starts);
    }
  }

  @Override public String id() { return "FrozenLake-v1"; }
  @Override public Discrete observationSpace() { return new Discrete(rows * columns); }
  @Override public Discrete actionSpace() { return ACTIONS; }
  public boolean slippery() { return slippery; }
  public int rows() { return rows; }
  public int columns() { return columns; }
  /** The letter of cell {@code state}. */
  public char cell(int state) { return map.get(state / columns).charAt(state % columns); }

  /** Gymnasium's {@code P[state][action]}: the outcomes of {@code action} in {@code state}, in Gymnasium's order. */
  public List<Transition> transitions(int state, int action) {
    return table.get(state).get(action);
  }

  private List<List<List<Transition>>> buildTable() {
    List<List<List<Transition>>> all = new ArrayList<>();
    for (int s = 0; s < rows * columns; s++) {
      List<List<Transition>> byAction = new ArrayList<>();
      for (int a = 0; a < 4; a++) {
        List<Transition> outcomes = new ArrayList<>();
        if (cell(s) == 'G' || cell(s) == 'H') {
          outcomes.add(new Transition(1.0, s, 0, true));
        } else if (slippery) {
          for (int b : new int[] {(a + 3) % 4, a, (a + 1) % 4}) {
            outcomes.add(move(s, b, 1.0 / 3.0));
          }
        } else {
          outcomes.add(move(s, a, 1.0));
        }
        byAction.add(List.copyOf(outcomes));
      }
      all.add(List.copyOf(byAction));
    }
    return List.copyOf(all);
  }

  private Transition move(int s, int action, double probability) {
    int row = s / columns;
    int column = s % columns;
    switch (action) {
      case 0 -> column = Math.max(column - 1, 0);
      case 1 -> row = Math.min(row + 1, rows - 1);
      case 2 -> column = Math.min(column + 1, columns - 1);
      default -> row = Math.max(row - 1, 0);
    }
    int next = row * columns + column;
    char letter = cell(next);
    return new Transition(probability, next, letter == 'G' ? 1.0 : 0.0, letter == 'G' || letter == 'H');
  }

  @Override
  public double[] reset(long seed) {
    random.setState(new ResumableRandom(seed).state());
    return reset();
  }

  @Override
  public double[] reset() {
    state = String.join("", map).indexOf('S');
    started = true;
    return new double[] {state};
  }

  @Override
  public StepResult step(int action) {
    ACTIONS.checkAction(id(), action);
    if (!started) {
      throw new IllegalStateException(id() + ".step: no episode in progress; call reset(seed) first");
    }
    List<Transition> outcomes = transitions(state, action);
    // Gymnasium's categorical_sample: the first outcome whose cumulative probability exceeds a uniform draw.
    double draw = outcomes.size() == 1 ? 0 : random.nextDouble();
    double cumulative = 0;
    Transition chosen = outcomes.get(outcomes.size() - 1);
    for (Transition outcome : outcomes) {
      cumulative += outcome.probability();
      if (cumulative > draw) {
        chosen = outcome;
        break;
      }
    }
    state = chosen.nextState();
    return new StepResult(new double[] {state}, chosen.reward(), chosen.terminated(), false);
  }

  @Override public long[] saveState() { return new long[] {state, started ? 1 : 0, random.state()}; }

  @Override
  public void loadState(long[] saved) {
    if (saved.length != 3) {
      throw new IllegalArgumentException("FrozenLake.loadState: expected 3 words, got " + saved.length + "; was the state saved by another environment?");
    }
    state = (int) saved[0];
    started = saved[1] == 1;
    random.setState(saved[2]);
  }
}
