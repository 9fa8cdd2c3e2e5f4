package dev.ruru.data.download;

import dev.ruru.data.DataFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Downloads one file over HTTP(S), all or nothing, checked against a known SHA-256.
 *
 * <p>The body streams into a temporary file in the target's directory while it is hashed. The file is
 * renamed onto the target (atomically) only if the server answered 200, the body has the announced
 * length and no more than {@code maxBytes}, and the SHA-256 matches. Otherwise the temporary file is
 * deleted and the call fails: a checksum mismatch with a {@link DataFileException} naming the expected
 * and actual digests, a cut connection or HTTP error with an {@link IOException} saying how far it got.
 * An existing target is replaced only by a verified download.
 *
 * <pre>{@code
 * Downloader.withDefaults().fetch(URI.create("https://example.org/train-images-idx3-ubyte.gz"),
 *     dir.resolve("train-images-idx3-ubyte.gz"), "440fcabf…", 9_912_422);
 * }</pre>
 */
public final class Downloader {
  private final HttpClient client;

  /** A downloader using {@code client} (tests pass one; redirects should be followed). */
  public Downloader(HttpClient client) {
    this.client = client;
  }

  /** A downloader with a 30-second connect timeout that follows redirects except HTTPS to HTTP. */
  public static Downloader withDefaults() {
    return new Downloader(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build());
  }

  /**
   * Downloads {@code url} to {@code target}, creating its directory if needed.
   *
   * @param sha256 the expected SHA-256, hex (either case)
   * @param maxBytes the most bytes accepted; a longer body is refused as soon as it exceeds this
   * @return {@code target}
   */
  public Path fetch(URI url, Path target, String sha256, long maxBytes) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".part");
    try {
      String actual = download(url, partial, maxBytes);
      if (!actual.equalsIgnoreCase(sha256)) {
        throw new DataFileException("download", url.toString(), "checksum mismatch: expected sha256 " + sha256.toLowerCase(Locale.ROOT)
            + ", got " + actual + "; the file was removed");
      }
      Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Streams the body of {@code url} into {@code file}, forced to disk; returns its SHA-256 in hex. */
  private String download(URI url, Path file, long maxBytes) throws IOException {
    HttpResponse<InputStream> response = send(url);
    long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    MessageDigest digest = sha256Digest();
    long copied = 0;
    try (InputStream body = response.body();
         FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      if (response.statusCode() != 200) {
        throw new IOException("download: " + url + " answered HTTP " + response.statusCode() + "; nothing was written");
      }
      if (announced > maxBytes) {
        throw new IOException("download: " + url + " announces " + announced + " bytes, more than the " + maxBytes + " expected; nothing was written");
      }
      OutputStream out = Channels.newOutputStream(channel);
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = readSome(body, buffer, url, copied, announced)) > 0; ) {
        copied += n;
        if (copied > maxBytes) {
          throw new IOException("download: " + url + " sent more than the " + maxBytes + " bytes expected; nothing was written");
        }
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      channel.force(true);
    }
    if (announced >= 0 && copied != announced) {
      throw new IOException("download: connection to " + url + " ended after " + copied + " of " + announced
          + " bytes; nothing was written");
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** One read of the body; a failure says how many bytes had arrived, so a cut connection is plain. */
  private static int readSome(InputStream body, byte[] buffer, URI url, long copied, long announced) throws IOException {
    try {
      return body.read(buffer);
    } catch (IOException e) {
      String of = announced >= 0 ? " of " + announced : "";
      throw new IOException("download: connection to " + url + " failed after " + copied + of + " bytes (" + e.getMessage()
          + "); nothing was written", e);
    }
  }

  private HttpResponse<InputStream> send(URI url) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).GET().build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download: interrupted while connecting to " + url, e);
    } catch (IOException e) {
      throw new IOException("download: cannot reach " + url + " (" + e + ")", e);
    }
  }

  /** The SHA-256 of a file, lower-case hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest = sha256Digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest's specification).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
