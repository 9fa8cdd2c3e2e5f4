package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ruru selfplay, ruru arena and ruru play, run in-process. */
class GameCommandsTest {
  @TempDir Path directory;

  /** Runs {@code ruru play ...} with {@code typed} as what the person types. */
  private static CommandRun play(String typed, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Ruru.commandLine();
    PlayCommand command = commandLine.getSubcommands().get("play").getCommand();
    command.input = new BufferedReader(new StringReader(typed));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new CommandRun(commandLine.execute(args), out.toString(), err.toString());
  }

  @Test
  void selfPlayWritesAPlayableModelAndMetricsEveryIteration() throws Exception {
    Path out = directory.resolve("zero");
    CommandRun run = CommandRun.of("selfplay", "--game", "tictactoe", "--iterations", "2", "--games", "4", "--arena-games", "4", "--steps", "5",
        "--out", out.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().matches("(?s).*iteration 1  \\d+\\.\\d s  loss \\d\\.\\d{4} \\(policy \\d\\.\\d{4}, value \\d\\.\\d{4}\\)  arena new vs best \\d+-\\d+-\\d+ (accepted|rejected)  replay \\d+\n.*"),
        run::out);
    assertTrue(run.out().contains("best network against random over 20 games"), run::out);
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertEquals("tictactoe", metrics.get("game").asText());
    assertEquals(2, metrics.get("iterations").size());
    assertTrue(metrics.get("iterations").get(1).get("loss").asDouble() > 0);
    assertTrue(Files.isRegularFile(out.resolve("model.safetensors")) && Files.isRegularFile(out.resolve("candidate/model.json")));
    assertTrue(gifFrames(out.resolve("self-play.gif")) >= 5 + 1 + 2, "a game of at least 5 moves, the start and the held end");

    CommandRun resumed = CommandRun.of("selfplay", "--game", "tictactoe", "--iterations", "3", "--games", "4", "--arena-games", "4", "--steps", "5",
        "--out", out.toString(), "--resume");
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().startsWith("resuming after iteration 2 from "), resumed::out);
    assertEquals(3, new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("iterations").size());

    CommandRun arena = CommandRun.of("arena", out.toString(), "random", "--games", "4", "--simulations", "10");
    assertEquals(0, arena.exitCode(), arena::err);
    assertTrue(arena.out().startsWith("tictactoe: zero@10 vs random\n"), arena::out);

    CommandRun game = play("", "play", "tictactoe", "--model-dir", out.toString(), "--simulations", "5", "--second");
    assertEquals(0, game.exitCode(), game::err);
    assertTrue(game.out().contains("zero@5 plays "), game::out);
    assertTrue(game.out().contains("Game abandoned."), game::out);
  }

  @Test
  void arenaPrintsTheTableAndMinimaxNeverLoses() {
    CommandRun run = CommandRun.of("arena", "minimax", "random", "--games", "10", "--seed", "3");
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("minimax moves   games   wins  draws losses   score"), run::out);
    assertTrue(run.out().matches("(?s).*\ntotal +10 +\\d+ +\\d+ +0 .*"), run::out);
  }

  @Test
  void arenaWritesOneMoreGameAsAGif() throws Exception {
    Path gif = directory.resolve("game.gif");
    CommandRun run = CommandRun.of("arena", "uct-20", "random", "--game", "connect4", "--games", "2", "--gif", gif.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("one more game, uct-20 first: "), run::out);
    // Connect Four ends after 7 to 42 moves: one frame each, the empty board, and the end held two frames more.
    int frames = gifFrames(gif);
    assertTrue(frames >= 7 + 3 && frames <= 42 + 3, "frames: " + frames);
  }

  private static int gifFrames(Path file) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      return reader.getNumImages(true);
    }
  }

  @Test
  void arenaRefusesMinimaxAtConnectFourAndUnknownPlayers() {
    CommandRun minimax = CommandRun.of("arena", "minimax", "uct-10", "--game", "connect4", "--games", "2");
    assertEquals(2, minimax.exitCode());
    assertEquals("ruru arena: player minimax: searches the whole game tree, which connect4 is too large for; use uct-N\n", minimax.err());
    CommandRun unknown = CommandRun.of("arena", "alphago", "random");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().startsWith("ruru arena: player 'alphago': not minimax, random, uct-N or a model directory"), unknown::err);
  }

  @Test
  void playAsksAgainAfterAnIllegalMoveAndEndsCleanlyAtTheEndOfInput() {
    CommandRun run = play("abc\n5\n5\n10\n", "play", "tictactoe", "--simulations", "50");
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("'abc' is not a move; type a cell, 1 to 9 row by row"), run::out);
    assertTrue(run.out().contains("uct-50 plays "), run::out);
    assertTrue(run.out().contains("5 is not a legal move here; that cell is taken"), run::out);
    assertTrue(run.out().contains("10 is not a legal move here; type a cell, 1 to 9 row by row"), run::out);
    assertTrue(run.out().endsWith("Game abandoned.\n"), run::out);
  }

  @Test
  void playConnectFourToTheEndAgainstAWeakSearchAndWritesItAsAGif() throws Exception {
    // The person drops every stone in column 1 until it is full, then column 2, ...: the game ends either way.
    String typed = "1\n".repeat(6) + "2\n".repeat(6) + "3\n".repeat(6) + "4\n".repeat(6) + "5\n".repeat(6) + "6\n".repeat(6) + "7\n".repeat(6);
    Path gif = directory.resolve("game.gif");
    CommandRun run = play(typed, "play", "connect4", "--simulations", "200", "--gif", gif.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("1 2 3 4 5 6 7"), run::out);
    assertTrue(run.out().contains("uct-200 wins."), run::out);
    Matcher written = Pattern.compile("the game, (\\d+) moves, written to " + Pattern.quote(gif.toString())).matcher(run.out());
    assertTrue(written.find(), run::out);
    int moves = Integer.parseInt(written.group(1));
    assertTrue(moves >= 7, "UCT needs at least 4 stones to win, the person 3 moves in between: " + moves);
    assertEquals(1 + moves + 2, gifFrames(gif), "the start, one frame a move and the end held two more");
  }
}
