package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RlCommandTest {
  @TempDir Path directory;

  @Test void trainWritesCheckpointPolicyMetricsCurveAndGifThenEvalPlaysIt() throws Exception {
    Path run = directory.resolve("run");
    CommandRun train = CommandRun.of("rl", "train", "--env", "cartpole", "--steps", "2048", "--seed", "3", "--out", run.toString());
    assertEquals(0, train.exitCode(), train::err);
    assertTrue(train.out().contains("iteration 8/8  steps 2048"), train::out);
    assertTrue(train.out().contains("steps/s"), train::out);
    for (String file : new String[] {"checkpoint.safetensors", "policy.safetensors", "metrics.json", "returns.png", "best-episode.gif"}) {
      assertTrue(Files.isRegularFile(run.resolve(file)), file + " missing");
    }
    JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
    assertEquals(8, metrics.get("iterations").size());
    assertEquals(2048, metrics.get("steps").asLong());
    assertTrue(metrics.get("episodes").size() > 20);
    assertEquals(475.0, metrics.get("solved_threshold").asDouble());
    assertEquals(800, ImageIO.read(run.resolve("returns.png").toFile()).getWidth());
    assertTrue(gifFrames(run.resolve("best-episode.gif")) > 3);

    CommandRun eval = CommandRun.of("rl", "eval", "--model-dir", run.toString(), "--episodes", "3");
    assertEquals(0, eval.exitCode(), eval::err);
    assertTrue(eval.out().contains("on cartpole, 3 greedy episodes: mean return"), eval::out);

    CommandRun resumed = CommandRun.of("rl", "train", "--steps", "2048", "--seed", "3", "--out", run.toString(), "--resume");
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().contains("resuming after iteration 8 (2048 steps)"), resumed::out);
  }

  @Test void aPolicyForAnotherObservationSizeIsRefusedClearly() throws Exception {
    Path run = directory.resolve("small");
    assertEquals(0, CommandRun.of("rl", "train", "--steps", "256", "--out", run.toString()).exitCode());
    CommandRun eval = CommandRun.of("rl", "eval", "--model-dir", run.toString(), "--env", "mountaincar", "--episodes", "1");
    assertEquals(2, eval.exitCode());
    assertEquals("ruru rl eval: SavedPolicy.read: the policy in " + run + " was trained on cartpole (observations of 4 numbers, 2 actions) but MountainCar-v0"
        + " has observations of 2 numbers and 3 actions; evaluate it on cartpole", eval.err().strip());
  }

  @Test void unknownEnvironmentsAndAlgorithmsAndMissingModelsAreUsageErrors() {
    CommandRun env = CommandRun.of("rl", "train", "--env", "pong", "--out", directory.resolve("x").toString());
    assertEquals(2, env.exitCode());
    assertTrue(env.err().contains("unknown environment 'pong'"), env::err);
    CommandRun algo = CommandRun.of("rl", "train", "--algo", "sac", "--out", directory.resolve("y").toString());
    assertEquals(2, algo.exitCode());
    assertTrue(algo.err().startsWith("ruru rl train: Agents.create: unknown algorithm 'sac'; known: [ppo, a2c, dqn, reinforce]"), algo::err);
    CommandRun prioritized = CommandRun.of("rl", "train", "--algo", "ppo", "--prioritized", "--out", directory.resolve("z").toString());
    assertEquals(2, prioritized.exitCode());
    assertTrue(prioritized.err().startsWith("ruru rl train: Agents.create: prioritised replay is DQN's; ppo has no replay buffer"), prioritized::err);
    CommandRun missing = CommandRun.of("rl", "eval", "--model-dir", directory.resolve("none").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("no policy.safetensors in"), missing::err);
  }

  @Test void dqnWithPrioritizedReplayTrainsReportsTheSolveCheckAndItsPolicyEvaluates() throws Exception {
    Path run = directory.resolve("dqn");
    CommandRun train = CommandRun.of("rl", "train", "--algo", "dqn", "--prioritized", "--steps", "1280", "--out", run.toString());
    assertEquals(0, train.exitCode(), train::err);
    assertTrue(train.out().contains("replay=PRIORITIZED, priorityAlpha=0.6, priorityBetaStart=0.4"), train::out);
    JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
    assertTrue(metrics.get("solved").isNull(), "1,280 steps do not solve CartPole: " + metrics.get("solved"));
    CommandRun eval = CommandRun.of("rl", "eval", "--model-dir", run.toString(), "--episodes", "5", "--seed", "1000001");
    assertEquals(0, eval.exitCode(), eval::err);
    assertTrue(eval.out().contains(String.format(java.util.Locale.ROOT, "mean return %.2f", metrics.get("evaluation").get("mean_return").asDouble())),
        () -> eval.out() + " vs " + metrics.get("evaluation"));
  }

  private static int gifFrames(Path file) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      return reader.getNumImages(true);
    }
  }
}
