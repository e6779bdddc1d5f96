package dev.twins.query.internal;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.RelationVisitor;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.graph.ValueRange;
import dev.twins.core.read.TwinReads;
import dev.twins.core.model.Dtmi;
import dev.twins.query.QueryException;
import dev.twins.query.QueryLimitException;
import dev.twins.query.QueryLimitException.Limit;
import dev.twins.query.internal.Ast.Direction;
import dev.twins.query.internal.Plan.Aggregate;
import dev.twins.query.internal.Plan.Column;
import dev.twins.query.internal.Plan.Edge;
import dev.twins.query.internal.Plan.Expand;
import dev.twins.query.internal.Plan.Filter;
import dev.twins.query.internal.Plan.Scan;
import dev.twins.query.internal.Plan.Slot;
import dev.twins.query.internal.Plan.SortKey;
import dev.twins.query.internal.Plan.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Runs a {@link Plan}: binds slots step by step, filters, groups, sorts and pages, into rows of JSON. */
public final class Executor {
  private Executor() {}

  /** Thrown inside the pipeline to stop early once enough rows are collected. */
  private static final class Enough extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Enough() {
      super(null, null, false, false);
    }
  }

  /**
   * Runs a plan.
   *
   * @param plan the plan
   * @param run the run
   * @return the rows: for a projection (or {@code SELECT *} over several aliases) an {@code
   *     Object[]} of run-time values in the order of {@link Plan#rowNames()}, {@link
   *     Values#UNDEFINED} for one the row leaves out; for {@code SELECT *} over one alias the twin
   *     or relationship itself; for {@code COUNT()} alone and {@code EXPLAIN} a JSON object
   */
  public static List<Object> execute(Plan plan, Run run) {
    return execute(plan, run, null);
  }

  /**
   * Runs a plan, handing rows to a consumer as they are found when the query neither sorts nor
   * groups (then without the row limit, as nothing is held), and otherwise once they are complete.
   *
   * @param plan the plan
   * @param run the run
   * @param direct where rows go, or null to collect them
   * @return the rows when collected, else an empty list
   */
  public static List<Object> execute(Plan plan, Run run, java.util.function.Consumer<Object> direct) {
    if (direct != null && (plan.explain || plan.grouped || !plan.sortKeys.isEmpty() || plan.countOnly)) {
      for (Object o : execute(plan, run, null)) direct.accept(o);
      return List.of();
    }
    if (plan.explain) {
      List<Object> out = new ArrayList<>();
      for (String line : explain(plan, run)) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("plan", line);
        out.add(o);
      }
      return out;
    }
    long top = count(plan.top, run, "TOP");
    long limit = count(plan.limit, run, "LIMIT");
    long offset = plan.offset == null ? 0 : count(plan.offset, run, "OFFSET");
    long take = Math.min(top, limit);
    Object[] row = new Object[plan.slots.size()];
    if (plan.countOnly && countFast(plan, run) >= 0) {
      long n = countFast(plan, run);
      List<Object> out = new ArrayList<>();
      if (offset == 0 && take > 0) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(plan.columns.get(0).name, n);
        out.add(o);
      }
      return out;
    }
    Sink sink = plan.grouped ? new GroupSink(plan, run) : new RowSink(plan, run, take, offset, direct);
    try {
      step(plan, 0, row, run, sink);
    } catch (Enough e) {
      // enough rows
    }
    run.checkTime();
    List<Object> rows = sink.finish();
    if (plan.grouped) rows = page(rows, take, offset);
    if (rows.size() > run.limits.maxRows()) {
      throw new QueryLimitException(Limit.MAX_ROWS, "the query returns more than " + run.limits.maxRows()
          + " rows; add TOP/LIMIT or raise QueryLimits.maxRows");
    }
    return rows;
  }

  private static List<Object> page(List<Object> rows, long take, long offset) {
    if (offset == 0 && take >= rows.size()) return rows;
    int from = (int) Math.min(rows.size(), offset);
    int to = (int) Math.min(rows.size(), from + Math.min(take, Integer.MAX_VALUE));
    return new ArrayList<>(rows.subList(from, to));
  }

  private static long count(Eval e, Run run, String clause) {
    if (e == null) return Long.MAX_VALUE;
    Object v = e.eval(new Object[0], run);
    if (v instanceof Double && ((Double) v) == Math.rint((Double) v)) v = (long) (double) (Double) v;
    if (!(v instanceof Long) || (Long) v < 0) {
      throw new QueryException(clause + " takes a non-negative integer, not " + Values.text(v));
    }
    return (Long) v;
  }

  /** COUNT() over a single scan with nothing else to check: the size of the scan. */
  private static long countFast(Plan plan, Run run) {
    if (plan.steps.size() != 1 || !(plan.steps.get(0) instanceof Scan)) return -1;
    Scan s = (Scan) plan.steps.get(0);
    switch (s.kind) {
      case ALL: return run.twins.twinCount();
      case REL_ALL: return run.twins.relationCount();
      case MODEL: {
        // every twin has one model: sum the exact counts of the models the roots cover
        Set<Dtmi> models = new HashSet<>();
        for (Dtmi root : s.roots) models.addAll(run.twins.models().subtypes(root));
        long n = 0;
        for (Dtmi m : models) n += run.twins.countOfModel(m, true);
        return n;
      }
      default: return -1;
    }
  }

  // -------------------------------------------------------------------------------- pipeline

  /** Where rows go after the last step. */
  private interface Next {
    void accept(Object[] row);
  }

  private interface Sink extends Next {
    List<Object> finish();
  }

  private static void step(Plan plan, int i, Object[] row, Run run, Sink sink) {
    Object[][] rows = {row};
    batched(plan.steps, i, rows, 1, run, sink);
  }

  /** The most rows a batch collects before it goes on to the next step. */
  static final int BATCH = 1024;

  /**
   * Runs the steps from {@code i} on a batch of rows, a step at a time over the whole batch: a
   * filter keeps the rows it passes, any other step (a scan, a hop, an optional clause) runs on
   * each row and collects the rows it makes into new batches of up to {@value #BATCH}, which go on
   * to the next step as they fill. So the memory reads of one step over many rows (the twins at
   * the ends of many relationships, the properties of many twins) are independent of each other
   * and overlap, instead of one row's reads waiting on the last one's. Rows reach the sink in the
   * same order as one row at a time through every step; every row of a batch is its own array.
   */
  private static void batched(List<Step> steps, int i, Object[][] rows, int n, Run run, Next sink) {
    if (i == steps.size()) {
      if (sink instanceof GroupSink) {
        ((GroupSink) sink).accept(rows, n);
        return;
      }
      for (int k = 0; k < n; k++) sink.accept(rows[k]);
      return;
    }
    Step s = steps.get(i);
    if (s instanceof Filter) {
      Eval cond = ((Filter) s).cond;
      int kept = cond instanceof PropertyComparison ? ((PropertyComparison) cond).filter(rows, n)
          : cond instanceof ModelFilter ? ((ModelFilter) cond).filter(rows, n)
          : filter(cond, rows, n, run);
      if (kept > 0) batched(steps, i + 1, rows, kept, run, sink);
      return;
    }
    Collector c = new Collector(steps, i + 1, run, sink);
    if (s instanceof Expand && ((Expand) s).edge.max == 1 && ((Expand) s).edge.min == 1 && !((Expand) s).into) {
      // a hop to an unbound slot: each relationship's row straight into the next batch
      Expand x = (Expand) s;
      Edge e = x.edge;
      int fromSlot = x.reverse ? e.b : e.a;
      int toSlot = x.reverse ? e.a : e.b;
      int rel = e.rel;
      if (rel < 0 && e.direction != Direction.ANY && e.names.size() == 1) {
        // one name, one direction, the relationship not bound: the twins at the other ends of
        // every row's relationships found a phase at a time over the whole batch
        Twin[] from = new Twin[n];
        int[] rowOf = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
          Object f = rows[k][fromSlot];
          if (f instanceof Twin) {
            from[m] = (Twin) f;
            rowOf[m++] = k;
          }
        }
        boolean outgoing = (e.direction == Direction.RIGHT) != x.reverse;
        List<PropertyComparison> first = new ArrayList<>();
        int after = i + 1;
        for (; after < steps.size() && steps.get(after) instanceof Filter; after++) {
          Eval cond = ((Filter) steps.get(after)).cond;
          if (!(cond instanceof PropertyComparison) || ((PropertyComparison) cond).slot() != toSlot) break;
          first.add((PropertyComparison) cond);
        }
        if (!first.isEmpty()) {
          // the filters on the twin at the other end run on the twins, a batch at a time: a row
          // is made only for a twin they keep
          Ends ends = new Ends(rows, rowOf, toSlot, first, new Collector(steps, after, run, sink));
          TwinReads.forEachOther(run.twins, from, m, e.names.get(0), outgoing, (j, t) -> {
            run.step();
            ends.add(j, t);
          });
          ends.flush();
          ends.next.flush();
          return;
        }
        TwinReads.forEachOther(run.twins, from, m, e.names.get(0), outgoing, (j, t) -> {
          run.step();
          Object[] copy = rows[rowOf[j]].clone();
          copy[toSlot] = t;
          c.add(copy);
        });
        c.flush();
        return;
      }
      for (int k = 0; k < n; k++) {
        Object[] row = rows[k];
        Object from = row[fromSlot];
        if (!(from instanceof Twin)) continue;
        visitTwins(run.twins, (Twin) from, e, x.reverse, (r, t) -> {
          run.step();
          Object[] copy = row.clone();
          copy[toSlot] = t;
          if (rel >= 0) copy[rel] = r;
          c.add(copy);
          return true;
        });
      }
      c.flush();
      return;
    }
    List<Step> one = List.of(s);
    for (int k = 0; k < n; k++) step(one, 0, rows[k], run, c);
    c.flush();
  }

  private static int filter(Eval cond, Object[][] rows, int n, Run run) {
    int kept = 0;
    for (int k = 0; k < n; k++) if (Boolean.TRUE.equals(cond.eval(rows[k], run))) rows[kept++] = rows[k];
    return kept;
  }

  /**
   * The twins a hop reaches, gathered up to {@value #BATCH} at a time and filtered before rows are
   * made of those kept; the rows keep the order of the twins.
   */
  private static final class Ends {
    final Object[][] rows;
    final int[] rowOf;
    final int toSlot;
    final List<PropertyComparison> filters;
    final Collector next;
    final Twin[] twins = new Twin[BATCH];
    final int[] from = new int[BATCH];
    int n;

    Ends(Object[][] rows, int[] rowOf, int toSlot, List<PropertyComparison> filters, Collector next) {
      this.rows = rows;
      this.rowOf = rowOf;
      this.toSlot = toSlot;
      this.filters = filters;
      this.next = next;
    }

    void add(int j, Twin t) {
      twins[n] = t;
      from[n++] = j;
      if (n == BATCH) flush();
    }

    void flush() {
      int kept = n;
      n = 0;
      for (PropertyComparison f : filters) {
        if (kept == 0) break;
        kept = f.filter(twins, from, kept);
      }
      for (int k = 0; k < kept; k++) {
        Object[] copy = rows[rowOf[from[k]]].clone();
        copy[toSlot] = twins[k];
        next.add(copy);
      }
    }
  }

  /** Copies the rows one step makes into batches and runs the following steps on each full batch. */
  private static final class Collector implements Next {
    private final List<Step> steps;
    private final int next;
    private final Run run;
    private final Next sink;
    private Object[][] rows = new Object[8][];
    private int n;

    Collector(List<Step> steps, int next, Run run, Next sink) {
      this.steps = steps;
      this.next = next;
      this.run = run;
      this.sink = sink;
    }

    @Override
    public void accept(Object[] row) {
      add(row.clone());
    }

    /** Adds a row that is already this batch's own array. */
    void add(Object[] row) {
      if (n == rows.length) rows = Arrays.copyOf(rows, n * 2);
      rows[n++] = row;
      if (n == BATCH) flush();
    }

    void flush() {
      if (n == 0) return;
      int size = n;
      Object[][] full = rows;
      rows = new Object[Math.min(BATCH, size)][];
      n = 0;
      batched(steps, next, full, size, run, sink);
    }
  }

  private static void step(List<Step> steps, int i, Object[] row, Run run, Next sink) {
    if (i == steps.size()) {
      sink.accept(row);
      return;
    }
    Step s = steps.get(i);
    if (s instanceof Plan.Optional) {
      Plan.Optional o = (Plan.Optional) s;
      boolean[] matched = {false};
      step(o.inner, 0, row, run, r -> {
        matched[0] = true;
        step(steps, i + 1, r, run, sink);
      });
      if (!matched[0]) {
        Object[] old = new Object[o.slots.length];
        for (int k = 0; k < o.slots.length; k++) {
          old[k] = row[o.slots[k]];
          row[o.slots[k]] = null;
        }
        step(steps, i + 1, row, run, sink);
        for (int k = 0; k < o.slots.length; k++) row[o.slots[k]] = old[k];
      }
      return;
    }
    if (s instanceof Filter) {
      if (Boolean.TRUE.equals(((Filter) s).cond.eval(row, run))) step(steps, i + 1, row, run, sink);
      return;
    }
    if (s instanceof Scan) {
      scan(steps, (Scan) s, i, row, run, sink);
      return;
    }
    Expand x = (Expand) s;
    Edge e = x.edge;
    int fromSlot = x.reverse ? e.b : e.a;
    int toSlot = x.reverse ? e.a : e.b;
    Twin from = (Twin) row[fromSlot];
    if (from == null) return;
    Object oldTo = row[toSlot];
    Object oldRel = e.rel >= 0 ? row[e.rel] : null;
    if (e.max == 1 && e.min == 1 && !x.into) {
      expandBatch(steps, i, e, x.reverse, from, toSlot, row, run, sink);
    } else if (e.max == 1 && e.min == 1) {
      // each relationship hands over the twin at its other end: no lookup by id
      visitTwins(run.twins, from, e, x.reverse, (r, t) -> {
        run.step();
        if (x.into) {
          if (!(row[toSlot] instanceof Twin) || !((Twin) row[toSlot]).id().equals(t.id())) return true;
        } else {
          row[toSlot] = t;
        }
        if (e.rel >= 0) row[e.rel] = r;
        step(steps, i + 1, row, run, sink);
        return true;
      });
    } else {
      Set<String> ends = reach(run, from.id(), e, x.reverse);
      for (String id : ends) {
        if (x.into) {
          if (!(row[toSlot] instanceof Twin) || !((Twin) row[toSlot]).id().equals(id)) continue;
        } else {
          Optional<Twin> t = run.twins.twin(id);
          if (t.isEmpty()) continue;
          row[toSlot] = t.get();
        }
        step(steps, i + 1, row, run, sink);
      }
    }
    if (!x.into) row[toSlot] = oldTo;
    if (e.rel >= 0) row[e.rel] = oldRel;
  }

  /**
   * One hop to an unbound slot, a batch at a time: first the twins at the other ends of the
   * relationships (a tight loop over the adjacency, whose memory reads overlap), then each filter
   * that follows the hop over the whole batch, keeping the rows it passes, then the rest of the
   * plan for each row left. Rows come out in the same order, and every filter sees the same
   * rows, as one row at a time.
   */
  private static void expandBatch(List<Step> steps, int i, Edge e, boolean reverse, Twin from, int toSlot,
      Object[] row, Run run, Next sink) {
    Batch b = new Batch(run);
    visitTwins(run.twins, from, e, reverse, b);
    int n = b.size;
    Twin[] twins = b.twins;
    Relation[] rels = b.rels;
    int rel = e.rel;
    int j = i + 1;
    for (; j < steps.size() && steps.get(j) instanceof Filter && n > 0; j++) {
      Eval cond = ((Filter) steps.get(j)).cond;
      int kept = 0;
      for (int k = 0; k < n; k++) {
        row[toSlot] = twins[k];
        if (rel >= 0) row[rel] = rels[k];
        if (Boolean.TRUE.equals(cond.eval(row, run))) {
          twins[kept] = twins[k];
          rels[kept] = rels[k];
          kept++;
        }
      }
      n = kept;
    }
    for (int k = 0; k < n; k++) {
      row[toSlot] = twins[k];
      if (rel >= 0) row[rel] = rels[k];
      step(steps, j, row, run, sink);
    }
  }

  /** The relationships of one hop with the twins at their other ends, counted against the limits. */
  private static final class Batch implements RelationVisitor {
    final Run run;
    Twin[] twins = new Twin[16];
    Relation[] rels = new Relation[16];
    int size;

    Batch(Run run) {
      this.run = run;
    }

    @Override
    public boolean visit(Relation r, Twin t) {
      run.step();
      if (size == twins.length) {
        twins = Arrays.copyOf(twins, size * 2);
        rels = Arrays.copyOf(rels, size * 2);
      }
      twins[size] = t;
      rels[size++] = r;
      return true;
    }
  }

  private static String other(Relation r, String from) {
    return r.sourceId().equals(from) ? r.targetId() : r.sourceId();
  }

  /** The relationships an edge may follow from a twin, as a list (see {@link #visit}). */
  static List<Relation> relations(Twins twins, String id, Edge e, boolean reverse) {
    List<Relation> out = new ArrayList<>();
    visit(twins, id, e, reverse, out::add);
    return out;
  }

  /**
   * Visits the relationships an edge may follow from a twin, straight from the graph's adjacency
   * (no copy, no sort), each once; a twin deleted while the query runs has none.
   */
  static void visit(Twins twins, String id, Edge e, boolean reverse, Consumer<Relation> action) {
    Direction d = e.direction;
    boolean out = d == Direction.ANY || (d == Direction.RIGHT) != reverse;
    boolean in = d == Direction.ANY || (d == Direction.LEFT) != reverse;
    if (out) named(twins, id, e.names, true, action);
    if (in) {
      // a self-relationship followed either way is one step
      named(twins, id, e.names, false, out ? r -> {
        if (!(r.sourceId().equals(id) && r.targetId().equals(id))) action.accept(r);
      } : action);
    }
  }

  /**
   * Visits the relationships an edge may follow from a twin with the twin at each one's other end
   * (see {@link #visit}), through the graph's references between twins instead of id lookups.
   */
  static void visitTwins(Twins twins, Twin from, Edge e, boolean reverse, RelationVisitor visitor) {
    Direction d = e.direction;
    if (e.rel < 0 && d != Direction.ANY && !e.names.isEmpty()) {
      // the relationship is not bound: visit only the twins at the other ends (the graph then
      // reads neither the relationships of other names nor the relationship objects); the visitor
      // is handed null for the relationship, which it reads only when the edge binds it
      boolean outgoing = (d == Direction.RIGHT) != reverse;
      Predicate<Twin> ends = t -> visitor.visit(null, t);
      if (e.names.size() == 1) {
        ends(twins, from, e.names.get(0), outgoing, ends);
      } else {
        for (String n : new LinkedHashSet<>(e.names)) ends(twins, from, n, outgoing, ends);
      }
      return;
    }
    boolean out = d == Direction.ANY || (d == Direction.RIGHT) != reverse;
    boolean in = d == Direction.ANY || (d == Direction.LEFT) != reverse;
    if (out) namedTwins(twins, from, e.names, true, visitor);
    if (in) {
      String id = from.id();
      // a self-relationship followed either way is one step
      namedTwins(twins, from, e.names, false, out ? (r, t) -> {
        if (r.sourceId().equals(id) && r.targetId().equals(id)) return true;
        return visitor.visit(r, t);
      } : visitor);
    }
  }

  private static void ends(Twins twins, Twin from, String name, boolean outgoing, Predicate<Twin> visitor) {
    if (outgoing) twins.forEachOutgoingTarget(from, name, visitor);
    else twins.forEachIncomingSource(from, name, visitor);
  }

  private static void namedTwins(Twins twins, Twin from, List<String> names, boolean outgoing, RelationVisitor visitor) {
    if (names.isEmpty()) {
      if (outgoing) twins.forEachOutgoingTwin(from, visitor);
      else twins.forEachIncomingTwin(from, visitor);
      return;
    }
    if (names.size() == 1) {
      if (outgoing) twins.forEachOutgoingTwin(from, names.get(0), visitor);
      else twins.forEachIncomingTwin(from, names.get(0), visitor);
      return;
    }
    for (String n : new LinkedHashSet<>(names)) {
      if (outgoing) twins.forEachOutgoingTwin(from, n, visitor);
      else twins.forEachIncomingTwin(from, n, visitor);
    }
  }

  private static void named(Twins twins, String id, List<String> names, boolean outgoing, Consumer<Relation> action) {
    if (names.isEmpty()) {
      if (outgoing) twins.forEachOutgoing(id, action);
      else twins.forEachIncoming(id, action);
      return;
    }
    if (names.size() == 1) {
      if (outgoing) twins.forEachOutgoing(id, names.get(0), action);
      else twins.forEachIncoming(id, names.get(0), action);
      return;
    }
    for (String n : new LinkedHashSet<>(names)) {
      if (outgoing) twins.forEachOutgoing(id, n, action);
      else twins.forEachIncoming(id, n, action);
    }
  }

  /**
   * The twins reachable over {@code min..max} hops of an edge from a twin, each relationship
   * followed at most once per path (so cycles end), as distinct ids in the order found.
   */
  static Set<String> reach(Run run, String start, Edge e, boolean reverse) {
    int max = e.max == Integer.MAX_VALUE ? run.limits.maxHops() : e.max;
    if (e.max != Integer.MAX_VALUE && e.max > run.limits.maxHops()) {
      throw new QueryLimitException(Limit.MAX_HOPS, "the pattern " + e.text + " asks for up to " + e.max
          + " hops, more than the limit of " + run.limits.maxHops() + "; raise QueryLimits.maxHops");
    }
    Set<String> ends = new LinkedHashSet<>();
    trails(run, start, e, reverse, 0, max, new ArrayList<>(), ends);
    return ends;
  }

  private static void trails(Run run, String at, Edge e, boolean reverse, int depth, int max, List<Relation> used,
      Set<String> ends) {
    if (depth >= e.min) ends.add(at);
    if (depth == max) return;
    visit(run.twins, at, e, reverse, r -> {
      run.step();
      for (Relation u : used) {
        if (u.sourceId().equals(r.sourceId()) && u.id().equals(r.id())) return;
      }
      used.add(r);
      trails(run, other(r, at), e, reverse, depth + 1, max, used, ends);
      used.remove(used.size() - 1);
    });
  }

  private static void scan(List<Step> steps, Scan s, int i, Object[] row, Run run, Next sink) {
    Twins twins = run.twins;
    switch (s.kind) {
      case IDS: {
        for (String id : new LinkedHashSet<>(ids(s.ids.eval(row, run)))) {
          Optional<Twin> t = twins.twin(id);
          if (t.isEmpty()) continue;
          run.step();
          row[s.slot] = t.get();
          step(steps, i + 1, row, run, sink);
        }
        break;
      }
      case INDEX: {
        Collection<Twin> found = indexed(s, row, run);
        if (found == null) {
          // the bound did not fit the index: read the model index and let the filter decide
          List<Twin> inRange = new ArrayList<>();
          for (Dtmi m : s.roots) {
            twins.forEachOfModel(m, false, t -> {
              run.step();
              row[s.slot] = t;
              if (Boolean.TRUE.equals(s.rangeCondition.eval(row, run))) inRange.add(t);
            });
          }
          each(steps, s, inRange, i, row, run, sink);
        } else {
          each(steps, s, found, i, row, run, sink);
        }
        break;
      }
      case MODEL: {
        if (s.roots.size() == 1) {
          // straight from the model index, no list of the model's twins
          twins.forEachOfModel(s.roots.get(0), false, t -> {
            run.step();
            row[s.slot] = t;
            step(steps, i + 1, row, run, sink);
          });
        } else {
          Map<String, Twin> all = new LinkedHashMap<>();
          for (Dtmi m : s.roots) twins.forEachOfModel(m, false, t -> all.put(t.id(), t));
          each(steps, s, all.values(), i, row, run, sink);
        }
        break;
      }
      case ALL:
        each(steps, s, twins.twins(), i, row, run, sink);
        break;
      case REL_BY_SOURCE:
      case REL_BY_TARGET: {
        Set<String> seen = new HashSet<>();
        for (String id : ids(s.ids.eval(row, run))) {
          if (!seen.add(id)) continue;
          Consumer<Relation> each = r -> {
            run.step();
            row[s.slot] = r;
            step(steps, i + 1, row, run, sink);
          };
          if (s.kind == Plan.AccessKind.REL_BY_SOURCE) twins.forEachOutgoing(id, each);
          else twins.forEachIncoming(id, each);
        }
        break;
      }
      case REL_ALL: {
        Consumer<Relation> each = r -> {
          run.step();
          row[s.slot] = r;
          step(steps, i + 1, row, run, sink);
        };
        for (Twin t : twins.twins()) twins.forEachOutgoing(t.id(), each);
        break;
      }
      default:
        throw new IllegalStateException(s.kind.toString());
    }
    row[s.slot] = null;
  }

  private static Collection<Twin> indexed(Scan s, Object[] row, Run run) {
    Object lo = s.lower == null ? null : s.lower.eval(row, run);
    Object hi = s.upper == null ? null : s.upper.eval(row, run);
    if (lo == Values.UNDEFINED || hi == Values.UNDEFINED || lo == Ast.Null.NULL || hi == Ast.Null.NULL) return List.of();
    Optional<Object> l = Optional.ofNullable(lo);
    Optional<Object> h = Optional.ofNullable(hi);
    try {
      ValueRange range = new ValueRange(l, s.lowerInclusive, h, s.upperInclusive);
      return run.twins.indexes().twins(s.roots.get(0).value(), s.property, range);
    } catch (IllegalArgumentException mismatch) {
      return null;
    }
  }

  private static void each(List<Step> steps, Scan s, Collection<Twin> twins, int i, Object[] row, Run run, Next sink) {
    for (Twin t : twins) {
      run.step();
      row[s.slot] = t;
      step(steps, i + 1, row, run, sink);
    }
  }

  private static List<String> ids(Object v) {
    if (v instanceof String) return List.of((String) v);
    List<String> out = new ArrayList<>();
    if (v instanceof List) {
      for (Object o : (List<?>) v) if (o instanceof String) out.add((String) o);
    } else if (v instanceof JsonNode && ((JsonNode) v).isArray()) {
      JsonNode a = (JsonNode) v;
      for (int i = 0; i < a.size(); i++) if (a.get(i).isString()) out.add(a.get(i).stringValue());
    }
    return out;
  }

  // ------------------------------------------------------------------------------------ EXISTS

  static Object exists(Object[] outer, int width, int[] nodes, List<Edge> edges, Run run) {
    Object[] row = Arrays.copyOf(outer, width);
    if (row[nodes[0]] == null) {
      if (nodes[0] < outer.length) return Values.UNDEFINED;
      for (Twin t : run.twins.twins()) {
        run.step();
        row[nodes[0]] = t;
        if (chain(row, nodes, edges, 0, run)) return Boolean.TRUE;
      }
      return Boolean.FALSE;
    }
    return chain(row, nodes, edges, 0, run);
  }

  private static boolean chain(Object[] row, int[] nodes, List<Edge> edges, int k, Run run) {
    if (k == edges.size()) return true;
    Edge e = edges.get(k);
    Twin from = (Twin) row[nodes[k]];
    int to = nodes[k + 1];
    Object bound = row[to];
    Collection<String> next;
    if (e.max == 1 && e.min == 1) {
      List<String> ids = new ArrayList<>();
      for (Relation r : relations(run.twins, from.id(), e, false)) ids.add(other(r, from.id()));
      next = ids;
    } else {
      next = reach(run, from.id(), e, false);
    }
    for (String id : next) {
      run.step();
      if (bound instanceof Twin) {
        if (((Twin) bound).id().equals(id) && chain(row, nodes, edges, k + 1, run)) return true;
        continue;
      }
      Optional<Twin> t = run.twins.twin(id);
      if (t.isEmpty()) continue;
      row[to] = t.get();
      boolean ok = chain(row, nodes, edges, k + 1, run);
      row[to] = null;
      if (ok) return true;
    }
    return false;
  }

  // -------------------------------------------------------------------------------------- sinks

  /**
   * A row's result: the twin or relationship for {@code SELECT *} over one alias, else its values
   * in the order of {@link Plan#rowNames()}, {@link Values#UNDEFINED} for one left out.
   */
  static Object project(Plan plan, Object[] row, Run run) {
    if (plan.star) {
      if (row.length == 1) return row[0];
      Object[] out = new Object[row.length];
      for (int i = 0; i < row.length; i++) out[i] = row[i] == null ? Values.UNDEFINED : row[i];
      return out;
    }
    List<Column> columns = plan.columns;
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < out.length; i++) out[i] = columns.get(i).value.eval(row, run);
    return out;
  }

  /** @return a projected row as the JSON that DISTINCT compares */
  private static Object distinctKey(Plan plan, Object o) {
    return o instanceof Object[] ? Values.rowJson(plan.rowNames, (Object[]) o) : Values.toJson(o);
  }

  /** Collects projected rows, with DISTINCT, ORDER BY and paging. */
  private static final class RowSink implements Sink {
    private final Plan plan;
    private final Run run;
    private final long take;
    private final long offset;
    private final List<Object> rows = new ArrayList<>();
    private final List<Object[]> keys = new ArrayList<>();
    private final Set<Object> seen = new HashSet<>();
    private final java.util.function.Consumer<Object> direct;
    private long skipped;
    private long emitted;

    RowSink(Plan plan, Run run, long take, long offset, java.util.function.Consumer<Object> direct) {
      this.plan = plan;
      this.run = run;
      this.take = take;
      this.offset = offset;
      this.direct = direct;
    }

    @Override
    public void accept(Object[] row) {
      if (take == 0) throw new Enough();
      Object o = project(plan, row, run);
      if (plan.distinct && !seen.add(distinctKey(plan, o))) return;
      if (plan.sortKeys.isEmpty()) {
        if (skipped < offset) {
          skipped++;
          return;
        }
        if (direct != null) {
          direct.accept(o);
          if (++emitted >= take) throw new Enough();
          return;
        }
        rows.add(o);
        if (rows.size() > run.limits.maxRows()) {
          throw new QueryLimitException(Limit.MAX_ROWS, "the query returns more than " + run.limits.maxRows()
              + " rows; add TOP/LIMIT or raise QueryLimits.maxRows");
        }
        if (rows.size() >= take) throw new Enough();
        return;
      }
      Object[] k = new Object[plan.sortKeys.size()];
      for (int i = 0; i < k.length; i++) k[i] = plan.sortKeys.get(i).key.eval(row, run);
      rows.add(o);
      keys.add(k);
      if (rows.size() > run.limits.maxIntermediateRows()) {
        throw new QueryLimitException(Limit.MAX_INTERMEDIATE_ROWS, "the query sorts more than "
            + run.limits.maxIntermediateRows() + " rows; narrow it or raise QueryLimits.maxIntermediateRows");
      }
    }

    @Override
    public List<Object> finish() {
      if (plan.sortKeys.isEmpty()) return rows;
      Integer[] idx = new Integer[rows.size()];
      for (int i = 0; i < idx.length; i++) idx[i] = i;
      Arrays.sort(idx, (a, b) -> compareKeys(plan.sortKeys, keys.get(a), keys.get(b)));
      List<Object> out = new ArrayList<>();
      for (Integer i : idx) out.add(rows.get(i));
      return page(out, take, offset);
    }
  }

  static int compareKeys(List<SortKey> sortKeys, Object[] a, Object[] b) {
    for (int i = 0; i < sortKeys.size(); i++) {
      int c = Values.order(a[i], b[i]);
      if (c != 0) return sortKeys.get(i).descending ? -c : c;
    }
    return 0;
  }

  /** A property read ahead for an aggregate and not set on its twin. */
  private static final Object ABSENT = new Object();

  /** Groups rows by the GROUP BY keys and accumulates the aggregates of each group. */
  private static final class GroupSink implements Sink {
    private final Plan plan;
    private final Run run;
    /** Keyed by the one key's value, or by the list of the keys' values when there are several. */
    private final Map<Object, Group> groups = new LinkedHashMap<>();
    /** The last one-key group found, and the key value (before {@link GroupKey#of}) it was found by. */
    private Group last;
    private Object lastRaw;
    /**
     * Per aggregate, the property values of the batch being added ({@link #accept(Object[][], int)}),
     * as the twins keep them ({@link TwinReads#ref}).
     */
    private final Object[][] values;
    /** Per aggregate, the numbers among {@link #values} as {@link TwinReads#bits} gives them. */
    private final long[][] bits;
    /** The index in the batch of the row being added, or -1 outside a batch. */
    private int prefetched = -1;

    GroupSink(Plan plan, Run run) {
      this.plan = plan;
      this.run = run;
      this.values = new Object[plan.aggregates.size()][];
      this.bits = new long[plan.aggregates.size()][];
    }

    /**
     * The batch's value of an aggregate's property for the row being added, as the twin keeps it
     * ({@link TwinReads#ref}; {@link #ABSENT} when not set), or null when not read ahead.
     */
    Object prefetched(int aggregate) {
      return prefetched < 0 || values[aggregate] == null ? null : values[aggregate][prefetched];
    }

    /** The number read ahead with {@link #prefetched}, when that is a number. */
    long prefetchedBits(int aggregate) {
      return bits[aggregate][prefetched];
    }

    /**
     * Adds a batch of rows: first the values of the aggregates that read a twin's property, for
     * all rows together (their memory reads overlap), then each row in order.
     */
    void accept(Object[][] rows, int n) {
      List<Aggregate> as = plan.aggregates;
      for (int i = 0; i < as.size(); i++) {
        Aggregate a = as.get(i);
        if (a.property == null || a.kind > Aggregate.AVG) continue;
        if (values[i] == null || values[i].length < n) {
          values[i] = new Object[Math.max(n, 64)];
          bits[i] = new long[values[i].length];
        }
        Object[] v = values[i];
        long[] b = bits[i];
        Object layout = null;
        int at = -1;
        for (int k = 0; k < n; k++) {
          Object t = rows[k][a.slot];
          if (t instanceof Twin) {
            // the property's slot looked up again only when the twin's layout changes
            Object l = TwinReads.layout((Twin) t);
            if (l != layout) {
              layout = l;
              at = TwinReads.slot(l, a.property);
            }
            Object r = at < 0 ? ABSENT : TwinReads.ref((Twin) t, at);
            v[k] = r;
            // the number too, in this loop: the reads of many twins' numbers overlap
            if (TwinReads.isNumber(r)) b[k] = TwinReads.bits((Twin) t, r);
          } else {
            v[k] = null;
          }
        }
      }
      for (int k = 0; k < n; k++) {
        prefetched = k;
        accept(rows[k]);
      }
      prefetched = -1;
    }

    @Override
    public void accept(Object[] row) {
      Object key;
      if (plan.groupKeys.isEmpty()) {
        key = List.of();
      } else if (plan.groupKeys.size() == 1) {
        Object raw = plan.groupKeys.get(0).eval(row, run);
        // rows of one group often come in a run (all the rooms of one floor): the same key
        // object, such as the twin's own id string, is the same group without a hash lookup
        if (raw == lastRaw && last != null) {
          last.add(row, run, this);
          return;
        }
        key = GroupKey.of(raw);
        lastRaw = raw;
      } else {
        List<Object> keys = new ArrayList<>(plan.groupKeys.size());
        for (Eval k : plan.groupKeys) keys.add(GroupKey.of(k.eval(row, run)));
        key = keys;
      }
      Group g = groups.get(key);
      if (g == null) {
        g = new Group(row.clone(), plan.aggregates);
        groups.put(key, g);
        if (groups.size() > run.limits.maxIntermediateRows()) {
          throw new QueryLimitException(Limit.MAX_INTERMEDIATE_ROWS, "the query builds more than "
              + run.limits.maxIntermediateRows() + " groups; raise QueryLimits.maxIntermediateRows");
        }
      }
      if (plan.groupKeys.size() == 1) last = g;
      g.add(row, run, this);
    }

    @Override
    public List<Object> finish() {
      if (groups.isEmpty() && plan.groupKeys.isEmpty()) {
        groups.put(List.of(), new Group(new Object[plan.slots.size()], plan.aggregates));
      }
      List<Object> rows = new ArrayList<>();
      List<Object[]> keys = new ArrayList<>();
      Set<Object> seen = new HashSet<>();
      for (Group g : groups.values()) {
        run.aggregates = g.results();
        Object o = project(plan, g.first, run);
        if (plan.distinct && !seen.add(distinctKey(plan, o))) continue;
        Object[] k = new Object[plan.sortKeys.size()];
        for (int i = 0; i < k.length; i++) k[i] = plan.sortKeys.get(i).key.eval(g.first, run);
        rows.add(o);
        keys.add(k);
      }
      run.aggregates = null;
      if (plan.sortKeys.isEmpty()) return rows;
      Integer[] idx = new Integer[rows.size()];
      for (int i = 0; i < idx.length; i++) idx[i] = i;
      Arrays.sort(idx, (a, b) -> compareKeys(plan.sortKeys, keys.get(a), keys.get(b)));
      List<Object> out = new ArrayList<>();
      for (Integer i : idx) out.add(rows.get(i));
      return out;
    }
  }

  /** Group keys compare numbers by value (1 and 1.0 are one group) and JSON by content. */
  private static final class GroupKey {
    static Object of(Object v) {
      if (v instanceof Long) return ((Long) v).doubleValue();
      if (v instanceof Twin) return "twin:" + ((Twin) v).id();
      if (v instanceof Relation) return "rel:" + ((Relation) v).sourceId() + "/" + ((Relation) v).id();
      if (v instanceof JsonNode || v instanceof List) return Values.toJson(v).toString();
      return v;
    }
  }

  private static final class Group {
    final Object[] first;
    final List<Aggregate> aggregates;
    final long[] counts;
    final double[] sums;
    final boolean[] allLong;
    final long[] longSums;
    final Object[] extremes;

    Group(Object[] first, List<Aggregate> aggregates) {
      this.first = first;
      this.aggregates = aggregates;
      int n = aggregates.size();
      counts = new long[n];
      sums = new double[n];
      allLong = new boolean[n];
      Arrays.fill(allLong, true);
      longSums = new long[n];
      extremes = new Object[n];
    }

    void add(Object[] row, Run run, GroupSink sink) {
      for (int i = 0; i < aggregates.size(); i++) {
        Aggregate a = aggregates.get(i);
        if (a.arg == null) {
          counts[i]++;
          continue;
        }
        if (a.property != null && a.kind <= Aggregate.AVG && addProperty(i, a, row, sink)) continue;
        Object v = a.arg.eval(row, run);
        if (v == Values.UNDEFINED || v == Ast.Null.NULL) continue;
        switch (a.function) {
          case "COUNT":
            counts[i]++;
            break;
          case "SUM":
          case "AVG":
            if (!Values.isNumber(v)) break;
            counts[i]++;
            sums[i] += ((Number) v).doubleValue();
            if (v instanceof Long && allLong[i]) {
              try {
                longSums[i] = Math.addExact(longSums[i], (Long) v);
              } catch (ArithmeticException overflow) {
                allLong[i] = false;
              }
            } else {
              allLong[i] = false;
            }
            break;
          case "MIN":
          case "MAX": {
            if (v instanceof JsonNode || v instanceof List || v instanceof Twin || v instanceof Relation) break;
            counts[i]++;
            int c = extremes[i] == null ? 0 : Values.order(v, extremes[i]);
            if (extremes[i] == null || (a.function.equals("MIN") ? c < 0 : c > 0)) extremes[i] = v;
            break;
          }
          default:
            throw new IllegalStateException(a.function);
        }
      }
    }

    /**
     * COUNT, SUM or AVG of a twin's property, read in place without making a run-time value:
     * the same as evaluating the argument (a missing or null value is skipped, SUM and AVG take
     * numbers only, integers sum exactly while they fit in a long).
     *
     * @return false when the slot holds no twin, for the general path to decide
     */
    private boolean addProperty(int i, Aggregate a, Object[] row, GroupSink sink) {
      Object t = row[a.slot];
      if (!(t instanceof Twin)) return false;
      Twin twin = (Twin) t;
      Object read = sink.prefetched(i);
      Object r = read != null ? read : TwinReads.ref(twin, a.property);
      if (r == null || r == ABSENT) return true;
      if (TwinReads.isNumber(r)) {
        counts[i]++;
        if (a.kind == Aggregate.COUNT) return true;
        long b = read != null ? sink.prefetchedBits(i) : TwinReads.bits(twin, r);
        if (TwinReads.isIntegral(r)) {
          addLong(i, b);
        } else {
          sums[i] += Double.longBitsToDouble(b);
          allLong[i] = false;
        }
        return true;
      }
      if (TwinReads.isString(r)) {
        if (a.kind == Aggregate.COUNT) counts[i]++;
        return true;
      }
      JsonNode n = (JsonNode) r;
      if (n.isNull() || n.isMissingNode()) return true;
      if (a.kind == Aggregate.COUNT) {
        counts[i]++;
        return true;
      }
      if (!n.isNumber()) return true;
      counts[i]++;
      if (n.isIntegralNumber() && n.canConvertToLong()) {
        addLong(i, n.longValue());
      } else {
        sums[i] += n.doubleValue();
        allLong[i] = false;
      }
      return true;
    }

    private void addLong(int i, long v) {
      sums[i] += (double) v;
      if (allLong[i]) {
        try {
          longSums[i] = Math.addExact(longSums[i], v);
        } catch (ArithmeticException overflow) {
          allLong[i] = false;
        }
      }
    }

    Object[] results() {
      Object[] out = new Object[aggregates.size()];
      for (int i = 0; i < out.length; i++) {
        switch (aggregates.get(i).function) {
          case "COUNT": out[i] = counts[i]; break;
          case "SUM": out[i] = counts[i] == 0 ? (Object) 0L : allLong[i] ? (Object) longSums[i] : (Object) sums[i]; break;
          case "AVG": out[i] = counts[i] == 0 ? Values.UNDEFINED : (Object) (sums[i] / counts[i]); break;
          default: out[i] = extremes[i] == null ? Values.UNDEFINED : extremes[i]; break;
        }
      }
      return out;
    }
  }

  // ------------------------------------------------------------------------------------ EXPLAIN

  /**
   * Describes a plan, one line per step.
   *
   * @param plan the plan
   * @param run the run (for the estimates of the current graph)
   * @return the lines
   */
  public static List<String> explain(Plan plan, Run run) {
    List<String> out = new ArrayList<>();
    int n = 1;
    for (Step s : plan.steps) {
      String t = s instanceof Scan ? ((Scan) s).text : s instanceof Expand ? ((Expand) s).text
          : s instanceof Plan.Optional ? ((Plan.Optional) s).text : "filter " + ((Filter) s).text;
      out.add(n++ + ". " + t);
    }
    StringBuilder result = new StringBuilder();
    if (plan.countOnly && countFast(plan, run) >= 0) result.append("count from the index without reading twins");
    else if (plan.grouped) result.append(plan.groupKeys.isEmpty() ? "aggregate all rows" : "group by " + plan.groupKeys.size() + " key(s)");
    else result.append(plan.star ? "return twin documents" : "project " + names(plan.columns));
    if (plan.distinct) result.append(", distinct");
    if (!plan.sortKeys.isEmpty()) result.append(", sort by ").append(plan.sortKeys.size()).append(" key(s)");
    if (plan.top != null || plan.limit != null) result.append(", stop after TOP/LIMIT rows");
    if (plan.offset != null) result.append(", skip OFFSET rows");
    out.add(n + ". " + result);
    return out;
  }

  private static String names(List<Column> columns) {
    List<String> out = new ArrayList<>();
    for (Column c : columns) out.add(c.name);
    return String.join(", ", out);
  }
}
