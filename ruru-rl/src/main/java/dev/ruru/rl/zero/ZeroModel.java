package dev.ruru.rl.zero;

import dev.ruru.array.NDArray;
import dev.ruru.rl.games.ConnectionGame;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import dev.ruru.train.model.ParameterShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A trained AlphaZero network on disk: {@code model.json} ({@code "format": "ruru-zero"}, the game and
 * the hidden size, the residual blocks) and {@code model.safetensors}, written and read as a sealed pair by
 * {@link ModelDirectory}.
 */
public final class ZeroModel {
  /** The description's format id. */
  public static final String FORMAT_ID = "ruru-zero";
  private static final ModelDirectory.Format FORMAT = new ModelDirectory.Format(FORMAT_ID, "AlphaZero player", "ruru selfplay",
      "; a model directory of ruru selfplay is needed here");

  private ZeroModel() {}

  /** Saves {@code network} into {@code directory}, replacing what was there. */
  public static void save(Path directory, PolicyValueNet network) throws IOException {
    String summary = summary(network.game().name(), network.hidden(), network.blocks());
    String description = String.format(Locale.ROOT, "{%n  \"format\": \"%s\",%n  \"version\": %d,%n  \"game\": \"%s\",%n  \"hidden\": %d,%n"
        + "  \"blocks\": %d,%n  \"summary\": \"%s\",%n  \"weights\": \"%s\"%n}%n", FORMAT_ID, ModelDirectory.SEALED_VERSION, network.game().name(),
        network.hidden(), network.blocks(), summary, ModelDirectory.WEIGHTS);
    ModelDirectory.write(directory, network.stateDict(), summary, description);
  }

  /** Reads the network saved in {@code directory}, checking its description, tensors and seal before loading. */
  public static PolicyValueNet load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, FORMAT);
    ModelJson json = opened.json();
    json.checkKeys(List.of("format", "version", "game", "hidden"), List.of("blocks", "summary", "weights"));
    ModelDirectory.checkKeysForPeople(json);
    // Models saved before the convolutional trunk have no "blocks": they are perceptrons.
    int blocks = json.has("blocks") ? json.integer("blocks") : 0;
    String summary = summary(json.text("game"), json.integer("hidden"), blocks);
    // The initial weights are overwritten at once; any seed will do.
    PolicyValueNet network = opened.rebuild(() -> new PolicyValueNet(ConnectionGame.named(json.text("game")), json.integer("hidden"), blocks,
        new SplittableRandom(0)), summary);
    Map<String, NDArray> state = network.stateDict();
    opened.checkTensors(state.entrySet().stream().map(entry -> ParameterShape.of(entry.getKey(), entry.getValue().dtype(), entry.getValue().shape())),
        summary);
    opened.checkSeal();
    network.loadStateDict(opened.readWeights());
    return network;
  }

  private static String summary(String game, int hidden, int blocks) {
    return blocks == 0 ? "AlphaZero policy-value MLP for " + game + ", hidden " + hidden
        : "AlphaZero policy-value network for " + game + ", " + blocks + " residual blocks of " + hidden + " channels";
  }
}
