package dev.ruru.rl.games;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A person against a {@link Player} in a terminal: the board is printed before each move, the person
 * types a move numbered from 1 (tic-tac-toe's cells 1-9 row by row, Connect Four's columns 1-7). A move
 * that is not a number or not legal gets a message and the question again; the end of the input (Ctrl-D)
 * ends the game cleanly.
 */
public final class TerminalMatch {
  /** How a game in the terminal ended. */
  public enum Outcome { PERSON_WON, AGENT_WON, DRAW, ABANDONED }

  private final Game game;
  private final Player agent;
  private final BufferedReader in;
  private final PrintWriter out;
  private final List<Integer> moves = new ArrayList<>();

  public TerminalMatch(Game game, Player agent, BufferedReader in, PrintWriter out) {
    this.game = game;
    this.agent = agent;
    this.in = in;
    this.out = out;
  }

  /** Plays one game, the person moving as {@code personSide} (0 moves first, as X; 1 second, as O). */
  public Outcome play(int personSide) throws IOException {
    moves.clear();
    Position position = game.start();
    out.println("You are " + (personSide == 0 ? "X and move first" : "O and move second") + " against " + agent.name() + ". "
        + moveHelp() + "; Ctrl-D ends the game.");
    while (!position.isTerminal()) {
      if (position.player() == personSide) {
        out.print(board(position));
        Integer move = askMove(position);
        if (move == null) {
          out.println();
          out.println("Game abandoned.");
          return Outcome.ABANDONED;
        }
        position = position.play(move);
        moves.add(move);
      } else {
        int move = agent.move(position);
        out.println(agent.name() + " plays " + (move + 1));
        position = position.play(move);
        moves.add(move);
      }
    }
    out.print(board(position));
    Outcome outcome = position.winner() < 0 ? Outcome.DRAW : position.winner() == personSide ? Outcome.PERSON_WON : Outcome.AGENT_WON;
    out.println(switch (outcome) {
      case PERSON_WON -> "You win!";
      case AGENT_WON -> agent.name() + " wins.";
      default -> "Draw.";
    });
    out.flush();
    return outcome;
  }

  /** The moves of the last game played (0-based, both sides in turn), as far as it went: what {@link BoardPicture#writeGif} draws. */
  public List<Integer> moves() {
    return List.copyOf(moves);
  }

  /** The person's next legal move (0-based), or null at the end of the input. */
  private Integer askMove(Position position) throws IOException {
    while (true) {
      out.print("your move: ");
      out.flush();
      String line = in.readLine();
      if (line == null) {
        return null;
      }
      String text = line.strip();
      int move;
      try {
        move = Integer.parseInt(text) - 1;
      } catch (NumberFormatException e) {
        out.println("'" + text + "' is not a move; " + moveHelp());
        continue;
      }
      if (position.isLegal(move)) {
        return move;
      }
      out.println(text + " is not a legal move here; " + (move < 0 || move >= game.actionCount() ? moveHelp()
          : game.columns() == game.actionCount() ? "that column is full" : "that cell is taken"));
    }
  }

  private String moveHelp() {
    return game.actionCount() == game.columns() ? "type a column, 1 to " + game.columns() : "type a cell, 1 to " + game.actionCount() + " row by row";
  }

  /** The board with move numbers: Connect Four's columns under it, tic-tac-toe's free cells as their numbers. */
  private String board(Position position) {
    StringBuilder text = new StringBuilder();
    boolean columns = game.actionCount() == game.columns();
    for (int row = 0; row < game.rows(); row++) {
      text.append("  ");
      for (int column = 0; column < game.columns(); column++) {
        int stone = position.stone(row, column);
        char free = columns ? '.' : Character.forDigit(row * game.columns() + column + 1, 36);
        text.append(column == 0 ? "" : " ").append(stone < 0 ? free : stone == 0 ? 'X' : 'O');
      }
      text.append('\n');
    }
    if (columns) {
      text.append("  ");
      for (int column = 0; column < game.columns(); column++) {
        text.append(column == 0 ? "" : " ").append(column + 1);
      }
      text.append('\n');
    }
    return text.toString();
  }
}
