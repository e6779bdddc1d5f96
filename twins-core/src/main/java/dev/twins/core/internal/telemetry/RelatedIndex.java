package dev.twins.core.internal.telemetry;

import dev.twins.core.telemetry.Aggregate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The running aggregates of one {@code FromRelated} rule: for every twin the rule has computed (a
 * "whole"), the fold of the values of the twins it relates to (its "parts"), so that a changed part
 * updates each aggregate counting it in O(1) (O(log n) for MIN and MAX) instead of a walk over
 * every part.
 *
 * <p>Each part is counted with the value it had when it was last read ({@link Part#value}); every
 * aggregate counting a part moves together when that value changes, so all of them always agree
 * with one value per part. A relationship created or deleted marks the aggregate of its source
 * stale without a lock ({@link #invalidate}); the next recomputation walks the parts again.
 *
 * <p>Exactness: counts (present values, numbers, trues, falses) are exact; MIN and MAX come from
 * a sorted multiset of the numbers, exact; SUM and MEAN from a double-double running sum (a
 * {@code TwoSum} error term kept beside the sum, about 106 bits), so adding and removing any
 * sequence of values leaves the sum within two units in the last place of the sum of the counted
 * values' magnitudes of their exact sum (the error of the low word is about 2^-106 of the largest
 * partial sum ever reached), as close as or closer than a fresh left-to-right sum of them; a sum
 * that overflows is folded again from its parts. No periodic recomputation is needed. Mutable state is guarded by this object's monitor, except
 * {@link Agg#structure}.
 */
final class RelatedIndex {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A related twin as the aggregates count it. */
  static final class Part {
    final String id;
    /** The value counted in every aggregate of {@link #wholes}; null when absent. */
    JsonNode value;
    /** The aggregates counting this part, once per relationship to it. */
    final ArrayList<Agg> wholes = new ArrayList<>(1);

    Part(String id, JsonNode value) {
      this.id = id;
      this.value = value;
    }
  }

  /** The aggregate of one whole. */
  final class Agg {
    final String whole;
    /** Bumped, lock-free, whenever the whole's relationships of the rule change. */
    final AtomicInteger structure = new AtomicInteger();
    private int builtAt;
    private boolean built;
    final ArrayList<Part> parts = new ArrayList<>();
    long present;
    long numbers;
    long trues;
    long falses;
    double hi;
    double lo;
    final TreeMap<Double, int[]> sorted = extremes ? new TreeMap<>() : null;

    Agg(String whole) {
      this.whole = whole;
    }

    boolean stale() {
      return !built || builtAt != structure.get();
    }

    void built(int version) {
      builtAt = version;
      built = true;
    }

    void clear() {
      built = false;
      parts.clear();
      present = numbers = trues = falses = 0;
      hi = lo = 0;
      if (sorted != null) sorted.clear();
    }

    void add(JsonNode v) {
      fold(v, 1);
    }

    void remove(JsonNode v) {
      fold(v, -1);
    }

    private void fold(JsonNode v, int sign) {
      if (v == null || v.isNull()) return;
      present += sign;
      if (v.isNumber()) {
        double d = v.asDouble();
        numbers += sign;
        sum(sign > 0 ? d : -d);
        if (sorted != null) {
          if (sign > 0) {
            sorted.computeIfAbsent(d, k -> new int[1])[0]++;
          } else {
            int[] n = sorted.get(d);
            if (n != null && --n[0] == 0) sorted.remove(d);
          }
        }
      } else if (v.isBoolean()) {
        if (v.asBoolean()) {
          trues += sign;
        } else {
          falses += sign;
        }
      }
    }

    /** Adds x to the double-double sum (hi, lo): TwoSum, then renormalised so that hi is the rounded sum. */
    private void sum(double x) {
      double s = hi + x;
      double bp = s - hi;
      double err = (hi - (s - bp)) + (x - bp);
      double l = lo + err;
      double t = s + l;
      lo = l - (t - s);
      hi = t;
      if (!Double.isFinite(hi) || !Double.isFinite(lo)) built = false; // overflowed: fold the parts again
    }

    /** @return the rule's value for the whole; null when absent */
    JsonNode result(boolean integral) {
      switch (aggregate) {
        case MEAN: return numbers == 0 ? null : RuleEngine.number(hi / numbers, integral);
        case SUM: return RuleEngine.number(hi, integral);
        case MIN: return numbers == 0 ? null : RuleEngine.number(sorted.firstKey(), integral);
        case MAX: return numbers == 0 ? null : RuleEngine.number(sorted.lastKey(), integral);
        case COUNT: return NODES.numberNode(present);
        case ANY: return NODES.booleanNode(trues > 0);
        default: return NODES.booleanNode(falses == 0);
      }
    }
  }

  final Aggregate aggregate;
  private final boolean extremes;
  /** By whole id; read lock-free by {@link #invalidate}, changed under the monitor. */
  private final ConcurrentHashMap<String, Agg> wholes = new ConcurrentHashMap<>();
  /** By part id: the parts some aggregate counts. */
  final Map<String, Part> parts = new HashMap<>();

  RelatedIndex(Aggregate aggregate) {
    this.aggregate = aggregate;
    this.extremes = aggregate == Aggregate.MIN || aggregate == Aggregate.MAX;
  }

  /**
   * Marks a whole's aggregate stale (lock-free, safe in a graph listener).
   *
   * @return whether the whole has one
   */
  boolean invalidate(String whole) {
    Agg a = wholes.get(whole);
    if (a == null) return false;
    a.structure.incrementAndGet();
    return true;
  }

  /** @return the whole's aggregate, a new stale one when it has none */
  Agg aggregate(String whole) {
    Agg a = wholes.get(whole);
    if (a == null) {
      a = new Agg(whole);
      wholes.put(whole, a);
    }
    return a;
  }

  /** Forgets a whole (deleted, or no longer of the rule's model). */
  void drop(String whole) {
    Agg a = wholes.remove(whole);
    if (a != null) detach(a);
  }

  /** Counts a part in an aggregate. */
  void attach(Agg a, Part p) {
    p.wholes.add(a);
    a.parts.add(p);
    a.add(p.value);
  }

  /** Empties an aggregate; parts no aggregate counts any more are forgotten. */
  void detach(Agg a) {
    for (Part p : a.parts) {
      p.wholes.removeIf(x -> x == a);
      if (p.wholes.isEmpty() && parts.get(p.id) == p) parts.remove(p.id);
    }
    a.clear();
  }
}
