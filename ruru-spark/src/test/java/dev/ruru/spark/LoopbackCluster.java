package dev.ruru.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 made from the test's own class path: a master and workers in
 * their own JVMs, a SPARK_HOME whose {@code jars/} holds every jar the workers' executors need (Spark's,
 * and Ruru's modules packed from their class folders). {@link #close} stops every process it started,
 * executors included.
 */
final class LoopbackCluster implements AutoCloseable {
  private final Path home;
  private final List<Process> processes = new ArrayList<>();
  private final int port;

  LoopbackCluster(int workers) throws IOException, InterruptedException {
    home = Files.createTempDirectory("ruru-spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    String classPath = fillJars(jars);
    port = freePort();
    start(classPath, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0");
    for (int i = 0; i < workers; i++) {
      start(classPath, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port",
          "0", "--work-dir", Files.createDirectories(home.resolve("work" + i)).toString(), master());
    }
  }

  String master() {
    return "spark://127.0.0.1:" + port;
  }

  private void start(String classPath, String main, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
        classPath));
    command.addAll(SparkSession.JVM_OPTIONS);
    command.add(main);
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(home.resolve(main.substring(main.lastIndexOf('.') + 1) + processes.size() + ".log").toFile());
    builder.environment().put("SPARK_HOME", home.toString());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    // Without it the worker's launcher looks for a Spark source build to learn the Scala version.
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    processes.add(builder.start());
  }

  /** Copies or packs every class-path entry into {@code jars}; returns the class path of those jars. */
  private static String fillJars(Path jars) throws IOException {
    List<String> entries = new ArrayList<>();
    int packed = 0;
    for (String entry : classPath()) {
      Path source = Path.of(entry);
      if (Files.isDirectory(source)) {
        Path jar = jars.resolve("ruru-classes-" + packed++ + ".jar");
        pack(source, jar);
        entries.add(jar.toString());
      } else if (entry.endsWith(".jar") && Files.isRegularFile(source)) {
        Path link = jars.resolve(source.getFileName());
        if (!Files.exists(link)) {
          Files.createSymbolicLink(link, source);
        }
        entries.add(link.toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static List<String> classPath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(path.split(File.pathSeparator));
  }

  private static void pack(Path folder, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(folder.relativize(path).toString().replace(File.separatorChar, '/')));
        Files.copy(path, out);
        out.closeEntry();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Every process started, and their children (the executors the workers launched). */
  @Override
  public void close() throws InterruptedException, IOException {
    for (Process process : processes.reversed()) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    for (Process process : processes) {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** The logs of the master and workers, for a failure message. */
  String logs() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> logs = Files.list(home)) {
      for (Path log : (Iterable<Path>) logs.filter(p -> p.toString().endsWith(".log"))::iterator) {
        List<String> lines = Files.readAllLines(log);
        all.append("== ").append(log.getFileName()).append('\n')
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).append('\n');
      }
    }
    return all.toString();
  }
}
