package dev.twins.query;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits every query runs under; exceeding one raises {@link QueryLimitException}.
 *
 * <pre>{@code
 * QueryLimits limits = QueryLimits.defaults().withTimeout(Duration.ofSeconds(5)).withMaxRows(10_000);
 * }</pre>
 *
 * @param timeout how long a query may run (ADT: 60 seconds)
 * @param maxRows how many rows a result may hold
 * @param maxHops the most hops of a MATCH edge (ADT: 10); an open range such as {@code *2..} ends here
 * @param maxIntermediateRows how many rows (bindings, groups, traversal steps) a query may build
 *     on the way to its result
 */
public record QueryLimits(Duration timeout, long maxRows, int maxHops, long maxIntermediateRows) {
  private static final QueryLimits DEFAULTS = new QueryLimits(Duration.ofSeconds(60), 1_000_000, 10, 50_000_000);

  /**
   * Checks the limits.
   *
   * @throws IllegalArgumentException if a limit is not positive
   */
  public QueryLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
    if (maxRows < 1) throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
    if (maxHops < 1) throw new IllegalArgumentException("maxHops must be at least 1: " + maxHops);
    if (maxIntermediateRows < 1) {
      throw new IllegalArgumentException("maxIntermediateRows must be at least 1: " + maxIntermediateRows);
    }
  }

  /** @return 60 s, 1,000,000 rows, 10 hops, 50,000,000 intermediate rows */
  public static QueryLimits defaults() {
    return DEFAULTS;
  }

  /**
   * @param timeout the new timeout
   * @return a copy with it
   */
  public QueryLimits withTimeout(Duration timeout) {
    return new QueryLimits(timeout, maxRows, maxHops, maxIntermediateRows);
  }

  /**
   * @param maxRows the new row limit
   * @return a copy with it
   */
  public QueryLimits withMaxRows(long maxRows) {
    return new QueryLimits(timeout, maxRows, maxHops, maxIntermediateRows);
  }

  /**
   * @param maxHops the new hop limit
   * @return a copy with it
   */
  public QueryLimits withMaxHops(int maxHops) {
    return new QueryLimits(timeout, maxRows, maxHops, maxIntermediateRows);
  }

  /**
   * @param maxIntermediateRows the new limit on intermediate rows
   * @return a copy with it
   */
  public QueryLimits withMaxIntermediateRows(long maxIntermediateRows) {
    return new QueryLimits(timeout, maxRows, maxHops, maxIntermediateRows);
  }
}
