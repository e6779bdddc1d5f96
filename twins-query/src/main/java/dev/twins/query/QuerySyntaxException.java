package dev.twins.query;

import java.util.Objects;

/**
 * Query text that does not parse. The message gives the line and column, the offending line with
 * a caret under the offending text, and what was expected there, for example:
 *
 * <pre>
 * line 1, column 27: expected FROM, found 'DIGITALTWINS'
 * SELECT Floor,Cafe, Rel DIGITALTWINS MATCH ...
 *                        ^
 * </pre>
 */
public final class QuerySyntaxException extends QueryException {
  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String found;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param line the line, from 1
   * @param column the column, from 1
   * @param expected what the parser expected there, e.g. {@code "FROM"}
   * @param found the offending text, {@code "end of query"} at the end
   */
  public QuerySyntaxException(String message, int line, int column, String expected, String found) {
    super(message, line, column);
    this.expected = Objects.requireNonNull(expected, "expected");
    this.found = Objects.requireNonNull(found, "found");
  }

  /** @return what the parser expected, e.g. {@code "FROM"} or {@code "an expression"} */
  public String expected() {
    return expected;
  }

  /** @return the offending text, or {@code "end of query"} */
  public String found() {
    return found;
  }
}
