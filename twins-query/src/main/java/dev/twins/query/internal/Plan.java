package dev.twins.query.internal;

import dev.twins.core.model.Dtmi;
import dev.twins.query.internal.Ast.Direction;
import dev.twins.query.internal.Ast.Select;
import java.util.List;
import java.util.Set;

/** A compiled query: its slots, the steps that bind them, and how rows become results. */
public final class Plan {
  Select ast;
  String text;
  List<Slot> slots;
  List<Step> steps;
  /** Output columns; empty with {@link #star}. */
  List<Column> columns;
  boolean star;
  boolean countOnly;
  boolean grouped;
  List<Eval> groupKeys;
  List<Aggregate> aggregates;
  List<SortKey> sortKeys;
  boolean distinct;
  Eval top;
  Eval limit;
  Eval offset;
  Set<String> params;
  boolean explain;
  List<String> explainLines;
  /**
   * The names of a projected row's values, in order: the columns, or with {@link #star} and
   * several aliases the aliases. Made once per plan and shared by its rows.
   */
  String[] rowNames;

  /** @return the names of the values of a row that {@link Executor} gives as an {@code Object[]} */
  public String[] rowNames() {
    return rowNames;
  }

  /** @return the tree it was compiled from */
  public Select ast() {
    return ast;
  }

  /** @return the names of the parameters it reads */
  public Set<String> params() {
    return params;
  }

  /** A twin or relationship variable. */
  static final class Slot {
    final String name;
    final boolean relation;
    boolean optional;
    /** The models a twin of this slot may have (from IS_OF_MODEL), or null for any. */
    Set<Dtmi> models;
    /** Models to validate names against: the IS_OF_MODEL models and their subtypes, or null for all. */
    String modelText;

    Slot(String name, boolean relation) {
      this.name = name;
      this.relation = relation;
    }

    String shown() {
      return name.isEmpty() ? "the twin" : name;
    }
  }

  /** An edge between twin slots: a JOIN or a MATCH edge. */
  static final class Edge {
    int a;
    int b;
    int rel = -1;
    List<String> names;
    /** RIGHT: relationships go from a to b; LEFT: from b to a; ANY: either. */
    Direction direction;
    int min = 1;
    int max = 1;
    boolean optional;
    /** Edges of one OPTIONAL MATCH clause or OPTIONAL JOIN share a group: they match together or not at all. */
    int group = -1;
    String text;
  }

  /** A step of the plan. */
  interface Step {}

  /** How a twin slot is first bound. */
  enum AccessKind { IDS, INDEX, MODEL, ALL, REL_BY_SOURCE, REL_BY_TARGET, REL_ALL }

  /** Binds a slot from nothing. */
  static final class Scan implements Step {
    int slot;
    AccessKind kind;
    /** Ids (IDS, REL_BY_SOURCE, REL_BY_TARGET): a string or a list. */
    Eval ids;
    /** MODEL, INDEX: the model roots. */
    List<Dtmi> roots;
    /** INDEX: the property and bounds. */
    String property;
    Eval lower;
    boolean lowerInclusive;
    Eval upper;
    boolean upperInclusive;
    /** INDEX: the range condition, checked when a bound does not fit the index. */
    Eval rangeCondition;
    long estimate;
    String text;
    /** The conditions this access guarantees, which need no filter (by identity). */
    List<Object> implied = new java.util.ArrayList<>();
  }

  /** Follows an edge from a bound end. */
  static final class Expand implements Step {
    Edge edge;
    /** Whether it starts at the edge's b end. */
    boolean reverse;
    /** Whether the far end is already bound (then it checks instead of binding). */
    boolean into;
    String text;
  }

  /** The steps of an OPTIONAL clause: rows that match them all go on bound; a row that matches none goes on once, unbound. */
  static final class Optional implements Step {
    List<Step> inner;
    /** The slots the clause binds, cleared when nothing matches. */
    int[] slots;
    String text;
  }

  /** Keeps the rows where a condition is true. */
  static final class Filter implements Step {
    Eval cond;
    String text;
  }

  /** An output column. */
  static final class Column {
    final String name;
    final Eval value;

    Column(String name, Eval value) {
      this.name = name;
      this.value = value;
    }
  }

  /** An aggregate call: its function and argument. */
  static final class Aggregate {
    static final int COUNT = 0;
    static final int SUM = 1;
    static final int AVG = 2;
    static final int MIN = 3;
    static final int MAX = 4;

    final String function;
    /** The function as one of the constants above. */
    final int kind;
    final Eval arg;
    /** When the argument reads one top-level property of a twin slot: the slot, else -1. */
    int slot = -1;
    /** When the argument reads one top-level property of a twin slot: its name, else null. */
    String property;

    Aggregate(String function, Eval arg) {
      this.function = function;
      this.arg = arg;
      this.kind = List.of("COUNT", "SUM", "AVG", "MIN", "MAX").indexOf(function);
      if (kind < 0) throw new IllegalStateException(function);
    }
  }

  /** A sort key. */
  static final class SortKey {
    final Eval key;
    final boolean descending;

    SortKey(Eval key, boolean descending) {
      this.key = key;
      this.descending = descending;
    }
  }
}
