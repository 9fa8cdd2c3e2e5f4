package dev.ruru.rl.zero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.rl.games.Arena;
import dev.ruru.rl.games.ArenaResult;
import dev.ruru.rl.games.BoardPicture;
import dev.ruru.rl.games.RandomPlayer;
import dev.ruru.rl.games.Tally;
import dev.ruru.train.Checkpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An AlphaZero training run to a time budget or an iteration count: after every iteration one progress
 * line, the best network saved as a model directory ({@code OUT}, model.json and model.safetensors), the
 * network in training as {@code OUT/candidate}, {@code OUT/metrics.json} and {@code OUT/checkpoint.safetensors}
 * rewritten (each file atomically), so a run stopped at any moment leaves a playable model and its numbers,
 * and a run resumed from the checkpoint continues exactly as if it had not stopped. At the end, the best
 * network plays 20 games against random and one against itself, written as {@code OUT/self-play.gif}.
 */
public final class ZeroRun {
  private final ZeroConfig config;
  private final Path out;
  private final PrintWriter progress;

  public ZeroRun(ZeroConfig config, Path out, PrintWriter progress) {
    this.config = config;
    this.out = out;
    this.progress = progress;
  }

  /** The checkpoint's file name in the output directory. */
  public static final String CHECKPOINT = "checkpoint.safetensors";
  /** The animated GIF of a game of the best network against itself, written at the end. */
  public static final String GAME_GIF = "self-play.gif";

  /** Trains until {@code budget} has passed (an iteration started is finished) or {@code maxIterations} are done. */
  public ZeroTraining run(Duration budget, int maxIterations) throws IOException {
    return run(budget, maxIterations, false);
  }

  /**
   * As {@link #run(Duration, int)}, first continuing from {@code OUT/checkpoint.safetensors} when
   * {@code resume} is set and it exists; {@code maxIterations} counts the iterations before it too.
   */
  public ZeroTraining run(Duration budget, int maxIterations, boolean resume) throws IOException {
    if (maxIterations < 1 || budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("selfplay: need a positive time budget and at least 1 iteration; got " + budget + " and " + maxIterations);
    }
    Files.createDirectories(out);
    ZeroTraining training = new ZeroTraining(config);
    ObjectNode metrics = header();
    ArrayNode iterations = metrics.putArray("iterations");
    Path checkpoint = out.resolve(CHECKPOINT);
    if (resume && Files.isRegularFile(checkpoint)) {
      training.resume(Checkpoint.read(checkpoint));
      previousIterations(training.iteration()).forEach(iterations::add);
      progress.printf(Locale.ROOT, "resuming after iteration %d from %s%n", training.iteration(), checkpoint);
    }
    long deadline = System.nanoTime() + budget.toNanos();
    progress.printf(Locale.ROOT, "%s: AlphaZero self-play, %d simulations a move (leaves evaluated %d at a time), %d games side by side and %d training steps an iteration%n",
        config.game().name(), config.simulations(), config.leafBatch(), config.gamesPerIteration(), config.stepsPerIteration());
    while (training.iteration() < maxIterations && System.nanoTime() < deadline) {
      IterationReport report = training.iterate();
      ZeroModel.save(out, training.best());
      ZeroModel.save(out.resolve("candidate"), training.candidate());
      training.checkpoint().write(checkpoint);
      iterations.add(json(report));
      write(metrics);
      progress.println(line(report));
      progress.flush();
    }
    Tally againstRandom = Arena.match(config.game(), new ZeroPlayer("best", training.best(), config.simulations(), 0, new SplittableRandom(config.seed()), config.leafBatch()),
        new RandomPlayer(new SplittableRandom(config.seed() + 1)), 20).total();
    metrics.putObject("best_vs_random").put("wins", againstRandom.wins()).put("draws", againstRandom.draws()).put("losses", againstRandom.losses());
    write(metrics);
    Arena.GameRecord game = Arena.play(config.game().start(), new ZeroPlayer("best", training.best(), config.simulations(), 0,
        new SplittableRandom(config.seed() + 2), config.leafBatch()), new ZeroPlayer("best", training.best(), config.simulations(), 0,
        new SplittableRandom(config.seed() + 3), config.leafBatch()));
    BoardPicture.writeGif(config.game(), game.moves(), 600, out.resolve(GAME_GIF));
    progress.printf(Locale.ROOT, "best network against random over 20 games: %d wins, %d draws, %d losses; model and %s (a game of the best"
        + " against itself) in %s%n", againstRandom.wins(), againstRandom.draws(), againstRandom.losses(), GAME_GIF, out);
    progress.flush();
    return training;
  }

  /** The iterations up to {@code upTo} of the metrics.json a resumed run left. */
  private List<JsonNode> previousIterations(int upTo) throws IOException {
    Path file = out.resolve("metrics.json");
    List<JsonNode> kept = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      for (JsonNode node : new ObjectMapper().readTree(file.toFile()).path("iterations")) {
        if (node.path("iteration").asInt() <= upTo) {
          kept.add(node);
        }
      }
    }
    return kept;
  }

  private ObjectNode header() {
    ObjectNode metrics = new ObjectMapper().createObjectNode();
    metrics.put("game", config.game().name());
    ObjectNode settings = metrics.putObject("config");
    settings.put("hidden", config.hidden()).put("blocks", config.blocks()).put("simulations", config.simulations()).put("dirichlet_alpha", config.dirichletAlpha())
        .put("noise_fraction", config.noiseFraction()).put("temperature_plies", config.temperaturePlies())
        .put("games_per_iteration", config.gamesPerIteration()).put("steps_per_iteration", config.stepsPerIteration())
        .put("batch_size", config.batchSize()).put("learning_rate", config.learningRate()).put("weight_decay", config.weightDecay())
        .put("replay_capacity", config.replayCapacity()).put("arena_games", config.arenaGames()).put("accept_ratio", config.acceptRatio())
        .put("seed", config.seed()).put("leaf_batch", config.leafBatch());
    return metrics;
  }

  private static ObjectNode json(IterationReport report) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("iteration", report.iteration()).put("seconds", report.seconds()).put("new_examples", report.newExamples())
        .put("replay_size", report.replaySize());
    report.training().forEach(node::put);
    if (report.arena() != null) {
      Tally total = report.arena().total();
      node.putObject("arena").put("wins", total.wins()).put("draws", total.draws()).put("losses", total.losses());
    }
    node.put("accepted", report.accepted());
    return node;
  }

  private void write(ObjectNode metrics) throws IOException {
    byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(metrics);
    AtomicFile.write(out.resolve("metrics.json"), stream -> stream.write(bytes));
  }

  private static String line(IterationReport report) {
    ArenaResult arena = report.arena();
    String gate = arena == null ? "kept (no arena)" : String.format(Locale.ROOT, "arena new vs best %d-%d-%d %s", arena.total().wins(),
        arena.total().draws(), arena.total().losses(), report.accepted() ? "accepted" : "rejected");
    return String.format(Locale.ROOT, "iteration %d  %.1f s  loss %.4f (policy %.4f, value %.4f)  %s  replay %d", report.iteration(), report.seconds(),
        report.training().get("loss"), report.training().get("policy_loss"), report.training().get("value_loss"), gate, report.replaySize());
  }
}
