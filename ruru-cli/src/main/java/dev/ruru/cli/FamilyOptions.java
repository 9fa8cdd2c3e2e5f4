package dev.ruru.cli;

import dev.ruru.models.classify.ModelSpec;
import dev.ruru.models.latent.LatentSpec;
import dev.ruru.models.text.CharModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Which options of {@code ruru train} a model family uses, so that an option it does not use is refused by
 * name rather than silently ignored ({@code --steps} for an MLP, {@code --data-dir} for a language model).
 * {@link #EVERY_FAMILY}'s options apply to all; each entry of {@link #FAMILIES} lists the rest.
 *
 * <p>A new family adds one entry: its model names and the groups of options it uses, its own mixin's
 * included, e.g. {@code of(List.of("vae", "gan"), OPTIMISATION, IMAGE_DATA, optionsOf(new LatentOptions()))}.
 * A model no entry names is not checked.
 *
 * @param models the {@code --model} names of the family
 * @param options the option names it uses beyond {@link #EVERY_FAMILY}, longest form ({@code --lr})
 */
record FamilyOptions(List<String> models, Set<String> options) {
  /** Options of every run: what to train, where, how long, with which seed and threads. */
  static final Set<String> EVERY_FAMILY = Set.of("--model", "--out", "--resume", "--epochs", "--seed", "--threads", "--help", "--version");
  /** Options of gradient-descent training with a validation split. */
  static final Set<String> OPTIMISATION = Set.of("--optimizer", "--lr", "--momentum", "--weight-decay", "--batch-size", "--validation-split",
      "--lr-schedule", "--early-stopping", "--clip-norm");
  /** Options of the families trained on MNIST or Fashion-MNIST. */
  static final Set<String> IMAGE_DATA = Set.of("--dataset", "--data-dir");
  /** Options of the character language models. */
  static final Set<String> TEXT = Set.of("--text", "--seq-len", "--embedding", "--layers", "--steps");

  static final List<FamilyOptions> FAMILIES = List.of(
      of(List.of(ModelSpec.MLP), OPTIMISATION, IMAGE_DATA, Set.of("--hidden", "--dropout"), optionsOf(new SparkOptions())),
      of(List.of(ModelSpec.CNN), OPTIMISATION, IMAGE_DATA, Set.of("--hidden", "--dropout", "--channels"), optionsOf(new SparkOptions())),
      of(LatentSpec.ARCHITECTURES, OPTIMISATION, IMAGE_DATA, Set.of("--hidden"), optionsOf(new LatentOptions()), optionsOf(new SparkOptions())),
      // A GAN trains two Adams (lr 2e-4, beta1 0.5) on all training images: no optimiser choice, no validation split.
      of(List.of(GanOptions.MODEL), IMAGE_DATA, Set.of("--batch-size", "--lr", "--latent", "--conditional"), optionsOf(new GanOptions()),
          optionsOf(new SparkOptions())),
      of(List.of(CharModelSpec.LSTM, CharModelSpec.GRU), OPTIMISATION, TEXT, Set.of("--hidden", "--dropout", "--bptt"), optionsOf(new SparkOptions())),
      of(List.of(CharModelSpec.TRANSFORMER), OPTIMISATION, TEXT, Set.of("--hidden", "--dropout", "--heads"), optionsOf(new SparkOptions())),
      // Graph runs train full-graph steps with Adam at the papers' settings: no batches, optimiser choice or split of ours.
      of(GraphOptions.MODELS, Set.of("--hidden", "--dropout", "--lr", "--weight-decay", "--task", "--batch-size"), optionsOf(new GraphOptions())),
      of(List.of(TableOptions.MODEL), OPTIMISATION, Set.of("--hidden", "--dropout"), optionsOf(new TableOptions()), optionsOf(new SparkOptions())),
      // Video models train Adam on generated clips: no optimiser choice, no validation split (the test clips are separate).
      of(VideoOptions.MODELS, IMAGE_DATA, Set.of("--hidden", "--lr", "--batch-size"), optionsOf(new VideoOptions())),
      // The spoken-digit corpus brings its own validation voices: no --validation-split.
      of(AudioOptions.MODELS, Set.of("--optimizer", "--lr", "--momentum", "--weight-decay", "--batch-size", "--lr-schedule", "--early-stopping",
          "--clip-norm", "--data-dir", "--channels", "--hidden", "--dropout"), optionsOf(new AudioOptions())),
      // WaveNet trains Adam on windows of a spoken-digit corpus, which has its own validation voices.
      of(List.of(WaveNetOptions.MODEL), Set.of("--data-dir", "--batch-size", "--lr"), optionsOf(new WaveNetOptions())),
      // The spectrogram VAE: the latent models' code and beta, the audio classifiers' corpus and mel bands.
      of(List.of(SpectrogramVaeOptions.MODEL), Set.copyOf(SpectrogramVaeOptions.OPTIONS)));

  FamilyOptions {
    models = List.copyOf(models);
    options = Set.copyOf(options);
  }

  /** A family of {@code models} using the union of {@code groups}. */
  @SafeVarargs
  static FamilyOptions of(List<String> models, Set<String>... groups) {
    return new FamilyOptions(List.copyOf(models), Arrays.stream(groups).flatMap(Set::stream).collect(Collectors.toSet()));
  }

  /** The option names (longest form) a picocli mixin such as {@code LatentOptions} declares. */
  static Set<String> optionsOf(Object mixin) {
    return CommandSpec.forAnnotatedObject(mixin).options().stream().map(OptionSpec::longestName).collect(Collectors.toSet());
  }

  /**
   * Refuses every option given on {@code parsed}'s command line that {@code model}'s family does not use,
   * naming the models that do use it.
   *
   * @throws IllegalArgumentException naming the first option that does not apply
   */
  static void check(String model, ParseResult parsed) {
    check(model, parsed.matchedOptions().stream().map(OptionSpec::longestName).toList(), FAMILIES);
  }

  static void check(String model, List<String> given, List<FamilyOptions> families) {
    FamilyOptions family = families.stream().filter(candidate -> candidate.models().contains(model)).findFirst().orElse(null);
    if (family == null) {
      return;
    }
    for (String option : new LinkedHashSet<>(given)) {
      if (EVERY_FAMILY.contains(option) || family.options().contains(option)) {
        continue;
      }
      List<String> users = new ArrayList<>(families.stream().filter(other -> other.options().contains(option))
          .flatMap(other -> other.models().stream()).sorted().toList());
      String whose = users.isEmpty() ? "" : " (it is for --model " + String.join(", ", users) + ")";
      throw new IllegalArgumentException(option + " does not apply to --model " + model + whose + "; leave it out");
    }
  }

  /**
   * Refuses, for {@code --resume} of the run in {@code directory}, any of {@code runOptions} that was given:
   * a resumed run takes the settings it started with from its checkpoint, so a new value would be ignored.
   */
  static void refuseOnResume(List<String> runOptions, ParseResult parsed, java.nio.file.Path directory) {
    List<String> given = runOptions.stream().filter(parsed::hasMatchedOption).toList();
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("--resume continues the run in " + directory + " with the settings it started with; leave out "
          + String.join(", ", given) + " (or start a new run without --resume)");
    }
  }

  /** Every {@code --model} name of {@code ruru train}, in the order of {@link #FAMILIES}: a family is known once it has an entry. */
  static List<String> knownModels() {
    return FAMILIES.stream().flatMap(family -> family.models().stream()).toList();
  }

  /** Every option name the families list, for the test that each is a real option (a misspelt name would refuse nothing). */
  static Set<String> allOptions() {
    return Stream.concat(EVERY_FAMILY.stream(), FAMILIES.stream().flatMap(family -> family.options().stream())).collect(Collectors.toSet());
  }
}
