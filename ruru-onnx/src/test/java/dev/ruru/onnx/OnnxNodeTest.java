package dev.ruru.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Mode;
import dev.ruru.onnx.proto.ElementType;
import dev.ruru.onnx.proto.OnnxDecoder;
import dev.ruru.onnx.proto.OnnxTensor;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxNode;
import dev.ruru.onnx.proto.OnnxValueInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The official ONNX node tests (Debian's libonnx-testdata: one model of one node, with inputs and the
 * expected outputs) for every test whose operators Ruru runs. Tests that exercise settings Ruru refuses
 * are listed with the reason in node-test-exclusions.txt; a refusal there must be a clear error (or, for the
 * few marked "mismatch:", a known wrong value), and a listed test that starts passing fails here so the list stays honest. Skipped, with a message, when the
 * package is not installed ({@code apt-get install libonnx-testdata}).
 */
class OnnxNodeTest {
  static final Path NODE_TESTS = Path.of("/usr/share/libonnx-testdata/data/node");

  @TestFactory
  Stream<DynamicTest> supportedNodeTestsGiveTheExpectedOutputs() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(NODE_TESTS),
        "ONNX node tests skipped: " + NODE_TESTS + " is missing; apt-get install libonnx-testdata to run them");
    Map<String, String> exclusions = exclusions();
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> directories = Files.list(NODE_TESTS).sorted()) {
      for (Path directory : directories.toList()) {
        OnnxModel model = OnnxDecoder.read(directory.resolve("model.onnx"));
        if (model.graph().nodes().stream().allMatch(node -> Operators.find(node.domain(), node.opType()) != null)) {
          String name = directory.getFileName().toString();
          tests.add(DynamicTest.dynamicTest(name, () -> check(name, directory, model, exclusions.get(name))));
        }
      }
    }
    return tests.stream();
  }

  @Test
  void theExclusionsNameOnlyExistingTestsOfSupportedOperators() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(NODE_TESTS), "ONNX node tests skipped: libonnx-testdata is not installed");
    for (String name : exclusions().keySet()) {
      Path model = NODE_TESTS.resolve(name).resolve("model.onnx");
      assertTrue(Files.exists(model), "node-test-exclusions.txt names " + name + ", which libonnx-testdata does not have");
    }
  }

  private static void check(String name, Path directory, OnnxModel model, String exclusion) throws IOException {
    try {
      runAndCompare(directory, model);
    } catch (AssertionError | RuntimeException e) {
      if (exclusion == null) {
        throw new AssertionError(name + ": " + e.getMessage(), e);
      }
      // A known wrong result is marked "mismatch:"; every other exclusion must be a clear refusal.
      boolean expected = e instanceof IllegalArgumentException || exclusion.startsWith("mismatch:") && e instanceof AssertionError;
      assertTrue(expected, name + ": an excluded test (" + exclusion + ") must fail with a clear error, got " + e);
      return;
    }
    if (exclusion != null) {
      fail(name + " is listed in node-test-exclusions.txt (" + exclusion + ") but passes now: remove it from the list");
    }
  }

  private static void runAndCompare(Path directory, OnnxModel model) throws IOException {
    OnnxLayer layer = OnnxImport.of(model);
    Path data = directory.resolve("test_data_set_0");
    Map<String, Tensor> feeds = new LinkedHashMap<>();
    List<OnnxValueInfo> inputs = layer.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      Path file = data.resolve("input_" + i + ".pb");
      feeds.put(inputs.get(i).name(), Tensor.constant(read(file, inputs.get(i))));
    }
    // Recording gradients and not (inference, where kernels keep nothing for backward and take their fast paths).
    compare(data, model, layer, layer.run(feeds, Mode.EVAL), "");
    compare(data, model, layer, Autodiff.noGrad(() -> layer.run(feeds, Mode.EVAL)), " (inference)");
  }

  private static void compare(Path data, OnnxModel model, OnnxLayer layer, Map<String, Tensor> outputs, String how) throws IOException {
    List<String> names = layer.outputNames();
    for (int i = 0; i < names.size(); i++) {
      Path file = data.resolve("output_" + i + ".pb");
      NDArray expected = read(file, model.graph().outputs().get(i));
      Tensor actual = outputs.get(names.get(i));
      assertTrue(actual != null, "output " + names.get(i) + " was not computed" + how);
      assertClose(expected, actual.value(), names.get(i) + how);
    }
  }

  /** A test-data tensor; bfloat16 values are stored there as uint16 bit patterns, so those are converted. */
  private static NDArray read(Path file, OnnxValueInfo declared) throws IOException {
    OnnxTensor tensor = OnnxDecoder.decodeTensor(Files.readAllBytes(file), file.toString());
    if (declared.elementType() != ElementType.BFLOAT16 || tensor.elementType() != ElementType.UINT16) {
      return tensor.value();
    }
    int[] bits = tensor.value().toIntArray();
    float[] values = new float[bits.length];
    for (int i = 0; i < bits.length; i++) {
      values[i] = Float.intBitsToFloat(bits[i] << 16);
    }
    return NDArray.of(values, values.length).reshape(tensor.value().shape());
  }

  /** ONNX's backend tests compare with rtol 1e-3 and atol 1e-7; integers and booleans must be equal. */
  private static void assertClose(NDArray expected, NDArray actual, String name) {
    assertEquals(expected.shape(), actual.shape(), "shape of output " + name);
    NDArray e = expected.astype(DType.FLOAT64);
    NDArray a = actual.astype(DType.FLOAT64);
    double[] ev = e.toDoubleArray();
    double[] av = a.toDoubleArray();
    for (int i = 0; i < ev.length; i++) {
      boolean same = Double.isNaN(ev[i]) ? Double.isNaN(av[i]) : Math.abs(av[i] - ev[i]) <= 1e-7 + 1e-3 * Math.abs(ev[i]) || av[i] == ev[i];
      assertTrue(same, "output " + name + " element " + i + ": expected " + ev[i] + ", got " + av[i]);
    }
  }

  private static Map<String, String> exclusions() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = OnnxNodeTest.class.getResourceAsStream("node-test-exclusions.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          String[] parts = trimmed.split("\\s+", 2);
          out.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
      }
    }
    return out;
  }

  static boolean supported(OnnxNode node) {
    return Operators.find(node.domain(), node.opType()) != null;
  }
}
