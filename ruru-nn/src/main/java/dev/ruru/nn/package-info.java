/**
 * Neural-network building blocks over the autodiff {@link dev.ruru.autodiff.Tensor}: {@link dev.ruru.nn.Layer}
 * and its named {@link dev.ruru.nn.Parameter}s and {@link dev.ruru.nn.Buffer}s, the layers (Linear, the
 * activations, Dropout, BatchNorm1d, LayerNorm, Flatten, Identity, Sequential; convolution and pooling;
 * sequence layers: Embedding, RNN, LSTM and GRU with their single-step cells, attention, multi-head
 * attention, Transformer encoder and decoder layers, positional encodings), the losses and the seeded
 * initialisers. A layer built without a generator draws from the global one, {@link dev.ruru.nn.Seed}
 * (PyTorch's {@code manual_seed}). Every layer is a thin class over a pure static function in {@link
 * dev.ruru.nn.Functional}, {@link dev.ruru.nn.Normalization} or {@link dev.ruru.nn.Losses}, which is what the
 * tests check against PyTorch and finite differences. Training and evaluation behaviour is chosen by a
 * {@link dev.ruru.nn.Mode} argument, never by a global switch.
 */
package dev.ruru.nn;
