package dev.ruru.cli;

import dev.ruru.data.text.SamplingSettings;
import dev.ruru.models.gan.GanFiles;
import dev.ruru.models.gan.GanGeneration;
import dev.ruru.models.latent.LatentGeneration;
import dev.ruru.models.latent.LatentModelFiles;
import dev.ruru.models.specvae.SpectrogramVaeFiles;
import dev.ruru.models.text.CharModelFiles;
import dev.ruru.models.text.TextGeneration;
import dev.ruru.models.video.VideoFiles;
import dev.ruru.models.video.VideoRun;
import dev.ruru.models.wavenet.WaveNetFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ruru generate}: samples text from a language model that {@code ruru train --model char-*}
 * saved, or a PNG grid of images from a GAN that {@code ruru train --model gan} saved (dispatched on the
 * saved model's format). The prompt is encoded with the model's own vocabulary (a character it never saw is refused,
 * by name); each new character is drawn from the model's next-character distribution after temperature,
 * top-k and top-p, with a seeded generator, so a seed repeats its text. For a latent-space model
 * ({@code ruru train --model vae} and the autoencoders) it writes a PNG grid of decoded samples instead; for a WaveNet or
 * a spectrogram VAE ({@code ruru train --model wavenet|spec-vae}), WAV files of the asked digit.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Generates text with a character language model (the --out directory of ruru train --model char-lstm|char-gru|char-transformer):",
        "prints the prompt followed by --length sampled characters.",
        "For an autoencoder, VAE or GAN: writes a PNG grid of --samples images to --out (of --class C for a conditional model).",
        "For a video model (convlstm, convgru): writes --out prediction.gif, test clips as input, truth and prediction side by side.",
        "For a WaveNet (ruru train --model wavenet): writes --seconds of the spoken --digit D to the WAV file --out.",
        "For a spectrogram VAE (ruru train --model spec-vae): writes the spoken --digit D to --out, or --samples N clips D-0.wav ... into the"
            + " directory --out."})
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--model-dir", paramLabel = "DIR", required = true, description = "Directory holding model.json and model.safetensors.")
  private Path modelDirectory;

  @Option(names = "--prompt", paramLabel = "TEXT", description = "The text to continue (default: a line break, or the model's first token).")
  private String prompt;

  @Option(names = "--length", paramLabel = "N", defaultValue = "200", description = "Characters to generate, at most 1000000 (default: ${DEFAULT-VALUE}).")
  private int length;

  @Option(names = "--temperature", paramLabel = "T", defaultValue = "1.0",
      description = "Divides the logits: below 1 sharper, above 1 flatter, 0 always the most likely (default: ${DEFAULT-VALUE}).")
  private double temperature;

  @Option(names = "--top-k", paramLabel = "K", defaultValue = "0", description = "Sample among the K most likely only (default: 0, off).")
  private int topK;

  @Option(names = "--top-p", paramLabel = "P", defaultValue = "1.0",
      description = "Sample among the most likely whose probabilities add up to P (default: ${DEFAULT-VALUE}, off).")
  private double topP;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the sampling (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Mixin ImageSamplingOptions images = new ImageSamplingOptions();
  @Mixin AudioSamplingOptions audio = new AudioSamplingOptions();

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (WaveNetFiles.isWaveNet(modelDirectory)) {
      audio.speak(modelDirectory, images.out, temperature, seed, spec.commandLine().getParseResult(), out);
      return 0;
    }
    if (SpectrogramVaeFiles.isSpectrogramVae(modelDirectory)) {
      audio.speakSpectrogram(modelDirectory, images.out, temperature, seed, spec.commandLine().getParseResult(), out);
      return 0;
    }
    AudioSamplingOptions.refuseFor(spec.commandLine().getParseResult(), modelDirectory);
    if (GanFiles.isGan(modelDirectory) || LatentModelFiles.isLatentModel(modelDirectory)) {
      return images(out);
    }
    if (VideoFiles.isVideoModel(modelDirectory)) {
      return video(out);
    }
    for (String imageOnly : ImageSamplingOptions.NAMES) {
      if (spec.commandLine().getParseResult().hasMatchedOption(imageOnly)) {
        throw new IllegalArgumentException(imageOnly + " applies to image models (autoencoders, VAEs, GANs), not the language model in "
            + modelDirectory);
      }
    }
    SamplingSettings settings = new SamplingSettings(temperature, topK, topP);
    TextGeneration.checkLength(length);
    CharModelFiles.Loaded saved = CharModelFiles.load(modelDirectory);
    String start = prompt != null ? prompt : saved.tokenizer().vocabulary().contains("\n") ? "\n" : saved.tokenizer().vocabulary().token(0);
    if (start.isEmpty()) {
      throw new IllegalArgumentException("--prompt is empty; give at least one character (or leave --prompt out)");
    }
    int[] ids = TextGeneration.generate(saved.model(), saved.tokenizer().encodePrompt(start), length, settings, new SplittableRandom(seed));
    out.println(saved.tokenizer().decode(ids));
    out.flush();
    return 0;
  }

  /**
   * A video model's prediction.gif: {@code --samples} test clips (default 4) from clip {@code --seed} on, each as
   * input, truth and prediction side by side, into {@code --out} (default: MODEL-DIR/prediction.gif).
   */
  private int video(PrintWriter out) throws IOException {
    for (String other : new String[] {"--prompt", "--length", "--temperature", "--top-k", "--top-p", "--class"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(other)) {
        throw new IllegalArgumentException(other + " does not apply to the video model in " + modelDirectory);
      }
    }
    int clips = spec.commandLine().getParseResult().hasMatchedOption("--samples") ? images.samples : 4;
    Path file = images.out != null ? images.out : modelDirectory.resolve(VideoRun.GIF);
    out.println(VideoRun.generate(modelDirectory, file, clips, Math.toIntExact(seed)));
    out.flush();
    return 0;
  }

  /** An image model's sample grid (an autoencoder's, a VAE's or a GAN's); the text options are refused by name. */
  private int images(PrintWriter out) throws IOException {
    for (String textOnly : new String[] {"--prompt", "--length", "--temperature", "--top-k", "--top-p"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(textOnly)) {
        throw new IllegalArgumentException(textOnly + " applies to language models, not the image model in " + modelDirectory);
      }
    }
    Path file = images.file(modelDirectory);
    OptionalInt label = images.chosenClass == null ? OptionalInt.empty() : OptionalInt.of(images.chosenClass);
    if (GanFiles.isGan(modelDirectory)) {
      GanGeneration.writeGrid(GanFiles.load(modelDirectory), images.samples, label, seed, file);
      out.println("wrote " + images.samples + " samples to " + file);
    } else {
      out.println(LatentGeneration.write(modelDirectory, images.samples, label, seed, file) + " -> " + file);
    }
    out.flush();
    return 0;
  }
}
