/**
 * Automatic differentiation, the course's core idea: a deep net is a differentiable function whose
 * computation graph is walked backwards. {@link dev.ruru.autodiff.Tensor} wraps an array and records
 * the primitive ({@code Rule}) that made it; each primitive defines its kernel, its reverse rule (VJP)
 * and its forward rule (JVP), and everything else is composed from them. {@link dev.ruru.autodiff.Autodiff}
 * has the JAX-style entry points; {@link dev.ruru.autodiff.NumericDiff} and
 * {@link dev.ruru.autodiff.GradCheck} compare them with finite differences.
 */
package dev.ruru.autodiff;
