package dev.ruru.models.wavenet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Gradients;
import dev.ruru.data.Batch;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.optim.Sgd;
import dev.ruru.train.objective.Objective;
import dev.ruru.models.wavenet.WaveNetGeneration.Caching;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The network against the same one in PyTorch (make_wavenet_fixture.py), its causality, and cached
 * ("fast WaveNet") generation against recomputed generation.
 */
class WaveNetTest {
  private static final WaveNetSpec SMALL = new WaveNetSpec(4, 6, 3, 2, 3, 8000);

  private static Map<String, NDArray> fixture() throws Exception {
    return Npz.read(Path.of(WaveNetTest.class.getResource("/wavenet/wavenet.npz").toURI()));
  }

  @Test
  void logitsLossAndGradientsMatchPyTorch() throws Exception {
    Map<String, NDArray> f = fixture();
    WaveNet net = new WaveNet(SMALL, DType.FLOAT64, new SplittableRandom(1));
    Map<String, NDArray> state = new LinkedHashMap<>();
    f.forEach((key, value) -> {
      if (key.startsWith("param.")) {
        state.put(key.substring("param.".length()), value);
      }
    });
    net.loadStateDict(state);
    NDArray codes = f.get("codes");
    NDArray logits = net.logits(codes.slice(1, 0, 20, 1), f.get("digits"), Mode.EVAL).value();
    assertTrue(logits.allClose(f.get("logits"), 1e-10, 1e-12), "logits differ from torch");
    NextSampleObjective objective = new NextSampleObjective(net, new Sgd(net.parameters(), 0.1));
    Objective.Result result = objective.compute(new Batch(codes, f.get("digits")), objective.phases().getFirst(), Mode.TRAIN);
    assertEquals(f.get("loss").item(), result.loss().item(), 1e-12);
    List<String> names = List.of("embedding.weight", "layers.1.dilated.weight", "layers.4.condition.weight");
    List<Parameter> parameters = names.stream().map(name -> net.parameters().get(name)).toList();
    Gradients gradients = result.loss().backward(parameters.stream().map(Parameter::tensor).toList());
    for (int i = 0; i < names.size(); i++) {
      assertTrue(gradients.get(parameters.get(i).tensor()).allClose(f.get("grad." + names.get(i)), 1e-9, 1e-12), "gradient of " + names.get(i));
    }
    assertEquals(state.keySet(), net.parameters().keySet(), "PyTorch's names, in its order");
  }

  @Test
  void aPredictionNeverSeesALaterCode() {
    WaveNet net = new WaveNet(SMALL, DType.FLOAT64, new SplittableRandom(2));
    NDArray codes = NDArray.wrap(new SplittableRandom(3).ints(30, 0, 256).toArray(), 1, 30);
    int[] changed = codes.toIntArray();
    for (int t = 12; t < 30; t++) {
      changed[t] = 255 - changed[t];
    }
    NDArray digit = NDArray.wrap(new long[] {1}, 1);
    NDArray before = net.logits(codes, digit, Mode.EVAL).value();
    NDArray after = net.logits(NDArray.wrap(changed, 1, 30), digit, Mode.EVAL).value();
    assertEquals(before.slice(2, 0, 12, 1), after.slice(2, 0, 12, 1));
    assertTrue(!before.slice(2, 12, 13, 1).equals(after.slice(2, 12, 13, 1)), "position 12 sees code 12");
    assertEquals(15, SMALL.receptiveField(), "1 + 2 stacks of dilations 1 + 2 + 4");
  }

  @Test
  void queuesAndRecomputationGiveTheWholeSequencesLogitsStepByStep() {
    WaveNet net = new WaveNet(SMALL, DType.FLOAT64, new SplittableRandom(10));
    NDArray digits = NDArray.wrap(new long[] {1, 2}, 2);
    // 40 steps: past the receptive field (15), so the recomputed windows are cropped and every ring wraps.
    NDArray codes = NDArray.wrap(new SplittableRandom(11).ints(80, 0, 256).toArray(), 2, 40);
    NDArray whole = net.logits(codes, digits, Mode.EVAL).value();
    for (Caching caching : Caching.values()) {
      NDArray stepwise = WaveNetGeneration.stepwiseLogits(net, digits, codes, caching);
      assertTrue(stepwise.allClose(whole, 1e-10, 1e-12), caching + ": largest difference " + stepwise.sub(whole).abs().max().item());
    }
  }

  @Test
  void cachedGenerationDrawsTheSameSamplesAsRecomputedGeneration() {
    WaveNet net = new WaveNet(SMALL, DType.FLOAT64, new SplittableRandom(4));
    NDArray digits = NDArray.wrap(new long[] {0, 2}, 2);
    // 60 samples: past the receptive field (15), so the recomputed windows are cropped and the queues wrap.
    NDArray cached = WaveNetGeneration.generate(net, digits, 60, 1.0, new SplittableRandom(5), Caching.QUEUES);
    NDArray recomputed = WaveNetGeneration.generate(net, digits, 60, 1.0, new SplittableRandom(5), Caching.RECOMPUTE);
    assertEquals(recomputed, cached);
    NDArray other = WaveNetGeneration.generate(net, digits, 60, 1.0, new SplittableRandom(6), Caching.QUEUES);
    assertTrue(!other.equals(cached), "another seed draws other samples");
    NDArray greedy = WaveNetGeneration.generate(net, digits, 20, 0, new SplittableRandom(7), Caching.QUEUES);
    assertEquals(WaveNetGeneration.generate(net, digits, 20, 0, new SplittableRandom(8), Caching.RECOMPUTE), greedy);
  }

  @Test
  void muLawKeepsSilenceAndTheEndsAndRoundTripsWithinALevel() {
    assertEquals(128, MuLaw.encode(0.0));
    assertEquals(255, MuLaw.encode(1.0));
    assertEquals(0, MuLaw.encode(-1.0));
    assertEquals(255, MuLaw.encode(3.0), "clipped");
    NDArray x = NDArray.linspace(-0.99, 0.99, 101);
    NDArray back = MuLaw.decode(MuLaw.encode(x));
    double[] a = x.toDoubleArray(), b = back.toDoubleArray();
    for (int i = 0; i < a.length; i++) {
      // A level near |x| spans (1 + 255|x|)·ln(256)/255/127.5 of the signal.
      double level = (1 + 255 * Math.abs(a[i])) * Math.log(256) / 255 / 127.5;
      assertTrue(Math.abs(a[i] - b[i]) <= level, "x " + a[i] + " came back as " + b[i]);
    }
    assertEquals("mu-law: code 256 is outside 0..255", assertThrows(IllegalArgumentException.class, () -> MuLaw.decode(256)).getMessage());
  }

  @Test
  void digitsOutsideTheModelsClassesAreRefusedBeforeGenerating() {
    WaveNet net = new WaveNet(SMALL, new SplittableRandom(9));
    assertEquals("WaveNet: digit 3 is outside the model's classes 0..2", assertThrows(IllegalArgumentException.class,
        () -> WaveNetGeneration.generate(net, NDArray.wrap(new long[] {3}, 1), 10, 1, new SplittableRandom(1), Caching.QUEUES)).getMessage());
    assertArrayEquals(new int[] {1, 10},
        WaveNetGeneration.generate(net, NDArray.wrap(new long[] {2}, 1), 10, 1, new SplittableRandom(1), Caching.QUEUES).shape().dims());
  }
}
