/**
 * WaveNet (van den Oord et al., 2016): a model of raw audio that predicts each sample from the ones
 * before it. Samples are µ-law companded and quantised to 256 levels ({@link dev.ruru.models.wavenet.MuLaw}),
 * so the next sample is a 256-way softmax; a stack of causal dilated convolutions with gated tanh·sigmoid
 * units and residual and skip connections ({@link dev.ruru.models.wavenet.WaveNet}) sees a receptive field
 * that doubles with each layer; a digit conditions every layer (global conditioning). Trained by the one
 * {@code Trainer} as {@link dev.ruru.models.wavenet.NextSampleObjective}; generated a sample at a time with
 * each layer's past activations kept in queues ({@link dev.ruru.models.wavenet.WaveNetGeneration}, "fast
 * WaveNet", Paine et al. 2016), so a sample costs one step per layer instead of a pass over the receptive field.
 */
package dev.ruru.models.wavenet;
