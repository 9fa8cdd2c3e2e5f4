package dev.ruru.rl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.NDArray;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.env.Env;
import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.io.Safetensors;
import dev.ruru.train.io.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A trained policy in a directory: {@code policy.safetensors} holds the actor's and the critic's weights
 * ({@code actor.*}, {@code critic.*}) and, in its metadata under {@code ruru.rl}, what they were trained on:
 * the environment, the algorithm, the observation size, the number of actions, the hidden widths and
 * their activation.
 *
 * @param environment the environment's short name ({@code cartpole})
 * @param algorithm the algorithm's name ({@code ppo})
 * @param policy the networks
 */
public record SavedPolicy(String environment, String algorithm, ActorCritic policy) {
  public static final String FILE = "policy.safetensors";
  private static final String KEY = "ruru.rl";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes the policy into {@code directory} (created if needed). */
  public void write(Path directory, int[] hidden) throws IOException {
    Files.createDirectories(directory);
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    policy.actor().stateDict().forEach((name, value) -> tensors.put("actor." + name, value));
    policy.critic().stateDict().forEach((name, value) -> tensors.put("critic." + name, value));
    ObjectNode description = JSON.createObjectNode().put("environment", environment).put("algorithm", algorithm)
        .put("observation_size", policy.inputSize()).put("actions", policy.actionCount())
        .put("activation", policy.activation().name().toLowerCase(Locale.ROOT));
    hiddenNode(description, hidden);
    Safetensors.write(directory.resolve(FILE), tensors, Map.of(KEY, description.toString()));
  }

  private static void hiddenNode(ObjectNode description, int[] hidden) {
    var array = description.putArray("hidden");
    for (int h : hidden) {
      array.add(h);
    }
  }

  /**
   * Reads a policy from {@code directory}, for {@code environment} (null: the one it was trained on).
   *
   * @throws IllegalArgumentException when the directory holds no policy, or the environment's observations
   *     or actions do not fit the networks
   */
  public static SavedPolicy read(Path directory, String environment) throws IOException {
    Path file = directory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("SavedPolicy.read: no " + FILE + " in " + directory + "; train one with: ruru rl train --out " + directory);
    }
    SafetensorsFile saved = Safetensors.read(file);
    String text = saved.metadata().get(KEY);
    if (text == null) {
      throw new IllegalArgumentException("SavedPolicy.read: " + file + " has no '" + KEY + "' description; it was not written by ruru rl train");
    }
    JsonNode description = JSON.readTree(text);
    String trainedOn = description.get("environment").asText();
    String name = environment == null ? trainedOn : environment;
    Env env = Environments.make(name);
    int observationSize = description.get("observation_size").asInt();
    if (ActorCritic.inputSize(env.observationSpace()) != observationSize || env.actionSpace().n() != description.get("actions").asInt()) {
      throw new IllegalArgumentException("SavedPolicy.read: the policy in " + directory + " was trained on " + trainedOn + " (observations of "
          + observationSize + " numbers, " + description.get("actions").asInt() + " actions) but " + env.id() + " has observations of "
          + ActorCritic.inputSize(env.observationSpace()) + " numbers and " + env.actionSpace().n() + " actions; evaluate it on " + trainedOn);
    }
    int[] hidden = JSON.treeToValue(description.get("hidden"), int[].class);
    // Policies saved before the activation was recorded are all tanh.
    ActorCritic.Activation activation = ActorCritic.Activation.valueOf(description.path("activation").asText("tanh").toUpperCase(Locale.ROOT));
    ActorCritic policy = new ActorCritic(env.observationSpace(), env.actionSpace(), hidden, activation, new ResumableRandom(0));
    policy.actor().loadStateDict(part(saved.tensors(), "actor."));
    policy.critic().loadStateDict(part(saved.tensors(), "critic."));
    return new SavedPolicy(name, description.get("algorithm").asText(), policy);
  }

  private static Map<String, NDArray> part(Map<String, NDArray> tensors, String prefix) {
    Map<String, NDArray> part = new LinkedHashMap<>();
    tensors.forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        part.put(name.substring(prefix.length()), value);
      }
    });
    return part;
  }
}
