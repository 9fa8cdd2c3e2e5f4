package dev.ruru.optim;

import dev.ruru.array.NDArray;

/** What a pure update rule returns: the parameter's new value and the rule's new state for it. */
public record ParameterUpdate<S>(NDArray parameter, S state) {}
