package dev.ruru.data.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.DataFileException;
import dev.ruru.data.idx.Compression;
import dev.ruru.data.idx.IdxType;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.idx.IdxWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLoaderTest {
  @TempDir
  Path root;

  private Path home;
  private Path system;
  private Path explicit;
  private Path ruruData;

  @BeforeEach
  void layout() throws IOException {
    home = Files.createDirectories(root.resolve("home"));
    system = root.resolve("usr-share-datasets-fashion-mnist");
    explicit = root.resolve("explicit");
    ruruData = root.resolve("ruru-data");
  }

  /** The committed real sample, copied as the four standard .gz files into {@code dir}. */
  static Path writeSample(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (MnistFile file : MnistFile.values()) {
      try (InputStream in = resource(file)) {
        Files.copy(in, dir.resolve(file.gzipName()));
      }
    }
    return dir;
  }

  static InputStream resource(MnistFile file) {
    return EmbeddedSample.class.getResourceAsStream("fashion-mnist-sample/" + file.gzipName());
  }

  private MnistLoader loader(Map<String, String> environment) {
    return MnistLoader.of(MnistVariant.FASHION_MNIST).searching(environment, home, List.of(system));
  }

  @Test
  void searchPathFollowsTheDocumentedOrder() {
    MnistLoader loader = loader(Map.of("RURU_DATA", ruruData.toString())).directory(explicit);
    assertEquals(List.of(explicit, ruruData, ruruData.resolve("fashion-mnist"), home.resolve(".ruru/data/fashion-mnist"), system),
        loader.searchPath());
    assertEquals(List.of(home.resolve(".ruru/data/fashion-mnist"), system), loader(Map.of()).searchPath());
  }

  @Test
  void theFirstDirectoryWithAllFilesWins() throws IOException {
    writeSample(home.resolve(".ruru/data/fashion-mnist"));
    writeSample(system);
    MnistData data = loader(Map.of()).load();
    assertEquals(MnistData.Origin.DIRECTORY, data.origin());
    assertEquals("fashion-mnist from " + home.resolve(".ruru/data/fashion-mnist"), data.source());
    writeSample(ruruData.resolve("fashion-mnist"));
    assertEquals(ruruData.resolve("fashion-mnist"), loader(Map.of("RURU_DATA", ruruData.toString())).find().orElseThrow());
    writeSample(explicit);
    assertEquals(explicit, loader(Map.of("RURU_DATA", ruruData.toString())).directory(explicit).find().orElseThrow());
  }

  @Test
  void systemDirectoryIsSearchedLast() throws IOException {
    writeSample(system);
    MnistData data = loader(Map.of()).load();
    assertEquals("fashion-mnist from " + system, data.source());
    assertEquals(5000, data.train().size());
    assertEquals(1000, data.test().size());
  }

  @Test
  void plainFilesLoadLikeCompressedOnes() throws IOException {
    Files.createDirectories(explicit);
    for (MnistFile file : MnistFile.values()) {
      try (InputStream in = new GZIPInputStream(resource(file))) {
        Files.copy(in, explicit.resolve(file.baseName()));
      }
    }
    MnistData plain = loader(Map.of()).directory(explicit).pixels(IdxValues.AS_STORED).load();
    MnistData sample = EmbeddedSample.fashionMnist(IdxValues.AS_STORED);
    assertEquals(sample.train().features(), plain.train().features());
    assertEquals(sample.test().labels(), plain.test().labels());
  }

  @Test
  void missingDatasetListsEveryPlaceSearched() throws IOException {
    Files.createDirectories(explicit);
    Files.copy(resource(MnistFile.TRAIN_LABELS), explicit.resolve(MnistFile.TRAIN_LABELS.gzipName()));
    DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> loader(Map.of()).directory(explicit).load());
    List<String> expected = List.of(
        explicit + " (missing train-images-idx3-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz])",
        "$RURU_DATA (not set)",
        home.resolve(".ruru/data/fashion-mnist") + " (no such directory)",
        system + " (no such directory)");
    assertEquals(expected, e.searched());
    assertEquals("fashion-mnist: no dataset found; looked in:\n  " + String.join("\n  ", expected)
        + "\nput the four files (train-images-idx3-ubyte[.gz], ...) in one of these directories, or download them from "
        + "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/ with: ruru data download fashion-mnist", e.getMessage());
  }

  @Test
  void embeddedSampleIsUsedOnlyWhenAllowedAndSaysSo() throws IOException {
    MnistData data = loader(Map.of()).ifMissing(IfMissing.EMBEDDED_SAMPLE).load();
    assertTrue(data.isEmbeddedSample());
    assertEquals(EmbeddedSample.DESCRIPTION, data.source());
    assertEquals(5000, data.train().size());
    DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
        () -> MnistLoader.of(MnistVariant.MNIST).searching(Map.of(), home, List.of()).ifMissing(IfMissing.EMBEDDED_SAMPLE).load());
    assertTrue(e.searched().contains("embedded sample (only fashion-mnist has one)"), e.searched().toString());
  }

  @Test
  void imageAndLabelCountsMustAgree() throws IOException {
    writeSample(explicit);
    Path labels = explicit.resolve(MnistFile.TEST_LABELS.gzipName());
    IdxWriter.write(labels, NDArray.of(new int[999], 999), IdxType.UBYTE, Compression.GZIP);
    DataFileException e = assertThrows(DataFileException.class, () -> loader(Map.of()).directory(explicit).load());
    assertEquals("fashion-mnist: " + explicit.resolve(MnistFile.TEST_IMAGES.gzipName()) + ": 1000 images but 999 labels in " + labels,
        e.getMessage());
  }

  @Test
  void labelsOutsideTheClassesAreRefused() throws IOException {
    writeSample(explicit);
    Path labels = explicit.resolve(MnistFile.TEST_LABELS.gzipName());
    int[] values = new int[1000];
    values[3] = 10;
    IdxWriter.write(labels, NDArray.of(values, 1000), IdxType.UBYTE, Compression.NONE);
    DataFileException e = assertThrows(DataFileException.class, () -> loader(Map.of()).directory(explicit).load());
    assertEquals("fashion-mnist: " + labels + ": label 10 at index 3 is outside 0..9", e.getMessage());
  }

  @Test
  void imagesMustHaveRankThree() throws IOException {
    writeSample(explicit);
    Path images = explicit.resolve(MnistFile.TEST_IMAGES.gzipName());
    IdxWriter.write(images, NDArray.of(new int[1000 * 784], 1000, 784), IdxType.UBYTE, Compression.GZIP);
    DataFileException e = assertThrows(DataFileException.class, () -> loader(Map.of()).directory(explicit).load());
    assertEquals("fashion-mnist: " + images + ": expected images [n, rows, columns], got shape [1000, 784]", e.getMessage());
  }

  @Test
  void variantsAreFoundByTheirCommandLineNames() {
    assertEquals(MnistVariant.FASHION_MNIST, MnistVariant.fromId("fashion-mnist"));
    assertEquals(MnistVariant.MNIST, MnistVariant.fromId("mnist"));
    assertEquals("unknown dataset 'cifar'; expected mnist or fashion-mnist",
        assertThrows(IllegalArgumentException.class, () -> MnistVariant.fromId("cifar")).getMessage());
    for (MnistVariant variant : MnistVariant.values()) {
      for (MnistFile file : MnistFile.values()) {
        assertTrue(variant.checksum(file).sha256().matches("[0-9a-f]{64}"), variant + " " + file);
      }
    }
  }
}
