package dev.ruru.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server on 127.0.0.1 and an ephemeral port for download tests: serves files whole, or cuts
 * the connection part-way through (announcing the full length, sending only some bytes, then closing).
 */
public final class LocalMirror implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Integer> cuts = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  public LocalMirror() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serve {@code content} at {@code /name}. */
  public LocalMirror serve(String name, byte[] content) {
    files.put(name, content);
    return this;
  }

  /** Serve {@code /name} announcing its full length but closing the connection after {@code bytes} bytes. */
  public LocalMirror cutAfter(String name, byte[] content, int bytes) {
    files.put(name, content);
    cuts.put(name, bytes);
    return this;
  }

  /** The base URL, ending in {@code /}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  public URI url(String name) {
    return base().resolve(name);
  }

  /** Requests served so far. */
  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String name = exchange.getRequestURI().getPath().substring(1);
    byte[] content = files.get(name);
    if (content == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    Integer cut = cuts.get(name);
    exchange.sendResponseHeaders(200, content.length);
    OutputStream body = exchange.getResponseBody();
    body.write(content, 0, cut == null ? content.length : cut);
    body.flush();
    // Closing with bytes still owed makes the server drop the connection: the client sees it cut.
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
