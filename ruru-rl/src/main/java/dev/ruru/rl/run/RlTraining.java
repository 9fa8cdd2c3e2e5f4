package dev.ruru.rl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.rl.Agent;
import dev.ruru.rl.Update;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.render.CartPoleDrawing;
import dev.ruru.rl.render.ReturnCurve;
import dev.ruru.rl.rollout.EpisodeLog;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.plot.AnimatedGif;
import dev.ruru.train.plot.Png;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ruru rl train}: trains an agent and leaves in its directory {@code checkpoint.safetensors} (every
 * few iterations and at the end: {@code --resume} continues exactly), {@code policy.safetensors},
 * {@code metrics.json} (every episode's return, every iteration's losses, the final evaluation),
 * {@code returns.png} (the return curve with its rolling mean and the solved line) and, for CartPole,
 * {@code best-episode.gif} (the best of five greedy episodes after training). A {@link SolveCheck} runs
 * after every iteration and reports the step at which the run solved its environment (in the progress and
 * metrics.json's {@code solved}); {@code --stop-when-solved} ends the run there.
 */
public final class RlTraining {
  public static final String CHECKPOINT = "checkpoint.safetensors";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RlTraining() {}

  /** What a run ends with. */
  public record Summary(long steps, int episodes, double meanReturn, RlEvaluation.Result evaluation, double seconds) {}

  public static Summary run(RlTrainSettings settings, PrintWriter out) throws IOException {
    Environments.Spec spec = Environments.spec(settings.environment());
    Files.createDirectories(settings.out());
    Path checkpointFile = checkpointFile(settings);
    Agent agent = Agents.create(settings.algorithm(), spec.shortName(), settings.seed(), settings.steps(), settings.replay());
    ArrayNode iterations = JSON.createArrayNode();
    if (settings.resume() && Files.isRegularFile(checkpointFile)) {
      agent.resume(Checkpoint.read(checkpointFile));
      previousIterations(settings.out(), agent.iteration()).forEach(iterations::add);
      out.printf("resuming after iteration %d (%d steps) from %s%n", agent.iteration(), agent.collector().steps(), checkpointFile);
    }
    out.printf("%s on %s: %d steps (%s), seed %d%n", settings.algorithm(), spec.id(), settings.steps(), agent.settings(), settings.seed());
    long start = System.nanoTime();
    SolveCheck check = train(agent, settings, spec, iterations, out);
    double seconds = (System.nanoTime() - start) / 1e9;
    writeCheckpoint(agent, checkpointFile);
    new SavedPolicy(spec.shortName(), settings.algorithm(), agent.policy()).write(settings.out(), agent.hidden());
    RlEvaluation.Result evaluation = RlEvaluation.run(agent.policy(), spec.shortName(), 5, settings.seed() + 1_000_000, true);
    EpisodeLog log = agent.collector().log();
    writeMetrics(settings, spec, agent, iterations, evaluation, check);
    pictures(settings.out(), spec, log, evaluation);
    out.printf("done: %d steps, %d episodes, mean return of the last 100 %.1f; greedy evaluation over 5 episodes %.1f; %.1f s%n",
        agent.collector().steps(), log.count(), log.meanReturn(100), evaluation.mean(), seconds);
    out.printf("wrote %s, %s, metrics.json, returns.png%s to %s%n", CHECKPOINT, SavedPolicy.FILE,
        spec.shortName().equals("cartpole") ? ", best-episode.gif" : "", settings.out());
    return new Summary(agent.collector().steps(), log.count(), log.meanReturn(100), evaluation, seconds);
  }

  /** The iterations, with a progress line every twentieth of the run, the solve check and the checkpoints; returns the check. */
  private static SolveCheck train(Agent agent, RlTrainSettings settings, Environments.Spec spec, ArrayNode iterations, PrintWriter out) {
    long start = System.nanoTime();
    long startSteps = agent.collector().steps();
    int every = agent.iterations() > 0 ? Math.max(1, agent.iterations() / 20) : 10;
    String of = agent.iterations() > 0 ? "/" + agent.iterations() : "";
    SolveCheck check = new SolveCheck(spec.shortName(), settings.seed(), startSteps);
    while (!agent.finished() && !(settings.stopWhenSolved() && check.solved().isPresent())) {
      Update update = agent.iterate();
      iterations.add(iterationNode(update));
      double seconds = (System.nanoTime() - start) / 1e9;
      if (update.iteration() % every == 0 || agent.finished()) {
        out.printf("iteration %d%s  steps %d  episodes %d  mean return %.1f  loss %.4f  steps/s %.0f%n", update.iteration(), of,
            update.steps(), update.episodes(), update.meanReturn(), update.metrics().getOrDefault("loss", Double.NaN),
            (update.steps() - startSteps) / Math.max(1e-9, seconds));
      }
      check.afterIteration(agent.policy(), update.steps(), agent.collector().log()).ifPresent(solved -> out.printf(
          "solved at step %d (episode %d): %d greedy evaluation episodes average %.1f%n", solved.steps(), solved.episodes(),
          SolveCheck.EVALUATION_EPISODES, solved.evaluation()));
      if (update.iteration() % settings.checkpointEvery() == 0) {
        writeCheckpoint(agent, checkpointFile(settings));
      }
    }
    return check;
  }

  private static Path checkpointFile(RlTrainSettings settings) {
    return settings.out().resolve(CHECKPOINT);
  }

  private static void writeCheckpoint(Agent agent, Path file) {
    try {
      agent.checkpoint().write(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("RlTraining: cannot write the checkpoint " + file, e);
    }
  }

  private static List<JsonNode> previousIterations(Path directory, int upTo) throws IOException {
    Path metrics = directory.resolve("metrics.json");
    List<JsonNode> kept = new ArrayList<>();
    if (Files.isRegularFile(metrics)) {
      for (JsonNode node : JSON.readTree(metrics.toFile()).path("iterations")) {
        if (node.path("iteration").asInt() <= upTo) {
          kept.add(node);
        }
      }
    }
    return kept;
  }

  private static ObjectNode iterationNode(Update update) {
    ObjectNode node = JSON.createObjectNode().put("iteration", update.iteration()).put("steps", update.steps()).put("episodes", update.episodes())
        .put("learning_rate", update.learningRate());
    number(node, "mean_return", update.meanReturn());
    update.metrics().forEach((name, value) -> number(node, name, value));
    return node;
  }

  private static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }

  private static void writeMetrics(RlTrainSettings settings, Environments.Spec spec, Agent agent, ArrayNode iterations,
      RlEvaluation.Result evaluation, SolveCheck check) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("environment", spec.id()).put("algorithm", settings.algorithm()).put("seed", settings.seed())
        .put("steps", agent.collector().steps()).put("config", agent.settings()).put("solved_threshold", spec.rewardThreshold());
    ArrayNode episodes = root.putArray("episodes");
    for (EpisodeLog.Episode e : agent.collector().log().episodes()) {
      episodes.addObject().put("return", e.episodeReturn()).put("length", e.length()).put("step", e.step());
    }
    root.set("iterations", iterations);
    ObjectNode greedy = root.putObject("evaluation").put("episodes", evaluation.returns().length).put("mean_return", evaluation.mean())
        .put("min_return", evaluation.min()).put("max_return", evaluation.max());
    greedy.put("policy", "greedy");
    check.solved().ifPresentOrElse(solved -> root.putObject("solved").put("steps", solved.steps()).put("episodes", solved.episodes())
        .put("evaluation_episodes", SolveCheck.EVALUATION_EPISODES).put("mean_return", solved.evaluation()), () -> root.putNull("solved"));
    Path file = settings.out().resolve("metrics.json");
    Path temporary = file.resolveSibling("metrics.json.tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
    Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void pictures(Path directory, Environments.Spec spec, EpisodeLog log, RlEvaluation.Result evaluation)
      throws IOException {
    long[] steps = log.episodes().stream().mapToLong(EpisodeLog.Episode::step).toArray();
    Png.write(directory.resolve("returns.png"), ReturnCurve.render(spec.id() + " episode returns", steps, log.returns(), 100, spec.rewardThreshold()));
    if (spec.shortName().equals("cartpole")) {
      int best = evaluation.best();
      writeCartPoleGif(directory.resolve("best-episode.gif"), evaluation.observations().get(best), evaluation.returns()[best]);
    }
  }

  /** Every second step of the episode at 300×200, 40 ms a frame (twice real time's 20 ms steps, half the frames). */
  public static void writeCartPoleGif(Path file, List<double[]> observations, double episodeReturn) throws IOException {
    CartPoleDrawing drawing = new CartPoleDrawing(300, 200);
    List<BufferedImage> frames = new ArrayList<>();
    for (int t = 0; t < observations.size(); t += 2) {
      frames.add(drawing.draw(observations.get(t), "step " + t + " / return " + (int) episodeReturn));
    }
    AnimatedGif.write(file, frames, 40);
  }
}
