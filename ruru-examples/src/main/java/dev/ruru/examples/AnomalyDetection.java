package dev.ruru.examples;

import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.anomaly.AnomalyModelFiles;
import dev.ruru.models.anomaly.AnomalyPictures;
import dev.ruru.models.anomaly.AnomalyRun;
import dev.ruru.models.anomaly.OneClassEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The course's "anomaly detection": learn what one class of Fashion-MNIST looks like from its images
 * alone, then flag test images of the other nine as anomalies. Four detectors side by side: the
 * reconstruction error of a 32-component PCA (the baseline), Deep SVDD (a network trained by the one
 * Trainer to map the normal images near a centre; the score is the squared distance to it), a dense
 * autoencoder's reconstruction error and a VAE's negative ELBO (how unlikely the image is under the model).
 *
 * <p>What to watch: AUROC (is an anomaly ranked above a normal image?) and the threshold chosen on
 * held-out normal images for 5 % false positives, with the share of anomalies it catches on the test set;
 * {@code extremes.png} shows the most anomalous test images (top row) above the most normal ones.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.AnomalyDetection [normal-class] [network-epochs] [directory]}
 * (default class 0, T-shirts; 10 epochs; {@code runs/anomaly-detection}). It uses the full
 * Fashion-MNIST when installed (Debian's dataset-fashion-mnist), else the embedded sample.
 */
public final class AnomalyDetection {
  private AnomalyDetection() {}

  public static void main(String[] args) throws IOException {
    int normalClass = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path directory = Path.of(args.length > 2 ? args[2] : "runs/anomaly-detection");
    MnistData data = MnistLoader.of(MnistVariant.FASHION_MNIST).ifMissing(IfMissing.EMBEDDED_SAMPLE).load();
    run(data, normalClass, epochs, directory, new PrintWriter(System.out, true));
  }

  /** The fast mode its test uses: the embedded sample, one epoch of each network. */
  static Map<String, OneClassEvaluation> fast(int normalClass, Path directory, PrintWriter out) throws IOException {
    return run(EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT), normalClass, 1, directory, out);
  }

  /** The four detectors on {@code data} with {@code normalClass} normal; pictures into {@code directory/pca}, {@code directory/deep-svdd}, .... */
  static Map<String, OneClassEvaluation> run(MnistData data, int normalClass, int epochs, Path directory, PrintWriter out) throws IOException {
    Map<String, AnomalyRun.Settings> detectors = new LinkedHashMap<>();
    detectors.put(AnomalyModelFiles.PCA, AnomalyRun.Settings.pca(normalClass));
    detectors.put(AnomalyModelFiles.DEEP_SVDD, new AnomalyRun.Settings(AnomalyModelFiles.DEEP_SVDD, normalClass, 32, epochs, 1e-3, 100, 0.05, 0));
    detectors.put(AnomalyModelFiles.AUTOENCODER, new AnomalyRun.Settings(AnomalyModelFiles.AUTOENCODER, normalClass, 16, epochs, 1e-3, 32, 0.05, 0));
    detectors.put(AnomalyModelFiles.VAE, new AnomalyRun.Settings(AnomalyModelFiles.VAE, normalClass, 8, epochs, 1e-3, 32, 0.05, 0));
    out.println("normal class " + normalClass + " (" + data.variant().classNames().get(normalClass) + ") of " + data.source());
    Map<String, OneClassEvaluation> results = new LinkedHashMap<>();
    for (Map.Entry<String, AnomalyRun.Settings> detector : detectors.entrySet()) {
      AnomalyRun.Fitted fitted = AnomalyRun.fit(data.train(), detector.getValue(), null);
      OneClassEvaluation evaluation = OneClassEvaluation.of(fitted.detector(), data.test().features(), data.test().labels(), normalClass,
          fitted.threshold());
      Path pictures = Files.createDirectories(directory.resolve(detector.getKey()));
      AnomalyPictures.write(pictures, evaluation, data.test().features(), fitted.detector().describe());
      out.println(fitted.detector().describe() + ": " + evaluation.describe());
      results.put(detector.getKey(), evaluation);
    }
    out.println("pictures: " + directory.resolve("*/roc.png") + " and " + directory.resolve("*/extremes.png"));
    return results;
  }
}
