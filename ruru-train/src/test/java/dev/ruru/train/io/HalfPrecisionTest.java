package dev.ruru.train.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.KeyRenaming;
import dev.ruru.nn.Linear;
import dev.ruru.nn.LoadReport;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * float16 and bfloat16 tensors written by torch 1.13 (make_half_precision.py) are widened to float32
 * exactly as torch's {@code .float()} does, and load into a model under renamed PyTorch names.
 */
class HalfPrecisionTest {
  private static Map<String, NDArray> fixture() throws IOException {
    try (InputStream in = HalfPrecisionTest.class.getResourceAsStream("half_precision.safetensors")) {
      return Safetensors.decode(in.readAllBytes(), "half_precision.safetensors").tensors();
    }
  }

  @Test
  void halfAndBrainHalfWidenLikeTorch() throws IOException {
    Map<String, NDArray> tensors = fixture();
    for (String name : List.of("special.f16", "special.bf16", "linear_relu_stack.0.weight", "linear_relu_stack.0.bias")) {
      NDArray widened = tensors.get(name);
      assertEquals(DType.FLOAT32, widened.dtype(), name);
      // Bit for bit: equals compares floats exactly, and -0.0 against 0.0 through the values' bits below.
      assertEquals(tensors.get("expected." + name), widened, name);
    }
    float[] special = tensors.get("special.f16").toFloatArray();
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(special[1]), "negative zero");
    assertEquals(65504f, special[3]);
    assertEquals(Float.NEGATIVE_INFINITY, special[5]);
  }

  @Test
  void pyTorchNamesLoadThroughRenamingRules() throws IOException {
    Map<String, NDArray> tensors = fixture();
    Sequential model = new Sequential(new Flatten(), new Linear(3, 4), new ReLU(), new Linear(4, 2));
    KeyRenaming rules = KeyRenaming.parse("linear_relu_stack.0.* -> 1.*, linear_relu_stack.2.* -> 3.*");
    LoadReport report = model.loadStateDictNonStrict(rules.apply(tensors));
    assertEquals(List.of("1.weight", "1.bias", "3.weight", "3.bias"), report.loaded());
    assertEquals(List.of(), report.missing());
    assertEquals(List.of(), report.mismatched());
    assertEquals(8, report.unexpected().size(), report.unexpected().toString());
    assertEquals(tensors.get("expected.linear_relu_stack.2.weight"), model.parameters().get("3.weight").value());
  }
}
