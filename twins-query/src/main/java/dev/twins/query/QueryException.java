package dev.twins.query;

import java.util.OptionalInt;

/**
 * A query that cannot run: it names something the models do not have (a property, relationship,
 * model, alias or function), misuses a clause, lacks a parameter, or exceeds a limit. The root of
 * the exceptions of the query language; {@link QuerySyntaxException} is for text that does not
 * parse, {@link QueryLimitException} for limits.
 *
 * <p>When the query came from text, {@link #line()} and {@link #column()} point at the offending
 * part, and the message shows it with a caret.
 */
public class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  /**
   * Creates an exception without a position (a query built in Java, or a run-time failure).
   *
   * @param message what is wrong
   */
  public QueryException(String message) {
    super(message);
    this.line = 0;
    this.column = 0;
  }

  /**
   * Creates an exception at a position of the query text.
   *
   * @param message the full message, usually with the offending line and a caret
   * @param line the line, from 1
   * @param column the column, from 1
   */
  public QueryException(String message, int line, int column) {
    super(message);
    if (line < 1 || column < 1) throw new IllegalArgumentException("line and column start at 1");
    this.line = line;
    this.column = column;
  }

  /** @return the line of the offending text, from 1; empty without a position */
  public OptionalInt line() {
    return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /** @return the column of the offending text, from 1; empty without a position */
  public OptionalInt column() {
    return column == 0 ? OptionalInt.empty() : OptionalInt.of(column);
  }
}
