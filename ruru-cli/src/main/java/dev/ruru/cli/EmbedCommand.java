package dev.ruru.cli;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.latent.LatentEmbedding;
import dev.ruru.models.latent.LatentModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ruru embed}: the codes of a dataset's images under a saved autoencoder or VAE, as a {@code .npy}
 * array, and the latent-space picture beside it (longer codes through their first two principal components) ({@link LatentEmbedding}).
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = {"Writes the codes of a dataset's images under a saved autoencoder or VAE (ruru train --model vae ...) as FILE.npy [n, latent],",
        "and the latent-space picture FILE.png (codes longer than 2 through their first two principal components)."})
final class EmbedCommand implements Callable<Integer> {
  @Option(names = "--model-dir", paramLabel = "DIR", required = true, description = "Directory holding model.json and model.safetensors.")
  private Path modelDirectory;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Look here first for the four IDX files (then $RURU_DATA, ~/.ruru/data/NAME, system directories).")
  private Path dataDirectory;

  @Option(names = "--split", paramLabel = "NAME", defaultValue = "test", description = "test (default) or train.")
  private String split;

  @Option(names = "--out", paramLabel = "FILE.npy", required = true, description = "Where to write the codes.")
  private Path output;

  @Spec private CommandSpec spec;

  /** Adjusts the dataset loader before use; tests restrict its search path so that the embedded sample is used. */
  UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!split.equals("test") && !split.equals("train")) {
      throw new IllegalArgumentException("Invalid --split: '" + split + "'; expected test or train");
    }
    if (!LatentModelFiles.isLatentModel(modelDirectory)) {
      throw new IllegalArgumentException("embed: " + modelDirectory + " holds no autoencoder or VAE (ruru train --model autoencoder|vae|... writes one)");
    }
    LatentModelFiles.Loaded saved = LatentModelFiles.load(modelDirectory);
    String datasetId = saved.notes().getOrDefault("dataset", MnistVariant.FASHION_MNIST.id());
    MnistLoader loader = MnistLoader.of(MnistVariant.fromId(datasetId)).ifMissing(IfMissing.EMBEDDED_SAMPLE);
    MnistData data = loaderSetup.apply(dataDirectory == null ? loader : loader.directory(dataDirectory)).load();
    out.println("model: " + saved.spec().describe() + " from " + modelDirectory);
    out.println("data: " + data.source() + (data.isEmbeddedSample() ? " (no full dataset found; see --data-dir)" : ""));
    ArrayDataset images = split.equals("test") ? data.test() : data.train();
    List<Path> written = LatentEmbedding.write(saved, images.features(), images.labels(), output);
    out.println("codes of " + images.size() + " " + split + " images, [" + images.size() + ", " + saved.spec().latent() + "] float32:");
    written.forEach(path -> out.println("  " + path));
    out.flush();
    return 0;
  }
}
