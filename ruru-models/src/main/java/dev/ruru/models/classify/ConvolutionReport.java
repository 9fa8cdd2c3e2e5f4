package dev.ruru.models.classify;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Sequential;
import dev.ruru.train.plot.ConvolutionPictures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The pictures of a convolutional network's first convolution, written beside the run's report:
 * {@code filters.png}, its kernels, and {@code feature_maps.png}, its output for the first test image
 * (the input as the network sees it, then one tile per output channel). See {@link ConvolutionPictures}.
 *
 * <pre>{@code
 * List<Path> written = ConvolutionReport.write(out, network, test.features());   // features [n, 28, 28]
 * }</pre>
 */
public final class ConvolutionReport {
  public static final String FILTERS = "filters.png";
  public static final String FEATURE_MAPS = "feature_maps.png";

  private ConvolutionReport() {}

  /**
   * Writes both pictures of the first {@link Conv2d} in {@code network} (a {@link Sequential}) for
   * {@code testImages [n, rows, columns]}, n ≥ 1; returns the files written.
   */
  public static List<Path> write(Path directory, Layer network, NDArray testImages) throws IOException {
    if (!(network instanceof Sequential layers)) {
      throw new IllegalArgumentException("ConvolutionReport: expected a Sequential network, got " + network);
    }
    if (testImages.rank() != 3 || testImages.dim(0) == 0) {
      throw new IllegalArgumentException("ConvolutionReport: expected test images [n, rows, columns] with n >= 1, got "
          + testImages.shape());
    }
    NDArray image = testImages.slice(0, 0, 1, 1);
    Tensor x = Tensor.constant(image);
    for (Layer layer : layers.layers()) {
      x = layer.forward(x, Mode.EVAL);
      if (layer instanceof Conv2d convolution) {
        Path filters = directory.resolve(FILTERS);
        ConvolutionPictures.writeFilters(filters, convolution.weight().value());
        Path maps = directory.resolve(FEATURE_MAPS);
        NDArray output = x.value();
        ConvolutionPictures.writeFeatureMaps(maps, image.reshape(image.dim(1), image.dim(2)),
            output.reshape(output.dim(1), output.dim(2), output.dim(3)));
        return List.of(filters, maps);
      }
    }
    throw new IllegalArgumentException("ConvolutionReport: the network has no Conv2d layer: " + network);
  }
}
