package dev.twins.query.internal;

import dev.twins.core.graph.Twins;
import dev.twins.query.QueryLimitException;
import dev.twins.query.QueryLimitException.Limit;
import dev.twins.query.QueryLimits;
import java.time.Instant;
import java.util.Map;

/** The state of one execution: graph, parameters, the time it started, limits and counters. */
public final class Run {
  final Twins twins;
  final Map<String, Object> params;
  final Instant now;
  final QueryLimits limits;
  private final long deadline;
  private long work;
  /** The accumulated aggregate values of the group being projected, by aggregate index. */
  Object[] aggregates;

  /**
   * Starts a run.
   *
   * @param twins the graph
   * @param params the parameters as run-time values
   * @param now the time NOW() returns
   * @param limits the limits
   */
  public Run(Twins twins, Map<String, Object> params, Instant now, QueryLimits limits) {
    this.twins = twins;
    this.params = params;
    this.now = now;
    this.limits = limits;
    long t = limits.timeout().toNanos();
    this.deadline = System.nanoTime() + (t <= 0 ? Long.MAX_VALUE / 2 : t);
  }

  /**
   * Counts one unit of intermediate work (a binding, a traversal step) and checks the limits.
   *
   * @throws QueryLimitException if the query ran too long or built too many intermediate rows
   */
  void step() {
    if (++work > limits.maxIntermediateRows()) {
      throw new QueryLimitException(Limit.MAX_INTERMEDIATE_ROWS, "the query built more than "
          + limits.maxIntermediateRows() + " intermediate rows (bindings and traversal steps); narrow it with a "
          + "$dtId or model filter, or raise QueryLimits.maxIntermediateRows");
    }
    if ((work & 1023) == 0) checkTime();
  }

  void checkTime() {
    if (System.nanoTime() - deadline > 0) {
      throw new QueryLimitException(Limit.TIMEOUT, "the query ran longer than its timeout of " + limits.timeout()
          + "; narrow it or raise QueryLimits.timeout");
    }
  }
}
