package dev.ruru.spark;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Connects to a cluster: {@code local[N]} on this machine, {@code spark://HOST:PORT} for a standalone
 * cluster, or whatever master {@code spark-submit} set. Checks first what would otherwise fail deep
 * inside Spark: a JDK it refuses.
 */
public final class SparkSession {
  /** What Spark's launcher gives its JVMs on Java 17 and later; executors need them too. */
  public static final List<String> JVM_OPTIONS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true", "--enable-native-access=ALL-UNNAMED");

  private SparkSession() {}

  /** A context for {@code master} (null: the one spark-submit configured), named {@code appName}. */
  public static JavaSparkContext connect(String master, String appName) {
    checkJava(Runtime.version());
    SparkConf conf = new SparkConf().setAppName(appName).set("spark.ui.showConsoleProgress", "false")
        .setIfMissing("spark.executor.extraJavaOptions", String.join(" ", JVM_OPTIONS));
    if (master != null) {
      conf.setMaster(master);
    }
    if (master != null && master.startsWith("local")) {
      // One machine: keep Spark off the network interfaces and its web UI off a port.
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1").set("spark.ui.enabled", "false");
    } else {
      // Executors elsewhere need Ruru's classes: ship the jar this class came from (ruru.jar), as spark-submit ships an app's.
      jarOfThisClass().ifPresent(jar -> conf.setIfMissing("spark.jars", jar));
    }
    return new JavaSparkContext(conf);
  }

  private static Optional<String> jarOfThisClass() {
    try {
      Path path = Path.of(SparkSession.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return path.toString().endsWith(".jar") ? Optional.of(path.toString()) : Optional.empty();
    } catch (URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * Refuses a JDK that Spark 4.2 cannot run on: anything before 17, and 25.0.0 to 25.0.2, whose G1
   * collector has a defect Spark checks for (it runs from 25.0.3 on).
   */
  static void checkJava(Runtime.Version version) {
    if (version.feature() < 17) {
      throw new IllegalArgumentException("spark: Java " + version + " is too old for Spark 4.2; use JDK 25.0.3 or later");
    }
    if (version.feature() == 25 && version.update() < 3) {
      throw new IllegalArgumentException("spark: Java " + version + " has a G1 defect that Spark 4.2 refuses; use JDK 25.0.3 or later");
    }
  }
}
