package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode: walks the recorded graph from the output back to the leaves, in reverse topological
 * order so each node's gradient is complete before it is passed on. Where a value fans out to several
 * uses, the gradients arriving from each use are added. Both the sort and the walk are loops over an
 * explicit stack: a 100,000-step unrolled recurrence cannot overflow the Java stack.
 */
final class ComputationGraph {
  private ComputationGraph() {}

  static Gradients backward(Tensor output, NDArray seed, List<Tensor> leaves, GradientBuffers buffers, Backward... options) {
    List<Backward> chosen = Arrays.asList(options);
    boolean create = chosen.contains(Backward.CREATE_GRAPH);
    boolean retain = create || chosen.contains(Backward.RETAIN_GRAPH);
    NDArray start = seedFor(output, seed);
    if (!output.requiresGrad()) {
      throw new IllegalArgumentException("backward: the output does not depend on any tensor that requires gradients; "
          + "make the inputs with Tensor.variable(...) and do not compute it inside Autodiff.noGrad(...)");
    }
    List<Tensor> order = topologicalOrder(output);
    Set<Tensor> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
    wanted.addAll(leaves);
    Set<Tensor> leading = leadingTo(order, wanted);
    Map<Tensor, Tensor> adjoints = ScopedValue.where(GradMode.RECORDING, create)
        .call(() -> propagate(order, output, Tensor.constant(start), wanted, leading, retain, create ? null : buffers));
    Map<Tensor, Tensor> result = new IdentityHashMap<>();
    for (Tensor leaf : leaves) {
      Tensor gradient = adjoints.get(leaf);
      result.put(leaf, gradient != null ? gradient : leaf.zerosLike());
    }
    return new Gradients(result);
  }

  private static NDArray seedFor(Tensor output, NDArray seed) {
    if (seed == null) {
      if (output.value().size() != 1) {
        throw new IllegalArgumentException("backward: the output has shape " + output.shape()
            + "; a non-scalar output needs a seed gradient of that shape: backward(seed, leaves)");
      }
      return NDArray.ones(output.shape(), output.dtype());
    }
    if (!seed.shape().equals(output.shape())) {
      throw new IllegalArgumentException("backward: the seed gradient has shape " + seed.shape() + " but the output has shape " + output.shape());
    }
    return seed.astype(output.dtype());
  }

  private static Map<Tensor, Tensor> propagate(List<Tensor> order, Tensor output, Tensor seed, Set<Tensor> wanted, Set<Tensor> leading,
                                               boolean retain, GradientBuffers buffers) {
    Map<Tensor, Integer> uses = buffers == null ? Map.of() : uses(order, wanted);
    Map<Tensor, Tensor> adjoints = new IdentityHashMap<>();
    adjoints.put(output, seed);
    for (int k = order.size() - 1; k >= 0; k--) {
      Tensor node = order.get(k);
      Tensor gradient = wanted.contains(node) ? adjoints.get(node) : adjoints.remove(node);
      if (gradient == null || node.rule == null) {
        continue;
      }
      checkVersions(node);
      for (int i = 0; i < node.inputs.length; i++) {
        Tensor input = node.inputs[i];
        if (leading.contains(input)) {
          Tensor contribution = uses.getOrDefault(input, 0) == 1 ? intoBuffer(node, i, gradient, buffers) : null;
          if (contribution == null) {
            contribution = node.rule.vjp(i, gradient, node.inputs, node);
          }
          Anomaly.checkBackward(node.rule, i, contribution.value());
          adjoints.merge(input, contribution, Tensor::add);
        }
      }
      if (!retain) {
        node.inputs = null;
        node.freed = true;
      }
    }
    return adjoints;
  }

  /**
   * The nodes of {@code order} (inputs before their uses) from which a wanted tensor can be reached: only
   * their VJPs are computed. A GAN's generator step backpropagates through the discriminator to the
   * fakes, and the discriminator's weight gradients, which that step does not ask for, were a tenth of it.
   */
  private static Set<Tensor> leadingTo(List<Tensor> order, Set<Tensor> wanted) {
    Set<Tensor> leading = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Tensor node : order) {
      boolean leads = wanted.contains(node);
      for (int i = 0; !leads && node.inputs != null && i < node.inputs.length; i++) {
        leads = leading.contains(node.inputs[i]);
      }
      if (leads) {
        leading.add(node);
      }
    }
    return leading;
  }

  /**
   * How many contributions each wanted tensor will receive. One means the first is its whole gradient,
   * which may then be written into its buffer; with several they are added into a new array.
   */
  private static Map<Tensor, Integer> uses(List<Tensor> order, Set<Tensor> wanted) {
    Map<Tensor, Integer> uses = new IdentityHashMap<>();
    for (Tensor node : order) {
      if (node.inputs != null) {
        for (Tensor input : node.inputs) {
          if (input.requiresGrad() && wanted.contains(input)) {
            uses.merge(input, 1, Integer::sum);
          }
        }
      }
    }
    return uses;
  }

  /** Input i's whole gradient written into its buffer by the rule, or null when the rule cannot or the pass carries tangents. */
  private static Tensor intoBuffer(Tensor node, int i, Tensor gradient, GradientBuffers buffers) {
    if (!Tensor.noTangents(gradient, node) || !Tensor.noTangents(node.inputs)) {
      return null;
    }
    Tensor input = node.inputs[i];
    NDArray written = node.rule.vjpInto(i, gradient, node.inputs, node, () -> buffers.arrayFor(input));
    return written == null ? null : Tensor.constant(written);
  }

  private static void checkVersions(Tensor node) {
    for (int i = 0; i < node.inputs.length; i++) {
      if (node.inputs[i].version != node.inputVersions[i]) {
        throw new IllegalStateException("backward: input " + i + " of " + node.rule.name() + " (shape " + node.inputs[i].shape()
            + ") was modified in place after it was used (version " + node.inputs[i].version + ", saved at version "
            + node.inputVersions[i] + ")");
      }
    }
  }

  /** Post-order of the nodes that need gradients: every node after all of its inputs. */
  static List<Tensor> topologicalOrder(Tensor output) {
    List<Tensor> order = new ArrayList<>();
    Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Tensor> nodes = new ArrayDeque<>();
    Deque<Integer> nextInput = new ArrayDeque<>();
    nodes.push(output);
    nextInput.push(0);
    seen.add(output);
    while (!nodes.isEmpty()) {
      Tensor node = nodes.peek();
      if (node.freed) {
        throw new IllegalStateException("backward: the graph through " + node.rule.name() + " was freed by an earlier backward(); "
            + "pass Backward.RETAIN_GRAPH to the first backward to run a second one");
      }
      int next = nextInput.pop();
      Tensor[] inputs = node.inputs;
      if (inputs != null && next < inputs.length) {
        nextInput.push(next + 1);
        Tensor input = inputs[next];
        if (input.requiresGrad() && seen.add(input)) {
          nodes.push(input);
          nextInput.push(0);
        }
      } else {
        nodes.pop();
        order.add(node);
      }
    }
    return order;
  }
}
