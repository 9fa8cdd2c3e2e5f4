package dev.ruru.array;

/** Whether a reduction keeps the reduced axes with extent 1 ({@code keepdims=True}) or drops them. */
public enum Dims {
  KEEP,
  DROP
}
