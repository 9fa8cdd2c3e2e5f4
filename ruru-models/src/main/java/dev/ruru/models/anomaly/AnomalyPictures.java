package dev.ruru.models.anomaly;

import dev.ruru.array.NDArray;
import dev.ruru.models.gan.ImageGrid;
import dev.ruru.train.plot.Png;
import dev.ruru.train.plot.RocPlot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The pictures of a one-class evaluation: the ROC curve, and the most and least anomalous test images. */
public final class AnomalyPictures {
  static final int EXTREMES = 10;

  private AnomalyPictures() {}

  /** Writes {@code roc.png} and, given the scored {@code images} (null for table rows), {@code extremes.png}; returns their paths. */
  public static List<Path> write(Path directory, OneClassEvaluation evaluation, NDArray images, String detector) throws IOException {
    Path roc = directory.resolve("roc.png");
    RocPlot.write(roc, detector + ", normal class " + evaluation.normalClass(), evaluation.scores(), evaluation.anomalous());
    if (images == null) {
      return List.of(roc);
    }
    Path extremes = directory.resolve("extremes.png");
    Png.write(extremes, ImageGrid.render(extremes(evaluation.scores(), images), EXTREMES, 2));
    return List.of(roc, extremes);
  }

  /**
   * The {@value #EXTREMES} most anomalous images (top row, highest score first) above the
   * {@value #EXTREMES} least anomalous (bottom row, lowest first), as [20, rows, columns].
   */
  static NDArray extremes(double[] scores, NDArray images) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, scores.length).boxed().toList());
    order.sort(Comparator.comparingDouble(i -> -scores[i]));
    int count = Math.min(EXTREMES, scores.length);
    long[] picked = new long[2 * count];
    for (int k = 0; k < count; k++) {
      picked[k] = order.get(k);
      picked[count + k] = order.get(order.size() - 1 - k);
    }
    return images.take(NDArray.of(picked, picked.length), 0);
  }
}
