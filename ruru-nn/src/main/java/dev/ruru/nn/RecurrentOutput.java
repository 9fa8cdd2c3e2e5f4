package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/**
 * What a recurrent layer returns: the last layer's outputs for every step ([batch, steps, directions·hidden]
 * batch first; 0 at padding) and the final states of every layer and direction.
 */
public record RecurrentOutput(Tensor output, RecurrentState state) {}
