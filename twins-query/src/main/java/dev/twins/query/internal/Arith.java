package dev.twins.query.internal;

import dev.twins.query.internal.Ast.BinaryOp;
import java.time.Duration;
import java.time.Instant;

/** Comparison and arithmetic on run-time values, with ADT's rule that a missing or mismatched operand gives no result. */
final class Arith {
  private Arith() {}

  static Object compare(BinaryOp op, Object a, Object b) {
    Integer c = Values.compare(a, b);
    if (c == null) return Values.UNDEFINED;
    switch (op) {
      case EQ: return c == 0;
      case NE: return c != 0;
      case LT: return c < 0;
      case LE: return c <= 0;
      case GT: return c > 0;
      case GE: return c >= 0;
      default: throw new IllegalStateException(op.toString());
    }
  }

  static Object negate(Object v) {
    if (v instanceof Long) return (Long) v == Long.MIN_VALUE ? (Object) (-(double) (Long) v) : (Object) (-(Long) v);
    if (v instanceof Double) return -(Double) v;
    if (v instanceof Duration) return ((Duration) v).negated();
    return Values.UNDEFINED;
  }

  static Object arithmetic(BinaryOp op, Object a, Object b) {
    if (a instanceof Long && b instanceof Long) {
      long x = (Long) a;
      long y = (Long) b;
      try {
        switch (op) {
          case ADD: return Math.addExact(x, y);
          case SUB: return Math.subtractExact(x, y);
          case MUL: return Math.multiplyExact(x, y);
          case MOD: return y == 0 ? Values.UNDEFINED : (Object) (x % y);
          case DIV: return y == 0 ? Values.UNDEFINED : (Object) ((double) x / y);
          default: break;
        }
      } catch (ArithmeticException overflow) {
        return doubles(op, x, y);
      }
    }
    if (Values.isNumber(a) && Values.isNumber(b)) return doubles(op, ((Number) a).doubleValue(), ((Number) b).doubleValue());
    Instant i = a instanceof Instant ? (Instant) a : null;
    if (i != null && (op == BinaryOp.ADD || op == BinaryOp.SUB)) {
      Duration d = Values.duration(b);
      if (d != null) return op == BinaryOp.ADD ? i.plus(d) : i.minus(d);
      Instant j = Values.instant(b);
      if (j != null && op == BinaryOp.SUB) return Duration.between(j, i);
    }
    if (a instanceof Duration || b instanceof Duration) {
      Duration x = Values.duration(a);
      Duration y = Values.duration(b);
      if (x != null && y != null) {
        if (op == BinaryOp.ADD) return x.plus(y);
        if (op == BinaryOp.SUB) return x.minus(y);
      }
      if (x != null && Values.isNumber(b) && op == BinaryOp.MUL) return x.multipliedBy(((Number) b).longValue());
    }
    return Values.UNDEFINED;
  }

  private static Object doubles(BinaryOp op, double x, double y) {
    double r;
    switch (op) {
      case ADD: r = x + y; break;
      case SUB: r = x - y; break;
      case MUL: r = x * y; break;
      case DIV: if (y == 0) return Values.UNDEFINED; r = x / y; break;
      case MOD: if (y == 0) return Values.UNDEFINED; r = x % y; break;
      default: throw new IllegalStateException(op.toString());
    }
    return Double.isFinite(r) ? (Object) r : Values.UNDEFINED;
  }

  static Object abs(Object v) {
    if (v instanceof Long) return (Long) v == Long.MIN_VALUE ? (Object) Math.abs((double) (Long) v) : (Object) Math.abs((Long) v);
    if (v instanceof Double) return Math.abs((Double) v);
    return Values.UNDEFINED;
  }

  static Object round(String fn, Object v) {
    if (v instanceof Long) return v;
    if (!(v instanceof Double)) return Values.UNDEFINED;
    double d = (Double) v;
    double r = fn.equals("ROUND") ? Math.rint(d) : fn.equals("FLOOR") ? Math.floor(d) : Math.ceil(d);
    return Math.abs(r) < 9.0e18 ? (Object) (long) r : (Object) r;
  }
}
