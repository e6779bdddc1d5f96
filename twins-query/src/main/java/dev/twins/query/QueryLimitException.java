package dev.twins.query;

import java.util.Objects;

/**
 * A query stopped because it exceeded one of its {@link QueryLimits}: it ran too long, returned
 * too many rows, needed too many hops, or built too many intermediate rows. Raised instead of
 * running out of memory or time.
 */
public final class QueryLimitException extends QueryException {
  private static final long serialVersionUID = 1L;

  /** The limits a query can exceed. */
  public enum Limit {
    /** {@link QueryLimits#timeout()}. */
    TIMEOUT,
    /** {@link QueryLimits#maxRows()}. */
    MAX_ROWS,
    /** {@link QueryLimits#maxHops()}. */
    MAX_HOPS,
    /** {@link QueryLimits#maxIntermediateRows()}. */
    MAX_INTERMEDIATE_ROWS
  }

  private final Limit limit;

  /**
   * Creates the exception.
   *
   * @param limit the limit exceeded
   * @param message what was exceeded and how to raise the limit
   */
  public QueryLimitException(Limit limit, String message) {
    super(message);
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  /** @return the limit exceeded */
  public Limit limit() {
    return limit;
  }
}
