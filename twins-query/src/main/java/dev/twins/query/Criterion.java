package dev.twins.query;

import dev.twins.query.internal.Ast;
import dev.twins.query.internal.Ast.BinaryOp;
import dev.twins.query.internal.Printer;
import java.util.Objects;

/**
 * A condition of a query built in Java; conditions are values, composed with {@link #and},
 * {@link #or} and {@link #not}.
 *
 * <pre>{@code
 * Criterion warm = r.get(TEMPERATURE).gt(25.0).and(r.get(OCCUPIED).eq(true));
 * }</pre>
 */
public final class Criterion implements Selectable {
  final Ast.Expr expr;

  Criterion(Ast.Expr expr) {
    this.expr = Objects.requireNonNull(expr, "expr");
  }

  /**
   * @param other another condition
   * @return {@code this AND other}
   */
  public Criterion and(Criterion other) {
    return new Criterion(new Ast.Binary(BinaryOp.AND, expr, other.expr));
  }

  /**
   * @param other another condition
   * @return {@code this OR other}
   */
  public Criterion or(Criterion other) {
    return new Criterion(new Ast.Binary(BinaryOp.OR, expr, other.expr));
  }

  /** @return {@code NOT this} */
  public Criterion not() {
    return new Criterion(new Ast.Unary(Ast.UnaryOp.NOT, expr));
  }

  /**
   * @param name the column name
   * @return this condition selected as a boolean column
   */
  public Selectable as(String name) {
    return new Operand.Projected(new Ast.Projection(expr, java.util.Optional.of(name)));
  }

  Ast.Projection projection() {
    return new Ast.Projection(expr, java.util.Optional.empty());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Criterion && ((Criterion) o).expr.equals(expr);
  }

  @Override
  public int hashCode() {
    return expr.hashCode();
  }

  /** Renders the condition as query text. */
  @Override
  public String toString() {
    return Printer.expr(expr);
  }
}
