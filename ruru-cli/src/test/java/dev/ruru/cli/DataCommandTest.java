package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ruru.data.download.Downloader;
import dev.ruru.data.mnist.MnistFile;
import dev.ruru.data.mnist.MnistVariant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ruru data download against a local server serving the embedded sample's four files (no network here). */
class DataCommandTest {
  @TempDir Path directory;
  private HttpServer server;
  private final Map<String, byte[]> served = new java.util.HashMap<>();
  private final Map<MnistFile, MnistVariant.Checksum> checksums = new EnumMap<>(MnistFile.class);
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach void serveTheSample() throws IOException {
    for (MnistFile file : MnistFile.values()) {
      try (InputStream in = getClass().getResourceAsStream("/dev/ruru/data/mnist/fashion-mnist-sample/" + file.gzipName())) {
        byte[] bytes = in.readAllBytes();
        served.put("/" + file.gzipName(), bytes);
        Path copy = Files.write(directory.resolve("staged-" + file.gzipName()), bytes);
        checksums.put(file, new MnistVariant.Checksum(Downloader.sha256(copy), bytes.length));
      }
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = served.get(exchange.getRequestURI().getPath());
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (body != null) {
          out.write(body);
        }
      }
    });
    server.start();
  }

  @AfterEach void stop() {
    server.stop(0);
  }

  private CommandRun download(String... args) {
    URI mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    CommandLine commandLine = Ruru.commandLine();
    DataCommand.Download command = commandLine.getSubcommands().get("data").getSubcommands().get("download").getCommand();
    command.loaderSetup = loader -> loader.mirror(mirror).expecting(checksums);
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    commandLine.setOut(new java.io.PrintWriter(out, true));
    commandLine.setErr(new java.io.PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  @Test void downloadsTheFourVerifiedFilesWhereTrainingFindsThem() throws Exception {
    Path target = directory.resolve("data");
    CommandRun run = download("data", "download", "fashion-mnist", "--dir", target.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertEquals(4, requests.get());
    for (MnistFile file : MnistFile.values()) {
      assertTrue(Files.isRegularFile(target.resolve(file.gzipName())), file.gzipName());
    }
    assertTrue(run.out().endsWith("next: ruru train --dataset fashion-mnist --data-dir " + target + "\n"), run::out);
    // The files load: train reads them from the directory named, nowhere else.
    CommandRun train = CommandRun.of("train", "--data-dir", target.toString(), "--epochs", "1", "--out", directory.resolve("run").toString());
    assertEquals(0, train.exitCode(), train::err);
    assertTrue(train.out().contains("data: fashion-mnist from " + target), train::out);
    assertEquals(0, download("data", "download", "fashion-mnist", "--dir", target.toString()).exitCode());
    assertEquals(4, requests.get(), "files already there and intact are kept");
  }

  @Test void aFileThatFailsItsChecksumIsRefusedAndNotKept() {
    served.put("/" + MnistFile.TEST_LABELS.gzipName(), new byte[] {1, 2, 3});
    Path target = directory.resolve("bad");
    CommandRun run = download("data", "download", "fashion-mnist", "--dir", target.toString());
    assertEquals(2, run.exitCode(), run::out);
    assertTrue(run.err().startsWith("ruru data download: "), run::err);
    assertFalse(Files.exists(target.resolve(MnistFile.TEST_LABELS.gzipName())));
  }

  @Test void anUnknownDatasetNamesTheChoices() {
    CommandRun run = download("data", "download", "cifar");
    assertEquals("ruru data download: unknown dataset 'cifar'; expected mnist or fashion-mnist\n", run.err());
  }
}
