package dev.ruru.wildcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.nn.*;
import dev.ruru.optim.*;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Users write {@code import dev.ruru.nn.*;} in programs and in JShell; java.lang is imported on demand
 * as well, so any public type of ours that shares a simple name with one of java.lang's (as {@code Module}
 * once did) makes every use of that name ambiguous. This class compiles only while the wildcard works.
 */
class WildcardImportTest {

  @Test
  void layersAndOptimizersResolveThroughWildcardImports() {
    Seed.manualSeed(3);
    Layer model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
    Optimizer optimizer = new Adam(model.parameters(), 0.001);
    assertEquals(4, model.parameters().size());
    assertTrue(optimizer != null);
  }

  @Test
  void noPublicTypeSharesANameWithJavaLang() throws IOException, URISyntaxException {
    List<String> clashes = new ArrayList<>();
    for (Class<?> anchor : List.of(Layer.class, Optimizer.class)) {
      Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path folder = root.resolve(anchor.getPackageName().replace('.', '/'));
      try (Stream<Path> files = Files.list(folder)) {
        files.map(f -> f.getFileName().toString())
            .filter(n -> n.endsWith(".class") && !n.contains("$"))
            .map(n -> n.substring(0, n.length() - ".class".length()))
            .filter(WildcardImportTest::isJavaLangType)
            .forEach(n -> clashes.add(anchor.getPackageName() + "." + n));
      }
    }
    assertEquals(List.of(), clashes, "types that clash with java.lang under a wildcard import");
  }

  private static boolean isJavaLangType(String simpleName) {
    try {
      Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
