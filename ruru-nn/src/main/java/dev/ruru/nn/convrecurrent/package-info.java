/**
 * Convolutional recurrent layers for sequences of images (Shi et al., 2015, "Convolutional LSTM
 * network"): an LSTM or GRU whose states are feature maps [batch, channels, height, width] and whose
 * matrix products are convolutions, so each pixel's state is updated from its neighbourhood. The cells
 * ({@link dev.ruru.nn.convrecurrent.ConvLSTMCell}, {@link dev.ruru.nn.convrecurrent.ConvGRUCell}) are
 * one step; the layers ({@link dev.ruru.nn.convrecurrent.ConvLSTM}, {@link dev.ruru.nn.convrecurrent.ConvGRU})
 * stack cells and run them over [batch, steps, channels, height, width]. Everything is composed from
 * {@link dev.ruru.nn.Conv2d} and elementwise tensor operations, so it needs no derivative of its own.
 */
package dev.ruru.nn.convrecurrent;
