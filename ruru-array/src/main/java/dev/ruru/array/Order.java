package dev.ruru.array;

/**
 * Memory layout of a new array: row-major (C, the default; the last index varies fastest) or
 * column-major (F, Fortran's; the first index varies fastest). The course's "memory models".
 */
public enum Order {
  C,
  F
}
