package dev.twins.query;

import dev.twins.query.internal.Ast;
import dev.twins.query.internal.Ast.BinaryOp;
import dev.twins.query.internal.Printer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A value in a query built in Java: a property of an alias, a literal, a parameter, a function or
 * aggregate result. Its type parameter is the Java type of its values, so that
 * {@code r.get(TEMPERATURE).gt(25.0)} compiles and {@code r.get(TEMPERATURE).gt("hot")} does not.
 *
 * @param <T> the type of its values
 */
public final class Operand<T> implements Selectable {
  final Ast.Expr expr;

  Operand(Ast.Expr expr) {
    this.expr = Objects.requireNonNull(expr, "expr");
  }

  static Ast.Expr literal(Object v) {
    if (v instanceof Operand) return ((Operand<?>) v).expr;
    Objects.requireNonNull(v, "value (use Queries.nullValue() for JSON null)");
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) return new Ast.Literal(((Number) v).longValue());
    if (v instanceof Float) return new Ast.Literal(((Float) v).doubleValue());
    if (v instanceof java.time.Duration || v instanceof java.time.Instant) return new Ast.Literal(v.toString());
    return new Ast.Literal(v);
  }

  private Criterion compare(BinaryOp op, Object other) {
    return new Criterion(new Ast.Binary(op, expr, literal(other)));
  }

  /**
   * @param value a value
   * @return {@code this = value}
   */
  public Criterion eq(T value) {
    return compare(BinaryOp.EQ, value);
  }

  /**
   * @param value a value
   * @return {@code this != value}
   */
  public Criterion ne(T value) {
    return compare(BinaryOp.NE, value);
  }

  /**
   * @param value a value
   * @return {@code this < value}
   */
  public Criterion lt(T value) {
    return compare(BinaryOp.LT, value);
  }

  /**
   * @param value a value
   * @return {@code this <= value}
   */
  public Criterion le(T value) {
    return compare(BinaryOp.LE, value);
  }

  /**
   * @param value a value
   * @return {@code this > value}
   */
  public Criterion gt(T value) {
    return compare(BinaryOp.GT, value);
  }

  /**
   * @param value a value
   * @return {@code this >= value}
   */
  public Criterion ge(T value) {
    return compare(BinaryOp.GE, value);
  }

  /**
   * @param other another operand of the same type
   * @return {@code this = other}
   */
  public Criterion eq(Operand<? extends T> other) {
    return compare(BinaryOp.EQ, other);
  }

  /**
   * @param other another operand of the same type
   * @return {@code this > other}
   */
  public Criterion gt(Operand<? extends T> other) {
    return compare(BinaryOp.GT, other);
  }

  /**
   * @param other another operand of the same type
   * @return {@code this < other}
   */
  public Criterion lt(Operand<? extends T> other) {
    return compare(BinaryOp.LT, other);
  }

  /**
   * @param values the values
   * @return {@code this IN [values]}
   */
  public Criterion in(Collection<? extends T> values) {
    List<Ast.Expr> items = new ArrayList<>();
    for (T v : values) items.add(literal(v));
    return new Criterion(new Ast.In(expr, false, new Ast.ArrayLiteral(items)));
  }

  /**
   * @param values the values
   * @return {@code this NIN [values]}
   */
  public Criterion notIn(Collection<? extends T> values) {
    List<Ast.Expr> items = new ArrayList<>();
    for (T v : values) items.add(literal(v));
    return new Criterion(new Ast.In(expr, true, new Ast.ArrayLiteral(items)));
  }

  /**
   * @param parameter a parameter holding a collection
   * @return {@code this IN @parameter}
   */
  public Criterion in(Operand<?> parameter) {
    if (!(parameter.expr instanceof Ast.Param)) throw new IllegalArgumentException("IN takes a collection or a parameter");
    return new Criterion(new Ast.In(expr, false, parameter.expr));
  }

  /** @return {@code IS_DEFINED(this)} */
  public Criterion isDefined() {
    return new Criterion(new Ast.Call("IS_DEFINED", List.of(expr)));
  }

  /** @return {@code IS_NULL(this)} */
  public Criterion isNull() {
    return new Criterion(new Ast.Call("IS_NULL", List.of(expr)));
  }

  /**
   * @param prefix a prefix
   * @return {@code STARTSWITH(this, prefix)}
   */
  public Criterion startsWith(String prefix) {
    return new Criterion(new Ast.Call("STARTSWITH", List.of(expr, literal(prefix))));
  }

  /**
   * @param suffix a suffix
   * @return {@code ENDSWITH(this, suffix)}
   */
  public Criterion endsWith(String suffix) {
    return new Criterion(new Ast.Call("ENDSWITH", List.of(expr, literal(suffix))));
  }

  /**
   * @param part a substring
   * @return {@code CONTAINS(this, part)}
   */
  public Criterion contains(String part) {
    return new Criterion(new Ast.Call("CONTAINS", List.of(expr, literal(part))));
  }

  /**
   * @param value a value
   * @return {@code ARRAY_CONTAINS(this, value)}
   */
  public Criterion arrayContains(Object value) {
    return new Criterion(new Ast.Call("ARRAY_CONTAINS", List.of(expr, literal(value))));
  }

  private <R> Operand<R> arithmetic(BinaryOp op, Object other) {
    return new Operand<>(new Ast.Binary(op, expr, literal(other)));
  }

  /**
   * @param other a number or numeric operand
   * @return {@code this + other}
   */
  public Operand<Double> plus(Object other) {
    return arithmetic(BinaryOp.ADD, other);
  }

  /**
   * @param other a number, numeric operand, or (for times) an ISO-8601 duration
   * @return {@code this - other}
   */
  public Operand<T> minus(Object other) {
    return arithmetic(BinaryOp.SUB, other);
  }

  /**
   * @param other a number or numeric operand
   * @return {@code this * other}
   */
  public Operand<Double> times(Object other) {
    return arithmetic(BinaryOp.MUL, other);
  }

  /**
   * @param other a number or numeric operand
   * @return {@code this / other}
   */
  public Operand<Double> div(Object other) {
    return arithmetic(BinaryOp.DIV, other);
  }

  /**
   * Reads this twin property as of a past time, from the engine's property history (see {@link
   * QueryEngine.Builder#history}): {@code r.get(TEMPERATURE).asOf(now().minus(Duration.ofDays(1)))}.
   *
   * @param time an {@link java.time.Instant}, an ISO-8601 text, or an operand such as {@code now().minus(...)}
   *     or a parameter
   * @return {@code PROPERTY_AT(this, time)}, of the same type as this property
   */
  public Operand<T> asOf(Object time) {
    return new Operand<>(new Ast.Call("PROPERTY_AT", List.of(expr, literal(time))));
  }

  /**
   * @param name the column name
   * @return this, selected as {@code this AS name}
   */
  public Selectable as(String name) {
    return new Projected(new Ast.Projection(expr, java.util.Optional.of(name)));
  }

  /** @return an ascending sort key */
  public SortKey asc() {
    return new SortKey(new Ast.Order(expr, false));
  }

  /** @return a descending sort key */
  public SortKey desc() {
    return new SortKey(new Ast.Order(expr, true));
  }

  Ast.Projection projection() {
    return new Ast.Projection(expr, java.util.Optional.empty());
  }

  /** Renders the operand as query text. */
  @Override
  public String toString() {
    return Printer.expr(expr);
  }

  /** A projection with a name. */
  static final class Projected implements Selectable {
    private final Ast.Projection p;

    Projected(Ast.Projection p) {
      this.p = p;
    }

    Ast.Projection projection() {
      return p;
    }

    @Override
    public String toString() {
      return Printer.expr(p.expr()) + p.as().map(a -> " AS " + a).orElse("");
    }
  }
}
