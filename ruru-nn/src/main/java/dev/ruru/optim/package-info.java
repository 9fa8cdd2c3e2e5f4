/**
 * Optimisers that turn gradients into parameter updates: {@link dev.ruru.optim.Sgd} (momentum,
 * Nesterov, weight decay), {@link dev.ruru.optim.Adam} (and AdamW, its decoupled weight decay),
 * {@link dev.ruru.optim.RmsProp} and {@link dev.ruru.optim.Adagrad}, each with PyTorch's semantics and
 * defaults. Each update rule is a pure static function documented with its equation and paper; the
 * optimiser objects only hold per-parameter state and parameter groups. Also learning-rate schedules
 * ({@link dev.ruru.optim.LearningRateSchedule}, {@link dev.ruru.optim.ReduceOnPlateau}) and gradient
 * clipping ({@link dev.ruru.optim.GradientClipping}).
 */
package dev.ruru.optim;
