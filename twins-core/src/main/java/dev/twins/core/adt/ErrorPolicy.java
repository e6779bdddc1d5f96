package dev.twins.core.adt;

/** What a reader of ADT files does after it reports a bad record to the handler. */
public enum ErrorPolicy {
  /** Reports the error and goes on with the next record, as far as the file can still be read. */
  CONTINUE,
  /** Reports the error, then stops by throwing an {@link AdtFileException} that carries it. */
  STOP
}
