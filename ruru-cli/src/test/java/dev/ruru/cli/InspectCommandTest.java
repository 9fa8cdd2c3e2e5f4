package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Order;
import dev.ruru.array.io.Npy;
import dev.ruru.array.io.Npz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @TempDir Path directory;

  @Test
  void npyFileShowsNameDtypeShapeOrderAndStatistics() throws Exception {
    Path file = directory.resolve("weights.npy");
    Npy.write(file, NDArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));

    CommandRun run = CommandRun.of("inspect", file.toString());

    assertEquals(0, run.exitCode(), run::err);
    assertEquals("", run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals(file + " (npy): 1 array", lines[0]);
    assertTrue(lines[1].strip().matches("name +dtype +shape +order +min +max +mean"), lines[1]);
    // min 1, max 6, mean 21 / 6 = 3.5
    assertTrue(lines[2].strip().matches("weights\\.npy +float32 +\\[2, 3] +C +1\\.0 +6\\.0 +3\\.5"), lines[2]);
  }

  @Test
  void columnMajorArrayIsReportedInFortranOrder() throws Exception {
    Path file = directory.resolve("f.npy");
    Npy.write(file, NDArray.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2).copy(Order.F));

    CommandRun run = CommandRun.of("inspect", file.toString());

    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().strip().split("\n")[2].strip().matches("f\\.npy +float64 +\\[3, 2] +F +1\\.0 +6\\.0 +3\\.5"), run::out);
  }

  @Test
  void npzFileListsEachArrayByNameWithIntegersPrintedExactly() throws Exception {
    Path file = directory.resolve("data.npz");
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    arrays.put("labels", NDArray.of(new long[] {7, -3, 9, 1}, 4));
    arrays.put("empty", NDArray.of(new float[0], 0, 5));
    Npz.write(file, arrays);

    CommandRun run = CommandRun.of("inspect", file.toString());

    assertEquals(0, run.exitCode(), run::err);
    String out = run.out();
    assertTrue(out.startsWith(file + " (npz): 2 arrays\n"), out);
    // min -3, max 9, mean (7 - 3 + 9 + 1) / 4 = 3.5
    assertTrue(out.lines().anyMatch(line -> line.strip().matches("labels +int64 +\\[4] +C +-3 +9 +3\\.5")), out);
    assertTrue(out.lines().anyMatch(line -> line.strip().matches("empty +float32 +\\[0, 5] +C +- +- +-")), out);
  }

  @Test
  void fileWithWrongContentsFailsWithOneLineAndExitCode2() throws Exception {
    Path file = directory.resolve("bad.npy");
    Files.writeString(file, "this is not a numpy file");

    CommandRun run = CommandRun.of("inspect", file.toString());

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("ruru inspect: npy: " + file + ": "), run::err);
    assertEquals(1, run.err().lines().count(), run::err);
    assertTrue(!run.err().contains("Exception") && !run.err().contains("\tat "), run::err);
  }

  @Test
  void missingFileIsNamedAndTheOtherFilesAreStillInspected() throws Exception {
    Path good = directory.resolve("good.npy");
    Npy.write(good, NDArray.of(new int[] {5}, 1));
    Path missing = directory.resolve("missing.npy");

    CommandRun run = CommandRun.of("inspect", missing.toString(), good.toString());

    assertEquals(2, run.exitCode());
    assertEquals("ruru inspect: " + missing + ": no such file\n", run.err());
    assertTrue(run.out().contains("good.npy (npy): 1 array"), run::out);
  }

  @Test
  void fileOfUnknownFormatSaysWhichFormatsAreRead() throws Exception {
    Path file = directory.resolve("notes.txt");
    Files.writeString(file, "hello");

    CommandRun run = CommandRun.of("inspect", file.toString());

    assertEquals(2, run.exitCode());
    assertEquals("ruru inspect: " + file + ": unrecognised file format; expected a .npy, .npz or .safetensors file "
        + "(neither its first bytes nor its extension match)\n", run.err());
  }

  @Test
  void noFileIsAUsageError() {
    CommandRun run = CommandRun.of("inspect");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("Missing required parameter: 'FILE'"), run::err);
  }

  @Test
  void safetensorsFilesSuchAsRurusOwnModelAreRead() throws Exception {
    Path file = directory.resolve("model.safetensors");
    dev.ruru.train.io.Safetensors.write(file, java.util.Map.of("0.weight", dev.ruru.array.NDArray.of(new float[] {1, 2, 3, 6}, 2, 2),
        "0.bias", dev.ruru.array.NDArray.of(new float[] {-1, 1}, 2)), java.util.Map.of("format", "pt"));
    // Recognised by the '{' of its JSON header too, whatever its name.
    Path renamed = java.nio.file.Files.copy(file, directory.resolve("weights.bin"));
    CommandRun run = CommandRun.of("inspect", file.toString(), renamed.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().startsWith(file + " (safetensors): 2 arrays\n"), run::out);
    assertTrue(run.out().contains(renamed + " (safetensors): 2 arrays\n"), run::out);
    assertTrue(run.out().lines().anyMatch(line -> line.strip().matches("0\\.weight +float32 +\\[2, 2] +C +1\\.0 +6\\.0 +3\\.0")), run::out);
    assertTrue(run.out().lines().anyMatch(line -> line.strip().matches("0\\.bias +float32 +\\[2] +C +-1\\.0 +1\\.0 +0\\.0")), run::out);
  }
}
