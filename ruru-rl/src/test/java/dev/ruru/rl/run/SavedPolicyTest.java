package dev.ruru.rl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Mode;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.train.ResumableRandom;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedPolicyTest {
  @TempDir Path directory;

  @Test void aReluQNetworkReadsBackAsTheSameFunction() throws Exception {
    var env = Environments.make("cartpole");
    ActorCritic network = ActorCritic.qNetwork(env.observationSpace(), env.actionSpace(), new int[] {16, 16}, new ResumableRandom(3));
    new SavedPolicy("cartpole", "dqn", network).write(directory, new int[] {16, 16});
    ActorCritic read = SavedPolicy.read(directory, null).policy();
    assertEquals(ActorCritic.Activation.RELU, read.activation());
    Tensor input = Tensor.constant(NDArray.of(new float[] {0.5f, -1, 0.2f, 2, -0.3f, 0.1f, -0.05f, -1.5f}, 2, 4));
    // Read back as tanh (the activation unrecorded), the same weights would give other Q-values.
    assertEquals(network.logits(input, Mode.EVAL).value(), read.logits(input, Mode.EVAL).value());
  }
}
