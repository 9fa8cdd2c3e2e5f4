package dev.ruru.cli;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.NpyFormatException;
import dev.ruru.onnx.OnnxSummary;
import dev.ruru.onnx.proto.OnnxDecoder;
import dev.ruru.onnx.proto.OnnxFormatException;
import dev.ruru.onnx.proto.OnnxModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ruru inspect FILE...}: for every array in each {@code .npy}, {@code .npz} or {@code .safetensors} file, its name,
 * dtype, shape, memory order and min/max/mean.
 *
 * <p>A file that is missing or malformed gets one line on stderr naming the file and the problem; the
 * other files are still inspected, and the exit code is then 2.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {"Prints name, dtype, shape, order (C/F) and min/max/mean of each array in .npy, .npz and .safetensors files",
        "(a model.safetensors that ruru train wrote, or PyTorch's); for .onnx files, the graph's inputs, outputs and nodes, then the",
        "same table of its initializers."})
final class InspectCommand implements Callable<Integer> {
  private static final String[] HEADER = {"name", "dtype", "shape", "order", "min", "max", "mean"};

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .npy, .npz, .safetensors or .onnx files to inspect.")
  private List<Path> files = List.of();

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int status = 0;
    for (Path file : files) {
      try {
        if (Files.isDirectory(file)) {
          throw new IllegalArgumentException("is a directory, expected a .npy, .npz, .safetensors or .onnx file");
        }
        if (file.toString().endsWith(".onnx")) {
          OnnxModel model = OnnxDecoder.read(file);
          out.println(file + " (onnx)");
          OnnxSummary.lines(model).forEach(out::println);
          print(out, "initializers", summarise(OnnxSummary.initializers(model)));
          continue;
        }
        ArrayFileFormat format = ArrayFileFormat.of(file);
        print(out, file + " (" + format.id() + ")", summarise(format.read(file)));
      } catch (IOException | UncheckedIOException | IllegalArgumentException failure) {
        out.flush();
        err.println("ruru inspect: " + describe(file, failure));
        err.flush();
        status = Ruru.USAGE_ERROR;
      }
    }
    out.flush();
    return status;
  }

  private static List<ArraySummary> summarise(Map<String, NDArray> arrays) {
    List<ArraySummary> summaries = new ArrayList<>();
    for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
      summaries.add(ArraySummary.of(entry.getKey(), entry.getValue()));
    }
    return summaries;
  }

  /**
   * One line saying what went wrong with {@code file}. A format error already names the file, or the
   * archive entry, that failed; the JDK's file exceptions carry only the path, so they are named here.
   */
  private static String describe(Path file, Exception failure) {
    Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
    return switch (cause) {
      case NpyFormatException format -> format.getMessage();
      case OnnxFormatException format -> format.getMessage();
      case dev.ruru.train.io.SafetensorsFormatException format -> format.getMessage();
      case NoSuchFileException missing -> file + ": no such file";
      case AccessDeniedException denied -> file + ": permission denied";
      default -> file + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    };
  }

  /** A header line for the file, then an aligned table with one row per array. */
  private static void print(PrintWriter out, String title, List<ArraySummary> summaries) {
    out.println(title + ": " + summaries.size() + (summaries.size() == 1 ? " array" : " arrays"));
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    summaries.forEach(summary -> rows.add(summary.cells()));
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(" ");
      for (int c = 0; c < row.length; c++) {
        line.append(' ').append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 1));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
