/**
 * Symbolic differentiation: expressions as trees ({@link dev.ruru.symbolic.Expr}) that are parsed from
 * text, differentiated by the rules of calculus into new trees, simplified into a canonical form,
 * printed with minimal parentheses, evaluated at a point, and turned into tensor functions so that the
 * same function can be differentiated symbolically, in reverse and forward mode, and numerically, and
 * the four answers compared. {@code Expr} and its records are the public surface; the parser, printer,
 * derivative rules and simplifier are package-private, one concern per class.
 */
package dev.ruru.symbolic;
