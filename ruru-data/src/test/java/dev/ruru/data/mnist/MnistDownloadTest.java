package dev.ruru.data.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.DataFileException;
import dev.ruru.data.download.Downloader;
import dev.ruru.data.download.LocalMirror;
import dev.ruru.data.idx.IdxValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads through {@link MnistLoader} from a local mirror serving the committed sample files. */
class MnistDownloadTest {
  @TempDir
  Path root;

  private LocalMirror mirror;
  private final Map<MnistFile, MnistVariant.Checksum> sampleChecksums = new EnumMap<>(MnistFile.class);

  @BeforeEach
  void start() throws IOException {
    mirror = new LocalMirror();
    Path staging = MnistLoaderTest.writeSample(root.resolve("staging"));
    for (MnistFile file : MnistFile.values()) {
      Path path = staging.resolve(file.gzipName());
      mirror.serve(file.gzipName(), Files.readAllBytes(path));
      sampleChecksums.put(file, new MnistVariant.Checksum(Downloader.sha256(path), Files.size(path)));
    }
  }

  @AfterEach
  void stop() {
    mirror.close();
  }

  private MnistLoader loader() {
    return MnistLoader.of(MnistVariant.FASHION_MNIST)
        .searching(Map.of("RURU_DATA", root.resolve("data").toString()), root.resolve("home"), List.of())
        .mirror(mirror.base())
        .downloader(Downloader.withDefaults())
        .ifMissing(IfMissing.DOWNLOAD);
  }

  @Test
  void missingDatasetIsDownloadedVerifiedAndThenFoundOnDisk() throws IOException {
    Path target = root.resolve("data/fashion-mnist");
    MnistData data = loader().expecting(sampleChecksums).load();
    assertEquals(MnistData.Origin.DOWNLOAD, data.origin());
    assertEquals("fashion-mnist downloaded from " + mirror.base() + " to " + target, data.source());
    assertEquals(EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).train().features(), data.train().features());
    assertEquals(4, mirror.requests());
    MnistData again = loader().expecting(sampleChecksums).load();
    assertEquals(MnistData.Origin.DIRECTORY, again.origin());
    assertEquals(4, mirror.requests(), "found on disk: nothing downloaded twice");
  }

  @Test
  void verifiedFilesAlreadyPresentAreKept() throws IOException {
    Path target = root.resolve("data/fashion-mnist");
    MnistLoaderTest.writeSample(target);
    Files.delete(target.resolve(MnistFile.TEST_LABELS.gzipName()));
    assertEquals(target, loader().expecting(sampleChecksums).download());
    assertEquals(1, mirror.requests(), "only the missing file is fetched");
  }

  @Test
  void filesThatDoNotMatchTheCanonicalChecksumsAreRefusedAndRemoved() throws IOException {
    // The sample files are not the canonical ones, so the built-in SHA-256 values must reject them.
    DataFileException e = assertThrows(DataFileException.class, () -> loader().load());
    assertTrue(e.getMessage().startsWith("download: " + mirror.url(MnistFile.TRAIN_IMAGES.gzipName())
        + ": checksum mismatch: expected sha256 3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84, got "), e.getMessage());
    Path target = root.resolve("data/fashion-mnist");
    try (Stream<Path> files = Files.list(target)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void cutConnectionLeavesNoFile() throws IOException {
    byte[] labels;
    try (InputStream in = MnistLoaderTest.resource(MnistFile.TRAIN_LABELS)) {
      labels = in.readAllBytes();
    }
    mirror.cutAfter(MnistFile.TRAIN_LABELS.gzipName(), labels, 100);
    IOException e = assertThrows(IOException.class, () -> loader().expecting(sampleChecksums).load());
    assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
    assertTrue(Files.notExists(root.resolve("data/fashion-mnist").resolve(MnistFile.TRAIN_LABELS.gzipName())));
  }
}
