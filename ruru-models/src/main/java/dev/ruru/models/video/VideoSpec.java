package dev.ruru.models.video;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.train.model.ModelJson;
import dev.ruru.train.model.ParameterShape;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The shape of an {@link EncoderForecaster}: the cell ({@code convlstm} or {@code convgru}), the side of the
 * square patches a frame is cut into (Shi et al. cut 64×64 frames into 4×4 patches: 16 channels of 16×16),
 * each layer's hidden channels, the kernel size, the frame size and the input and future frames.
 */
public record VideoSpec(String cell, int patch, List<Integer> hidden, int kernel, int frameSize, int inputFrames, int futureFrames) {
  public static final String CONVLSTM = "convlstm";
  public static final String CONVGRU = "convgru";
  public static final List<String> CELLS = List.of(CONVLSTM, CONVGRU);

  public VideoSpec {
    hidden = List.copyOf(hidden);
    if (!CELLS.contains(cell)) {
      throw new IllegalArgumentException("video model: unknown cell '" + cell + "'; expected one of " + CELLS);
    }
    if (patch < 1 || frameSize % patch != 0) {
      throw new IllegalArgumentException("video model: the patch size " + patch + " must divide the frame size " + frameSize);
    }
    if (hidden.isEmpty() || hidden.stream().anyMatch(width -> width == null || width < 1)) {
      throw new IllegalArgumentException("video model: --hidden must be one or more positive channel counts, got " + hidden);
    }
    if (kernel < 1 || kernel % 2 == 0 || inputFrames < 1 || futureFrames < 1) {
      throw new IllegalArgumentException("video model: the kernel must be odd and the frame counts positive; got kernel " + kernel + ", "
          + inputFrames + " input and " + futureFrames + " future frames");
    }
  }

  /** Shi et al.'s layout at a size a laptop trains: 64×64 frames in 4×4 patches, two layers of 16 channels, 3×3 kernels, 10 in, 10 out. */
  public static VideoSpec defaults(String cell) {
    return new VideoSpec(cell, 4, List.of(16, 16), 3, 64, 10, 10);
  }

  public VideoSpec withHidden(List<Integer> newHidden) {
    return new VideoSpec(cell, patch, newHidden, kernel, frameSize, inputFrames, futureFrames);
  }

  /** Channels of a patched frame: one per pixel of a patch. */
  public int patchChannels() {
    return patch * patch;
  }

  /** The network with weights drawn from {@code rng}. */
  public EncoderForecaster build(SplittableRandom rng) {
    return new EncoderForecaster(this, rng);
  }

  /** Every tensor the network has, by name, for checking a saved file before building anything large. */
  public Stream<ParameterShape> shapes() {
    return build(new SplittableRandom(0)).stateDict().entrySet().stream()
        .map(entry -> ParameterShape.of(entry.getKey(), entry.getValue().dtype(), entry.getValue().shape()));
  }

  /** {@code "convlstm hidden [16, 16] kernel 3 patch 4, 64x64, 10 -> 10 frames"}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s hidden %s kernel %d patch %d, %dx%d, %d -> %d frames", cell, hidden, kernel, patch, frameSize,
        frameSize, inputFrames, futureFrames);
  }

  ObjectNode toJson(ObjectMapper json) {
    ObjectNode node = json.createObjectNode();
    node.put("cell", cell);
    node.put("patch", patch);
    hidden.forEach(node.putArray("hidden")::add);
    node.put("kernel", kernel);
    node.put("frame_size", frameSize);
    node.put("input_frames", inputFrames);
    node.put("future_frames", futureFrames);
    return node;
  }

  static VideoSpec fromJson(ModelJson node) {
    node.checkKeys(List.of("cell", "patch", "hidden", "kernel", "frame_size", "input_frames", "future_frames"), List.of());
    return new VideoSpec(node.text("cell"), node.integer("patch"), node.integers("hidden"), node.integer("kernel"), node.integer("frame_size"),
        node.integer("input_frames"), node.integer("future_frames"));
  }
}
