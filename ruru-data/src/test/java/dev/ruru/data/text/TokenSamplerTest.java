package dev.ruru.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {
  private static final double[] LOGITS = {1.2, 1.0, 0.5, -1.0, 0.0, 1.5};

  @Test
  void distributionsMatchHuggingFacesWarpersAsReimplementedInPython() {
    List<String> lines = Fixtures.lines("sampling.txt");
    assertArrayEquals(LOGITS, Arrays.stream(Fixtures.value(lines, "logits").split(" ")).mapToDouble(Double::parseDouble).toArray());
    for (String line : lines.subList(1, lines.size())) {
      String[] sides = line.split(" : ");
      String[] setting = sides[0].split(" ");
      SamplingSettings settings = new SamplingSettings(Double.parseDouble(setting[0]), Integer.parseInt(setting[1]),
          Double.parseDouble(setting[2]));
      double[] expected = Arrays.stream(sides[1].split(" ")).mapToDouble(Double::parseDouble).toArray();
      double[] actual = new TokenSampler(settings).probabilities(LOGITS);
      for (int id = 0; id < expected.length; id++) {
        assertEquals(expected[id], actual[id], 1e-12, settings + ": probability of token " + id);
      }
    }
  }

  @Test
  void greedyTopKOneAndATinyTopPAllPickTheArgmax() {
    double[] logits = {0.3, 2.5, -1.0, 2.4, 0.0};
    for (SamplingSettings settings : List.of(SamplingSettings.greedy(), SamplingSettings.DEFAULT.withTopK(1),
        SamplingSettings.DEFAULT.withTopP(1e-9), new SamplingSettings(3.0, 1, 0.5))) {
      TokenSampler sampler = new TokenSampler(settings);
      RandomGenerator rng = new SplittableRandom(1);
      for (int draw = 0; draw < 200; draw++) {
        assertEquals(1, sampler.sample(logits, rng), settings.toString());
      }
    }
    assertEquals(0, new TokenSampler(SamplingSettings.greedy()).sample(new double[] {2, 2, 1}, new SplittableRandom(1)),
        "ties go to the lowest id");
  }

  @Test
  void lowTemperatureConcentratesTheMass() {
    double cold = new TokenSampler(SamplingSettings.DEFAULT.withTemperature(0.2)).probabilities(LOGITS)[5];
    double plain = new TokenSampler(SamplingSettings.DEFAULT).probabilities(LOGITS)[5];
    double hot = new TokenSampler(SamplingSettings.DEFAULT.withTemperature(5)).probabilities(LOGITS)[5];
    assertTrue(cold > 0.75 && plain > 0.3 && plain < 0.4 && hot < 0.2, "p(argmax) at T = 0.2, 1, 5: " + cold + ", " + plain + ", " + hot);
  }

  @Test
  void theSameSeedGivesTheSameSequence() {
    TokenSampler sampler = new TokenSampler(new SamplingSettings(0.9, 5, 0.95));
    int[] first = draws(sampler, new SplittableRandom(42), 100);
    assertArrayEquals(first, draws(sampler, new SplittableRandom(42), 100));
    assertTrue(!Arrays.equals(first, draws(sampler, new SplittableRandom(43), 100)), "another seed gives another sequence");
  }

  @Test
  void drawFrequenciesMatchTheRenormalisedDistribution() {
    SamplingSettings settings = new SamplingSettings(1.3, 5, 0.9);
    TokenSampler sampler = new TokenSampler(settings);
    double[] expected = sampler.probabilities(LOGITS);
    int n = 200_000;
    long[] counts = new long[LOGITS.length];
    for (int token : draws(sampler, new SplittableRandom(2024), n)) {
      counts[token]++;
    }
    double chiSquare = 0;
    int kept = 0;
    for (int id = 0; id < LOGITS.length; id++) {
      if (expected[id] == 0) {
        assertEquals(0, counts[id], "token " + id + " is outside top-k/top-p but was drawn");
      } else {
        kept++;
        double mean = n * expected[id];
        chiSquare += (counts[id] - mean) * (counts[id] - mean) / mean;
      }
    }
    assertEquals(4, kept, "top-k 5 drops token 3, top-p 0.9 then drops token 4");
    // 3 degrees of freedom: P(chi2 > 30) is about 1.4e-6, so a correct sampler fails this once in ~700,000 seeds,
    // while a probability wrong by 1 % of its value moves chi2 by ~10 per token.
    assertTrue(chiSquare < 30, "chi-square " + chiSquare + " for counts " + Arrays.toString(counts) + " against " + Arrays.toString(expected));
  }

  @Test
  void samplesTheLastRowOfFloatLogits() {
    NDArray logits = NDArray.of(new float[] {9, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 9}, 1, 3, 4); // last row: [0, 0, 0, 9]
    assertEquals(3, new TokenSampler(SamplingSettings.greedy()).sample(logits, new SplittableRandom(0)));
    NDArray row = NDArray.of(new double[] {0, 5, -1});
    assertEquals(1, new TokenSampler(SamplingSettings.greedy()).sample(row, new SplittableRandom(0)));
    NDArray masked = NDArray.of(new double[] {Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY});
    assertEquals(1, new TokenSampler(SamplingSettings.DEFAULT).sample(masked, new SplittableRandom(0)), "-Infinity masks a token");
  }

  @Test
  void aTinyTemperatureDoesNotOverflow() {
    double[] probabilities = new TokenSampler(SamplingSettings.DEFAULT.withTemperature(1e-300)).probabilities(LOGITS);
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1}, probabilities);
  }

  @Test
  void invalidSettingsNameTheFlagAndTheValidRange() {
    assertEquals("temperature must be a finite number >= 0 (0 picks the most likely token), got -0.5",
        message(() -> SamplingSettings.DEFAULT.withTemperature(-0.5)));
    assertEquals("temperature must be a finite number >= 0 (0 picks the most likely token), got NaN",
        message(() -> SamplingSettings.DEFAULT.withTemperature(Double.NaN)));
    assertEquals("top-k must be >= 1 (or 0 to keep every token), got -3", message(() -> SamplingSettings.DEFAULT.withTopK(-3)));
    assertEquals("top-p must be in (0, 1] (1 keeps every token), got 0.0", message(() -> SamplingSettings.DEFAULT.withTopP(0)));
    assertEquals("top-p must be in (0, 1] (1 keeps every token), got 1.5", message(() -> SamplingSettings.DEFAULT.withTopP(1.5)));
  }

  @Test
  void invalidLogitsAreRefused() {
    TokenSampler sampler = new TokenSampler(SamplingSettings.DEFAULT);
    RandomGenerator rng = new SplittableRandom(0);
    assertEquals("TokenSampler: logit 1 is NaN; logits must be finite or -Infinity", message(() -> sampler.sample(new double[] {0, Double.NaN}, rng)));
    assertEquals("TokenSampler: all 2 logits are -Infinity; no token can be chosen",
        message(() -> sampler.sample(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, rng)));
    assertEquals("TokenSampler: logits are empty; expected one per vocabulary token", message(() -> sampler.sample(new double[0], rng)));
    assertEquals("TokenSampler: expected float32 or float64 logits of shape [V] or [..., V], got int64 [3]",
        message(() -> sampler.sample(NDArray.of(new long[] {1, 2, 3}, 3), rng)));
  }

  private static int[] draws(TokenSampler sampler, RandomGenerator rng, int n) {
    int[] tokens = new int[n];
    for (int i = 0; i < n; i++) {
      tokens[i] = sampler.sample(LOGITS, rng);
    }
    return tokens;
  }

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }
}
