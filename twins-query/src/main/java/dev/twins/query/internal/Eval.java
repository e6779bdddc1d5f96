package dev.twins.query.internal;

/** A compiled expression: evaluates against a row of bound twins and relationships. */
@FunctionalInterface
public interface Eval {
  /**
   * Evaluates.
   *
   * @param row the bound twins and relationships by slot ({@code null} when an optional slot is unbound)
   * @param ctx the run: parameters, clock, graph, aggregates
   * @return a value (see {@link Values})
   */
  Object eval(Object[] row, Run ctx);
}
