package dev.ruru.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that make a run a fine-tuning run: where the model comes from, what is frozen, the new head and its labels. */
final class FineTuneOptions {
  @Option(names = "--from", paramLabel = "DIR|FILE.onnx", required = true,
      description = "The pretrained model: a directory written by ruru train --out or ruru finetune --out, or an .onnx image"
          + " classifier (its last Gemm becomes the head, the graph before it layer 0 or 1, so '0.*' or '1.*' freezes it).")
  Path from;

  @Option(names = "--freeze", paramLabel = "PATTERN",
      description = "Keep the parameters whose paths match frozen: globs separated by commas, '*' any characters (dots included),"
          + " '?' one; a glob also selects everything under it. '*' freezes the whole pretrained body (the new head still trains);"
          + " '1,4' the CNN's two convolutions. Frozen BatchNorm layers keep their running statistics.")
  String freeze;

  @Option(names = "--head", paramLabel = "C,C",
      description = "Replace the last Linear layer by a new head for these classes of the dataset, relabelled in order:"
          + " 5,6,7,8,9 or 5-9 (default: keep the model's head and classes).")
  String head;

  @Option(names = "--labels-per-class", paramLabel = "N", defaultValue = "0",
      description = "Train on N labelled images per class, drawn with --seed (default: 0, all).")
  int labelsPerClass;

  @Option(names = "--body-lr", paramLabel = "X",
      description = "Learning rate of the layers before the head (default: --lr for all): discriminative learning rates.")
  Double bodyLearningRate;

  /** The classes of --head: a comma-separated list of indices and ranges A-B; empty without --head. */
  List<Integer> headClasses() {
    List<Integer> classes = new ArrayList<>();
    if (head == null) {
      return classes;
    }
    for (String part : head.split(",")) {
      String[] range = part.strip().split("-");
      try {
        int first = Integer.parseInt(range[0].strip());
        int last = range.length == 2 ? Integer.parseInt(range[1].strip()) : first;
        if (range.length > 2 || last < first || first < 0) {
          throw new NumberFormatException(part);
        }
        for (int c = first; c <= last; c++) {
          classes.add(c);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Invalid --head: '" + head + "'; expected class indices and ranges such as 5,6,7 or 5-9", e);
      }
    }
    return classes;
  }
}
