package dev.twins.query.internal;

import dev.twins.core.graph.Twin;
import dev.twins.core.read.TwinReads;
import dev.twins.query.internal.Ast.BinaryOp;
import tools.jackson.databind.JsonNode;

/**
 * A comparison of a twin's top-level property with a constant ({@code S.value > 22}, {@code
 * S.kind = 'temperature'}), compiled to read the property's value unboxed from the twin's snapshot
 * ({@link TwinReads}: a {@code long} or {@code double}, or the string itself) and compare it
 * without making a JSON node or a run-time value. A string constant is replaced by the snapshots'
 * shared instance of it when there is one, so that an equal string is mostly found by identity.
 * Values of any other type than the constant's take the general path ({@link Arith#compare}), so
 * the result is always the same as comparing the evaluated operands.
 */
final class PropertyComparison implements Eval {
  private final int slot;
  private final String name;
  /** The operator with the property on its left. */
  private final BinaryOp op;
  private final Object constant;
  /** The string constant, as the snapshots' shared instance when one exists. */
  private final String string;
  private final boolean isString;
  private final boolean isLong;
  private final long longConstant;
  private final double doubleConstant;

  private PropertyComparison(int slot, String name, BinaryOp op, Object constant) {
    this.slot = slot;
    this.name = name;
    this.op = op;
    this.constant = constant;
    this.isString = constant instanceof String;
    String c = isString ? TwinReads.canonical((String) constant) : null;
    this.string = c != null ? c : isString ? (String) constant : null;
    this.isLong = constant instanceof Long;
    this.longConstant = isLong ? (Long) constant : 0;
    this.doubleConstant = constant instanceof Number ? ((Number) constant).doubleValue() : 0;
  }

  /**
   * Compiles {@code slot.name op constant}, when the constant is a string or a number.
   *
   * @param slot the twin slot
   * @param name the property name (not a system field)
   * @param op the comparison, with the property on its left
   * @param constant the literal's value
   * @return the comparison, or null when the constant is of another type
   */
  static Eval of(int slot, String name, BinaryOp op, Object constant) {
    if (!op.isComparison()) return null;
    if (!(constant instanceof String || constant instanceof Long || constant instanceof Double)) return null;
    return new PropertyComparison(slot, name, op, constant);
  }

  /**
   * Keeps the rows of a batch for which the comparison is true, in order: first the property
   * values of all rows (their memory reads overlap), then the comparisons.
   *
   * @param rows the rows; the kept ones are moved to the front
   * @param n how many rows
   * @return how many are kept
   */
  int filter(Object[][] rows, int n) {
    // first every row's twin (its layout and its array of slots), then the slots: the twins'
    // memory reads overlap, then those of their arrays
    Object[][] arrays = new Object[n][];
    int[] slots = new int[n];
    Object layout = null;
    int at = -1;
    for (int k = 0; k < n; k++) {
      Object t = rows[k][slot];
      if (!(t instanceof Twin)) continue;
      // twins of one model share a layout: the name's slot is looked up again only when it changes
      Object l = TwinReads.layout((Twin) t);
      if (l != layout) {
        layout = l;
        at = TwinReads.slot(l, name);
      }
      if (at >= 0) {
        arrays[k] = TwinReads.refs((Twin) t);
        slots[k] = at;
      }
    }
    Object[] refs = new Object[n];
    for (int k = 0; k < n; k++) if (arrays[k] != null) refs[k] = TwinReads.ref(arrays[k], slots[k]);
    int kept = 0;
    for (int k = 0; k < n; k++) {
      Object r = refs[k];
      if (r != null && Boolean.TRUE.equals(compare((Twin) rows[k][slot], r))) rows[kept++] = rows[k];
    }
    return kept;
  }

  /** @return the twin slot whose property it compares */
  int slot() {
    return slot;
  }

  /**
   * Keeps the twins for which the comparison is true, in order, with the number beside each: as
   * {@link #filter(Object[][], int)} for rows whose slot holds these twins, before any row is made.
   *
   * @param twins the twins; the kept ones are moved to the front
   * @param tags a number per twin, moved with it
   * @param n how many twins
   * @return how many are kept
   */
  int filter(Twin[] twins, int[] tags, int n) {
    // every twin's array of slots first, then the slots: the memory reads overlap
    Object[][] arrays = new Object[n][];
    int[] slots = new int[n];
    Object layout = null;
    int at = -1;
    for (int k = 0; k < n; k++) {
      Object l = TwinReads.layout(twins[k]);
      if (l != layout) {
        layout = l;
        at = TwinReads.slot(l, name);
      }
      if (at >= 0) {
        arrays[k] = TwinReads.refs(twins[k]);
        slots[k] = at;
      }
    }
    int kept = 0;
    for (int k = 0; k < n; k++) {
      if (arrays[k] == null) continue;
      Object r = TwinReads.ref(arrays[k], slots[k]);
      if (r != null && Boolean.TRUE.equals(compare(twins[k], r))) {
        twins[kept] = twins[k];
        tags[kept] = tags[k];
        kept++;
      }
    }
    return kept;
  }

  @Override
  public Object eval(Object[] row, Run ctx) {
    Object t = row[slot];
    if (!(t instanceof Twin)) return Values.UNDEFINED;
    Object r = TwinReads.ref((Twin) t, name);
    return r == null ? Values.UNDEFINED : compare((Twin) t, r);
  }

  /** Compares a set value of the property, as the twin keeps it, with the constant. */
  private Object compare(Twin t, Object r) {
    if (isString) {
      if (TwinReads.isString(r)) {
        String s = (String) r;
        if (op == BinaryOp.EQ) return s == string || s.equals(string);
        if (op == BinaryOp.NE) return s != string && !s.equals(string);
        return result(s.compareTo(string));
      }
    } else if (TwinReads.isNumber(r)) {
      if (TwinReads.isIntegral(r)) {
        long v = TwinReads.longValue(t, r);
        return result(isLong ? Long.compare(v, longConstant) : compare((double) v, doubleConstant));
      }
      return result(compare(TwinReads.doubleValue(t, r), isLong ? (double) longConstant : doubleConstant));
    }
    if (TwinReads.isString(r) || TwinReads.isNumber(r)) return Arith.compare(op, Values.of(TwinReads.node(t, r)), constant);
    return compare(TwinReads.node(t, r));
  }

  /** Compares a set value of the property, a JSON node, with the constant. */
  private Object compare(JsonNode n) {
    if (isString) {
      if (n.isString()) return result(n.stringValue().compareTo((String) constant));
    } else if (n.isNumber()) {
      if (n.isIntegralNumber() && n.canConvertToLong()) {
        long v = n.longValue();
        return result(isLong ? Long.compare(v, longConstant) : compare((double) v, doubleConstant));
      }
      return result(compare(n.doubleValue(), isLong ? (double) longConstant : doubleConstant));
    }
    return Arith.compare(op, Values.of(n), constant);
  }

  private static int compare(double x, double y) {
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private Boolean result(int c) {
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
}
