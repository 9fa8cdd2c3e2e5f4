package dev.ruru.models.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import java.util.List;

/**
 * The settings of one {@code ruru finetune} run, stored in its checkpoint and metrics.
 *
 * @param from the pretrained model's source
 * @param dataset the dataset's id, e.g. {@code fashion-mnist}
 * @param freeze the path pattern of the parameters kept frozen ({@link dev.ruru.nn.PathPattern}), or empty
 * @param headClasses the dataset's classes a new head predicts, in order (relabelled 0..k−1); empty keeps the model's head and classes
 * @param labelsPerClass labelled training images per class (0: all)
 * @param optimizer the optimiser
 * @param learningRate the head's learning rate (every parameter's, unless {@code bodyLearningRate} is set)
 * @param bodyLearningRate the learning rate of the layers before the head (NaN: the same)
 * @param momentum its momentum (NaN for optimisers without one)
 * @param weightDecay its weight decay
 * @param batchSize examples per step
 * @param validationSplit the share of the training set held out for validation
 * @param seed the seed of the split, the labelled sample, the new head and the shuffles
 * @param controls the learning-rate schedule, early stopping and gradient clipping
 */
public record FineTuneSettings(String from, String dataset, String freeze, List<Integer> headClasses, int labelsPerClass,
    OptimizerChoice optimizer, double learningRate, double bodyLearningRate, double momentum, double weightDecay, int batchSize,
    double validationSplit, long seed, TrainingControls controls) {
  /** The checkpoint metadata key the settings are stored under. */
  public static final String KEY = "ruru.finetune.settings";
  private static final ObjectMapper JSON = new ObjectMapper();

  public FineTuneSettings {
    freeze = freeze == null ? "" : freeze;
    headClasses = List.copyOf(headClasses);
    if (labelsPerClass < 0) {
      throw new IllegalArgumentException("Invalid --labels-per-class: " + labelsPerClass + " (must be >= 1, or 0 for all)");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("Invalid batch size: " + batchSize + " (must be >= 1)");
    }
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException("Invalid validation split: " + validationSplit + " (must be in [0, 1))");
    }
  }

  /** The rate of parameter group 0 (the body's when it has its own), which a schedule scales. */
  public double baseLearningRate() {
    return Double.isNaN(bodyLearningRate) ? learningRate : bodyLearningRate;
  }

  /** {@code "frozen *, new head for classes [5, 6, 7, 8, 9], 10 labels per class"}, for the run's printout. */
  public String describe() {
    String frozen = freeze.isEmpty() ? "nothing frozen" : "frozen " + freeze;
    String head = headClasses.isEmpty() ? "the model's head" : "a new head for classes " + headClasses;
    String labels = labelsPerClass == 0 ? "all labels" : labelsPerClass + " labels per class";
    String body = Double.isNaN(bodyLearningRate) ? "" : ", body lr " + bodyLearningRate;
    return frozen + ", " + head + ", " + labels + body;
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("from", from).put("dataset", dataset).put("freeze", freeze);
    headClasses.forEach(root.putArray("head_classes")::add);
    root.put("labels_per_class", labelsPerClass).put("optimizer", optimizer.id()).put("learning_rate", learningRate);
    if (!Double.isNaN(bodyLearningRate)) {
      root.put("body_learning_rate", bodyLearningRate);
    }
    if (!Double.isNaN(momentum)) {
      root.put("momentum", momentum);
    }
    root.put("weight_decay", weightDecay).put("batch_size", batchSize).put("validation_split", validationSplit).put("seed", seed);
    controls.writeTo(root);
    return root.toString();
  }
}
