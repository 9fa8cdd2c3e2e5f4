package dev.ruru.models.anomaly;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.BatchNorm2d;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.Init;
import dev.ruru.nn.Layer;
import dev.ruru.nn.LeakyReLU;
import dev.ruru.nn.Linear;
import dev.ruru.nn.MaxPool2d;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Unflatten;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Deep SVDD (Ruff et al. 2018, "Deep One-Class Classification"): a network φ maps normal data close to a
 * centre c in a code space; the anomaly score is ‖φ(x) − c‖². c is the mean code of the normal training
 * data under the initial weights ({@link #centre}), and is then fixed. Two choices keep the network from
 * the trivial solution of mapping everything onto c: no bias terms anywhere (a bias could output c
 * whatever the input), and batch normalisation without learnt scale and shift (the γ and β of
 * {@link BatchNorm2d} stay 1 and 0: {@link #trainableParameters} leaves them out, which is PyTorch's
 * {@code affine=False}).
 *
 * <p>The network is Ruff's for 28×28 images, code size {@value #CODE}:
 * {@code Unflatten → Conv(8, 5×5, pad 2) → BN → LeakyReLU 0.01 → MaxPool 2 → Conv(4, 5×5, pad 2) → BN →
 * LeakyReLU → MaxPool 2 → Flatten → Linear(196 → 32)}, all without bias. On table rows
 * ({@link #tableNetwork}) it is the multi-layer perceptron of Ruff et al.'s Deep SAD (2020) for tabular
 * data, {@code Linear(features → 32) → LeakyReLU → Linear(32 → 16) → LeakyReLU → Linear(16 → code)}, again
 * without bias, but also without its batch normalisation: a table's last batch can be a single row, whose
 * batch statistics do not exist, and the columns come standardised already.
 *
 * @param network φ, inputs [n, ...input] to codes [n, code]
 * @param centre c [code]
 * @param input the shape of one input: [28, 28] for images, [features] for table rows
 */
public record DeepSvdd(Layer network, NDArray centre, Shape input) implements AnomalyDetector {
  /** The image detector: inputs [n, 28, 28]. */
  public DeepSvdd(Layer network, NDArray centre) {
    this(network, centre, Shape.of(28, 28));
  }

  public static final int CODE = 32;
  /** Ruff's ε: a centre coordinate nearer 0 than this is moved to ±ε, where a zero code is too easy to reach (weights at 0). */
  static final double EPSILON = 0.1;
  private static final int BATCH = 200;
  /** The table network's hidden widths (Ruff et al.'s Deep SAD, for its cardio, satellite and thyroid tables). */
  static final int[] TABLE_HIDDEN = {32, 16};

  /** Ruff's network for 28×28 greyscale images, weights drawn from {@code rng}. */
  public static Layer network(RandomGenerator rng) {
    Init kaiming = Init.kaimingUniform(Math.sqrt(5), Init.FanMode.FAN_IN);
    return new Sequential(new Unflatten(1, 1, 28),
        Conv2d.withoutBias(1, 8, 5, Conv2dSpec.of(1, 2), DType.FLOAT32, rng), new BatchNorm2d(8, 1e-4, 0.1, DType.FLOAT32),
        new LeakyReLU(0.01), new MaxPool2d(2),
        Conv2d.withoutBias(8, 4, 5, Conv2dSpec.of(1, 2), DType.FLOAT32, rng), new BatchNorm2d(4, 1e-4, 0.1, DType.FLOAT32),
        new LeakyReLU(0.01), new MaxPool2d(2), new Flatten(),
        Linear.withoutBias(4 * 7 * 7, CODE, kaiming, DType.FLOAT32, rng));
  }

  /**
   * Ruff's perceptron for table rows of {@code features} standardised columns to codes of {@code code}
   * numbers (Deep SAD's 32-16-code layout for its small tables), weights drawn from {@code rng}.
   */
  public static Layer tableNetwork(int features, int code, RandomGenerator rng) {
    if (features < 1 || code < 1) {
      throw new IllegalArgumentException("DeepSvdd: a table network needs at least one feature and one code number, got " + features
          + " features and code " + code);
    }
    Init kaiming = Init.kaimingUniform(Math.sqrt(5), Init.FanMode.FAN_IN);
    return new Sequential(Linear.withoutBias(features, TABLE_HIDDEN[0], kaiming, DType.FLOAT32, rng), new LeakyReLU(0.01),
        Linear.withoutBias(TABLE_HIDDEN[0], TABLE_HIDDEN[1], kaiming, DType.FLOAT32, rng), new LeakyReLU(0.01),
        Linear.withoutBias(TABLE_HIDDEN[1], code, kaiming, DType.FLOAT32, rng));
  }

  /** The parameters Deep SVDD trains: every weight except batch normalisation's scale and shift. */
  public static Map<String, Parameter> trainableParameters(Layer network) {
    Map<String, Parameter> trainable = new LinkedHashMap<>();
    network.parameters().forEach((name, parameter) -> {
      if (parameter.shape().rank() > 1) {
        trainable.put(name, parameter);
      }
    });
    return trainable;
  }

  /**
   * c: the mean code of {@code normal} inputs [n, ...] under {@code network}'s current weights, in
   * training mode (the batch statistics the training steps will normalise with), coordinates within
   * ε of 0 moved to ±ε. Updates the batch normalisations' running statistics as a pass would.
   */
  public static NDArray centre(Layer network, NDArray normal) {
    NDArray sum = Autodiff.noGrad(() -> {
      NDArray total = null;
      for (int start = 0; start < normal.dim(0); start += BATCH) {
        NDArray rows = normal.slice(0, start, Math.min(start + BATCH, normal.dim(0)), 1);
        NDArray codes = network.forward(Tensor.constant(rows), Mode.TRAIN).value().astype(DType.FLOAT64).sum(0);
        total = total == null ? codes : total.add(codes);
      }
      return total;
    });
    double[] c = sum.div(normal.dim(0)).toDoubleArray();
    for (int i = 0; i < c.length; i++) {
      if (Math.abs(c[i]) < EPSILON) {
        c[i] = c[i] < 0 ? -EPSILON : EPSILON;
      }
    }
    return NDArray.of(c, c.length).astype(DType.FLOAT32);
  }

  /** ‖φ(x) − c‖² per row of codes [n, 32], as a tensor [n] (the objective's per-example loss). */
  static Tensor squaredDistances(Tensor codes, NDArray centre) {
    Tensor difference = codes.sub(Tensor.constant(centre.reshape(1, centre.dim(0))));
    return difference.mul(difference).sum(1, Dims.DROP);
  }

  @Override
  public NDArray scores(NDArray inputs) {
    if (inputs.rank() != input.rank() + 1 || !Shape.of(java.util.Arrays.copyOfRange(inputs.shape().dims(), 1, inputs.rank())).equals(input)) {
      throw new ShapeMismatchException("DeepSvdd: expected inputs [n, " + input.toString().substring(1) + ", got " + inputs.shape()
          + (input.rank() == 1 ? "; give the table's " + input.dim(0) + " feature columns" : "; give 28x28 images"));
    }
    return Autodiff.noGrad(() -> {
      java.util.List<NDArray> parts = new java.util.ArrayList<>();
      for (int start = 0; start < inputs.dim(0); start += BATCH) {
        NDArray rows = inputs.slice(0, start, Math.min(start + BATCH, inputs.dim(0)), 1);
        parts.add(squaredDistances(network.forward(Tensor.constant(rows), Mode.EVAL), centre).value().astype(DType.FLOAT64));
      }
      return NDArray.concatenate(parts, 0);
    });
  }

  @Override
  public String describe() {
    return "Deep SVDD, code " + centre.dim(0);
  }
}
