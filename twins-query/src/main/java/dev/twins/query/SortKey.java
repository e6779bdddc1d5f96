package dev.twins.query;

import dev.twins.query.internal.Ast;
import dev.twins.query.internal.Printer;

/** An {@code ORDER BY} key of a query built in Java: {@code operand.asc()} or {@code operand.desc()}. */
public final class SortKey {
  final Ast.Order order;

  SortKey(Ast.Order order) {
    this.order = order;
  }

  /** Renders the key as query text. */
  @Override
  public String toString() {
    return Printer.expr(order.expr()) + (order.descending() ? " DESC" : "");
  }
}
