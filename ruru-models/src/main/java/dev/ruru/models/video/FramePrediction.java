package dev.ruru.models.video;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.List;
import java.util.Map;

/**
 * Next-frame prediction as an {@link Objective}: the batch's features are the input frames and its labels
 * the future frames [batch, T, 1, S, S]; the loss is the mean squared error of the {@link EncoderForecaster}'s
 * prediction, minimised by Adam. Every pass reports {@code mse_frame} (the error summed over a frame's
 * pixels, the papers' unit); evaluation adds {@code ssim} and the same two numbers for copying the last input
 * frame ({@code copy_last_mse_frame}, {@code copy_last_ssim}), the baseline a model must beat, and the error
 * of an all-black prediction ({@code black_mse_frame}): on these mostly black frames a blurry model can beat
 * copying by predicting almost nothing, and this says how far below nothing it got.
 *
 * <pre>{@code
 * FramePrediction objective = new FramePrediction(spec.build(rng), 1e-3);
 * Trainer.builder(objective).batchSize(16).build().fit(trainClips, null, 5);
 * }</pre>
 */
public final class FramePrediction implements Objective {
  private final EncoderForecaster model;
  private final Adam adam;

  public FramePrediction(EncoderForecaster model, double learningRate) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("video model: --lr must be positive, got " + learningRate);
    }
    this.model = model;
    this.adam = new Adam(model.parameters(), AdamConfig.adam(learningRate));
  }

  @Override
  public Map<String, Layer> models() {
    return Map.of("model", model);
  }

  @Override
  public List<Phase> phases() {
    return List.of(Phase.of(adam));
  }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    Tensor predicted = model.forward(Tensor.constant(batch.features()), mode);
    Tensor loss = Losses.mse(predicted, Tensor.constant(batch.labels()));
    int pixels = model.spec().frameSize() * model.spec().frameSize();
    Result result = Result.of(loss).with("mse_frame", loss.item() * pixels);
    if (mode == Mode.TRAIN) {
      return result;
    }
    var copied = FrameQuality.copyLastFrame(batch.features(), model.spec().futureFrames());
    return result.with("ssim", FrameQuality.ssim(predicted.value(), batch.labels()))
        .with("copy_last_mse_frame", FrameQuality.msePerFrame(copied, batch.labels()))
        .with("copy_last_ssim", FrameQuality.ssim(copied, batch.labels()))
        .with("black_mse_frame", FrameQuality.msePerFrame(NDArray.zeros(batch.labels().shape(), batch.labels().dtype()), batch.labels()));
  }

  public EncoderForecaster model() {
    return model;
  }
}
