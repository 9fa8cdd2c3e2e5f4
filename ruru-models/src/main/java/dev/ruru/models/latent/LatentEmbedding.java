package dev.ruru.models.latent;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npy;
import dev.ruru.train.plot.Png;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ruru embed}: the codes of a dataset's images under a saved autoencoder or VAE (a VAE's posterior
 * means), as a float32 {@code .npy} array [n, latent] in the images' order, for NumPy, scikit-learn or a
 * later analysis; also the latent-space picture beside it ({@code FILE.png}: a longer code through its first two
 * principal components).
 *
 * <pre>{@code
 * List<Path> written = LatentEmbedding.write(LatentModelFiles.load(dir), test.features(), test.labels(), Path.of("codes.npy"));
 * }</pre>
 */
public final class LatentEmbedding {
  private LatentEmbedding() {}

  /** Writes the codes of {@code images} [n, H, W] (labels [n]) to {@code npy}, and the picture for a 2-D code; returns the files. */
  public static List<Path> write(LatentModelFiles.Loaded saved, NDArray images, NDArray labels, Path npy) throws IOException {
    LatentSpec spec = saved.spec();
    if (images.rank() != 3 || images.dim(1) != spec.height() || images.dim(2) != spec.width()) {
      throw new IllegalArgumentException("embed: the model takes " + spec.height() + "x" + spec.width() + " images, got " + images.shape());
    }
    NDArray codes = LatentPictures.encode(saved.model(), images, spec.isConditional() ? labels : null);
    Npy.write(npy, codes);
    List<Path> written = new ArrayList<>(List.of(npy));
    if (spec.latent() >= 2) {
      String name = npy.getFileName().toString();
      Path picture = npy.resolveSibling((name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name) + ".png");
      Png.write(picture, CodeScatter.renderCodes("Codes of " + images.dim(0) + " images (" + spec.architecture() + ")", codes, labels,
          saved.classNames()));
      written.add(picture);
    }
    return written;
  }
}
