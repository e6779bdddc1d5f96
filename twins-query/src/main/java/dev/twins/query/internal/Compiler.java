package dev.twins.query.internal;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.read.TwinReads;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Models;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Property;
import dev.twins.core.model.Relationship;
import dev.twins.core.model.Telemetry;
import dev.twins.query.QueryException;
import dev.twins.query.internal.Ast.ArrayLiteral;
import dev.twins.query.internal.Ast.Binary;
import dev.twins.query.internal.Ast.BinaryOp;
import dev.twins.query.internal.Ast.Call;
import dev.twins.query.internal.Ast.Direction;
import dev.twins.query.internal.Ast.Exists;
import dev.twins.query.internal.Ast.Expr;
import dev.twins.query.internal.Ast.In;
import dev.twins.query.internal.Ast.Join;
import dev.twins.query.internal.Ast.Literal;
import dev.twins.query.internal.Ast.MatchClause;
import dev.twins.query.internal.Ast.MatchSource;
import dev.twins.query.internal.Ast.Null;
import dev.twins.query.internal.Ast.Order;
import dev.twins.query.internal.Ast.Param;
import dev.twins.query.internal.Ast.PathExpr;
import dev.twins.query.internal.Ast.Pattern;
import dev.twins.query.internal.Ast.Projection;
import dev.twins.query.internal.Ast.RelationshipsSource;
import dev.twins.query.internal.Ast.Select;
import dev.twins.query.internal.Ast.TwinsSource;
import dev.twins.query.internal.Ast.Unary;
import dev.twins.query.internal.Ast.UnaryOp;
import dev.twins.query.internal.Plan.AccessKind;
import dev.twins.query.internal.Plan.Aggregate;
import dev.twins.query.internal.Plan.Column;
import dev.twins.query.internal.Plan.Edge;
import dev.twins.query.internal.Plan.Expand;
import dev.twins.query.internal.Plan.Filter;
import dev.twins.query.internal.Plan.Scan;
import dev.twins.query.internal.Plan.Slot;
import dev.twins.query.internal.Plan.SortKey;
import dev.twins.query.internal.Plan.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Validates a query against the graph's models and compiles it into a {@link Plan}: slots for its
 * aliases, evaluators for its expressions, and the steps that bind the slots, chosen to start
 * from a {@code $dtId} lookup, a property index or the model index rather than a scan.
 */
public final class Compiler {
  private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");
  private static final Set<String> TWIN_SYSTEM = Set.of("$dtId", "$etag", "$metadata");
  private static final Set<String> REL_SYSTEM = Set.of("$relationshipId", "$sourceId", "$targetId",
      "$relationshipName", "$etag");

  private final Twins twins;
  private final Models models;
  private final Select q;
  private final String text;
  private final Map<Object, Integer> offsets;
  private final boolean strict;
  private final Functions functions;
  private final List<Slot> slots = new ArrayList<>();
  private final Map<String, Integer> aliases = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();
  private final Set<String> params = new TreeSet<>();
  private List<Aggregate> aggregates;
  private boolean implicitAlias;
  private int groups;
  private Map<String, Eval> projectionNames = Map.of();

  private Compiler(Twins twins, Select q, String text, Map<Object, Integer> offsets, boolean strict, Functions functions) {
    this.twins = twins;
    this.models = twins.models();
    this.q = q;
    this.text = text;
    this.offsets = offsets;
    this.strict = strict;
    this.functions = functions;
  }

  /**
   * Validates and compiles a query.
   *
   * @param twins the graph
   * @param q the tree
   * @param text the text it was parsed from, or null
   * @param offsets where its nodes start in the text
   * @param strict whether names the models do not have are errors (otherwise they match nothing, as in ADT)
   * @param functions the functions beyond the built-in ones
   * @return the plan
   * @throws QueryException if the query names something unknown or misuses a clause
   */
  public static Plan compile(Twins twins, Select q, String text, Map<Object, Integer> offsets, boolean strict,
      Functions functions) {
    return new Compiler(twins, q, text, offsets, strict, functions).run();
  }

  private QueryException error(Object node, String message) {
    Integer at = node == null ? null : offsets.get(node);
    return Syntax.invalid(text, at == null ? -1 : at, message);
  }

  // ----------------------------------------------------------------------------------- sources

  private int addSlot(String name, boolean relation, Object node) {
    if (aliases.containsKey(name)) {
      Slot s = slots.get(aliases.get(name));
      if (s.relation || relation) throw error(node, "alias " + name + " is used twice");
      return aliases.get(name);
    }
    Slot s = new Slot(name, relation);
    slots.add(s);
    aliases.put(name, slots.size() - 1);
    if (slots.size() > 64) throw error(node, "a query can have at most 64 aliases");
    return slots.size() - 1;
  }

  private void sources() {
    if (q.from() instanceof RelationshipsSource) {
      RelationshipsSource r = (RelationshipsSource) q.from();
      implicitAlias = r.alias().isEmpty();
      addSlot(r.alias().orElse(""), true, r);
    } else if (q.from() instanceof TwinsSource) {
      TwinsSource t = (TwinsSource) q.from();
      implicitAlias = t.alias().isEmpty() && t.joins().isEmpty();
      if (t.alias().isEmpty() && !t.joins().isEmpty()) {
        throw error(t.joins().get(0), "a query with JOIN needs an alias after FROM DIGITALTWINS");
      }
      addSlot(t.alias().orElse(""), false, t);
      for (Join j : t.joins()) {
        Integer src = aliases.get(j.source());
        if (src == null || slots.get(src).relation) {
          throw error(j, "JOIN ... RELATED " + j.source() + "." + j.relationship() + ": " + j.source()
              + " is not a twin alias declared before it" + suggestion(j.source(), twinAliases()));
        }
        if (aliases.containsKey(j.target())) throw error(j, "alias " + j.target() + " is declared twice");
        Edge e = new Edge();
        e.a = src;
        e.b = addSlot(j.target(), false, j);
        e.names = List.of(j.relationship());
        e.direction = Direction.RIGHT;
        e.optional = j.optional();
        if (j.optional()) e.group = groups++;
        if (j.relAlias().isPresent()) {
          if (aliases.containsKey(j.relAlias().get())) throw error(j, "alias " + j.relAlias().get() + " is declared twice");
          e.rel = addSlot(j.relAlias().get(), true, j);
        }
        if (j.optional()) {
          slots.get(e.b).optional = true;
          if (e.rel >= 0) slots.get(e.rel).optional = true;
        }
        e.text = (j.optional() ? "OPTIONAL JOIN " : "JOIN ") + j.target() + " RELATED " + j.source() + "." + j.relationship()
            + j.relAlias().map(a -> " " + a).orElse("");
        checkRelationshipName(j.relationship(), j);
        edges.add(e);
      }
    } else {
      MatchSource m = (MatchSource) q.from();
      for (MatchClause c : m.clauses()) {
        int group = c.optional() ? groups++ : -1;
        int firstEdge = edges.size();
        for (Pattern p : c.patterns()) {
          int[] nodeSlots = new int[p.nodes().size()];
          for (int i = 0; i < nodeSlots.length; i++) {
            String n = p.nodes().get(i);
            boolean fresh = !aliases.containsKey(n);
            nodeSlots[i] = addSlot(n, false, p);
            if (fresh && c.optional()) slots.get(nodeSlots[i]).optional = true;
          }
          for (int i = 0; i < p.edges().size(); i++) {
            edges.add(edge(p.edges().get(i), nodeSlots[i], nodeSlots[i + 1], c.optional(), true));
          }
        }
        for (int i = firstEdge; i < edges.size(); i++) edges.get(i).group = group;
      }
    }
  }

  private Edge edge(Ast.Edge pe, int a, int b, boolean optional, boolean declareVariable) {
    Edge e = new Edge();
    e.a = a;
    e.b = b;
    e.names = pe.names();
    e.direction = pe.direction();
    e.optional = optional;
    int maxHops = Integer.MAX_VALUE;
    e.min = pe.hops().map(h -> h.min(maxHops)).orElse(1);
    e.max = pe.hops().map(h -> h.max(maxHops)).orElse(1);
    if (e.max < e.min) {
      throw error(pe, "the hop range " + Printer.expr(new Ast.Exists(new Pattern(List.of("a", "b"), List.of(pe))))
          .replaceFirst("^EXISTS \\(a\\)", "").replaceFirst("\\(b\\)$", "") + " matches no hop count (ADT's lower "
          + "bound is exclusive: *1..3 is 2 or 3 hops)");
    }
    if (pe.variable().isPresent()) {
      if (e.max != 1 || e.min != 1) {
        throw error(pe, "a relationship variable (" + pe.variable().get() + ") needs a single hop, as in ADT");
      }
      if (declareVariable) {
        if (aliases.containsKey(pe.variable().get())) throw error(pe, "alias " + pe.variable().get() + " is declared twice");
        e.rel = addSlot(pe.variable().get(), true, pe);
        if (optional) slots.get(e.rel).optional = true;
      }
    }
    for (String n : pe.names()) checkRelationshipName(n, pe);
    StringBuilder sb = new StringBuilder();
    Printer.pattern(sb, new Pattern(List.of(slots.get(a).name, slots.get(b).name), List.of(pe)));
    e.text = (optional ? "OPTIONAL " : "") + sb;
    return e;
  }

  private List<String> twinAliases() {
    List<String> out = new ArrayList<>();
    for (Slot s : slots) if (!s.relation && !s.name.isEmpty()) out.add(s.name);
    return out;
  }

  // ------------------------------------------------------------------------------------ models

  private Set<String> relationshipNames() {
    Set<String> out = new TreeSet<>();
    for (Interface i : models.interfaces()) for (Relationship r : i.relationships()) out.add(r.name());
    return out;
  }

  private void checkRelationshipName(String name, Object node) {
    if (!strict) return;
    Set<String> names = relationshipNames();
    if (!names.contains(name)) {
      throw error(node, "`" + name + "` is not a relationship of any model in the graph" + suggestion(name, names));
    }
  }

  /** The loaded models that IS_OF_MODEL(m) matches: the same DTMI or a higher version, before subtypes. */
  private List<Dtmi> family(Dtmi m) {
    List<Dtmi> out = new ArrayList<>();
    for (Interface i : models.interfaces()) {
      Dtmi id = i.info().id();
      if (id.unversioned().equals(m.unversioned())
          && (id.equals(m) || id.majorVersion() > m.majorVersion()
          || id.majorVersion() == m.majorVersion() && id.minorVersion() >= m.minorVersion())) {
        out.add(id);
      }
    }
    return out;
  }

  private Set<Dtmi> ofModel(List<Dtmi> family, boolean exact) {
    Set<Dtmi> out = new HashSet<>();
    for (Dtmi f : family) {
      if (exact) out.add(f);
      else out.addAll(models.subtypes(f));
    }
    return out;
  }

  private List<Dtmi> roots(List<Dtmi> family) {
    List<Dtmi> out = new ArrayList<>();
    for (Dtmi f : family) {
      boolean covered = false;
      for (Dtmi g : family) if (!g.equals(f) && models.isOfModel(f, g)) covered = true;
      if (!covered) out.add(f);
    }
    return out;
  }

  private Dtmi modelArgument(Expr e, Call call) {
    if (!(e instanceof Literal) || !(((Literal) e).value() instanceof String)) {
      throw error(call, "IS_OF_MODEL takes the model DTMI as a string literal, e.g. 'dtmi:example:Room;1'");
    }
    String s = (String) ((Literal) e).value();
    Dtmi d;
    try {
      d = Dtmi.of(s);
    } catch (RuntimeException ex) {
      throw error(call, "'" + s + "' is not a valid DTMI: " + ex.getMessage());
    }
    if (strict && family(d).isEmpty()) {
      Set<String> all = new TreeSet<>();
      for (Interface i : models.interfaces()) all.add(i.info().id().value());
      throw error(call, "model " + s + " is not in the graph's models (nor a higher version of it)" + suggestion(s, all));
    }
    return d;
  }

  // --------------------------------------------------------------------------------- compiling

  private Plan run() {
    sources();
    List<Expr> conjuncts = new ArrayList<>();
    q.where().ifPresent(w -> split(w, conjuncts));
    // model constraints per twin slot, for validation and planning
    for (Expr c : conjuncts) {
      if (c instanceof Call && ((Call) c).name().equals("IS_OF_MODEL")) {
        Call call = (Call) c;
        int slot = isOfModelSlot(call);
        Slot s = slots.get(slot);
        if (s.relation || s.optional) continue;
        Dtmi d = modelArgument(modelArg(call), call);
        Set<Dtmi> m = ofModel(family(d), isExact(call));
        if (s.models == null) {
          s.models = m;
          s.modelText = d.value();
        } else {
          s.models.retainAll(m);
        }
      }
    }
    Plan plan = new Plan();
    plan.ast = q;
    plan.text = text;
    plan.slots = slots;
    plan.explain = q.explain();
    plan.distinct = q.distinct();
    plan.star = q.star();

    // projections
    boolean anyAggregate = false;
    for (Projection p : q.projections()) anyAggregate |= hasAggregate(p.expr());
    plan.grouped = anyAggregate || !q.groupBy().isEmpty();
    aggregates = new ArrayList<>();
    plan.groupKeys = new ArrayList<>();
    for (Expr g : q.groupBy()) {
      if (hasAggregate(g)) throw error(g, "GROUP BY cannot contain an aggregate");
      plan.groupKeys.add(compile(g, false));
    }
    if (q.star() && plan.grouped) throw error(q, "SELECT * cannot be grouped; name the columns");
    plan.columns = new ArrayList<>();
    Set<String> used = new HashSet<>();
    Map<String, Eval> names = new HashMap<>();
    for (Projection p : q.projections()) {
      if (plan.grouped) checkGrouped(p.expr());
      Eval ev = compile(p.expr(), plan.grouped);
      String name = p.as().orElseGet(() -> defaultName(p.expr()));
      if (!used.add(name)) {
        if (p.as().isPresent()) throw error(p, "two columns are named " + name);
        name = Printer.expr(p.expr());
        if (!used.add(name)) throw error(p, "the column " + name + " is selected twice; name one with AS");
      }
      names.put(name, ev);
      plan.columns.add(new Column(name, ev));
    }
    plan.countOnly = plan.grouped && q.groupBy().isEmpty() && q.projections().size() == 1
        && q.projections().get(0).expr().equals(new Call("COUNT", List.of()));
    projectionNames = names;
    plan.sortKeys = new ArrayList<>();
    for (Order o : q.orderBy()) {
      if (plan.grouped) checkGrouped(o.expr());
      else if (hasAggregate(o.expr())) throw error(o.expr(), "ORDER BY an aggregate needs GROUP BY or an aggregate in SELECT");
      plan.sortKeys.add(new SortKey(compile(o.expr(), plan.grouped), o.descending()));
    }
    projectionNames = Map.of();
    plan.aggregates = aggregates;
    plan.top = q.top().map(e -> compileConstant(e, "TOP")).orElse(null);
    plan.limit = q.limit().map(e -> compileConstant(e, "LIMIT")).orElse(null);
    plan.offset = q.offset().map(e -> compileConstant(e, "OFFSET")).orElse(null);
    plan.steps = plan(conjuncts);
    plan.params = params;
    plan.rowNames = plan.star ? plan.slots.stream().map(sl -> sl.name).toArray(String[]::new)
        : plan.columns.stream().map(c -> c.name).toArray(String[]::new);
    return plan;
  }

  private Eval compileConstant(Expr e, String clause) {
    if (!(e instanceof Literal) && !(e instanceof Param)) {
      throw error(e, clause + " takes an integer or a @parameter");
    }
    return compile(e, false);
  }

  private static void split(Expr e, List<Expr> out) {
    if (e instanceof Binary && ((Binary) e).op() == BinaryOp.AND) {
      split(((Binary) e).left(), out);
      split(((Binary) e).right(), out);
    } else {
      out.add(e);
    }
  }

  private String defaultName(Expr e) {
    if (e instanceof PathExpr) {
      List<String> s = ((PathExpr) e).segments();
      return s.get(s.size() - 1);
    }
    if (e instanceof Call && ((Call) e).args().isEmpty()) return ((Call) e).name();
    return Printer.expr(e);
  }

  private static boolean hasAggregate(Expr e) {
    if (e instanceof Call) {
      Call c = (Call) e;
      if (AGGREGATES.contains(c.name())) return true;
      for (Expr a : c.args()) if (hasAggregate(a)) return true;
      return false;
    }
    if (e instanceof Binary) return hasAggregate(((Binary) e).left()) || hasAggregate(((Binary) e).right());
    if (e instanceof Unary) return hasAggregate(((Unary) e).operand());
    if (e instanceof In) return hasAggregate(((In) e).value()) || hasAggregate(((In) e).list());
    if (e instanceof ArrayLiteral) {
      for (Expr a : ((ArrayLiteral) e).items()) if (hasAggregate(a)) return true;
    }
    return false;
  }

  private void checkGrouped(Expr e) {
    if (q.groupBy().contains(e)) return;
    if (e instanceof Call && AGGREGATES.contains(((Call) e).name())) return;
    if (e instanceof PathExpr) {
      PathExpr p = (PathExpr) e;
      if (p.segments().size() == 1 && projectionNames.containsKey(p.segments().get(0))
          && !aliases.containsKey(p.segments().get(0))) {
        return;
      }
      throw error(e, Printer.expr(e) + " must be in GROUP BY or inside an aggregate (COUNT, SUM, AVG, MIN, MAX)");
    }
    if (e instanceof Call) for (Expr a : ((Call) e).args()) checkGrouped(a);
    if (e instanceof Binary) {
      checkGrouped(((Binary) e).left());
      checkGrouped(((Binary) e).right());
    }
    if (e instanceof Unary) checkGrouped(((Unary) e).operand());
    if (e instanceof In) checkGrouped(((In) e).value());
  }

  // ------------------------------------------------------------------------------- expressions

  /** Slots an expression reads, as a bit set. */
  long slotsOf(Expr e) {
    if (e instanceof PathExpr) {
      Integer s = resolveSlot((PathExpr) e);
      return s == null ? 0 : 1L << s;
    }
    if (e instanceof Binary) return slotsOf(((Binary) e).left()) | slotsOf(((Binary) e).right());
    if (e instanceof Unary) return slotsOf(((Unary) e).operand());
    if (e instanceof In) return slotsOf(((In) e).value()) | slotsOf(((In) e).list());
    if (e instanceof ArrayLiteral) {
      long m = 0;
      for (Expr a : ((ArrayLiteral) e).items()) m |= slotsOf(a);
      return m;
    }
    if (e instanceof Call) {
      Call c = (Call) e;
      long m = 0;
      if (c.name().equals("IS_OF_MODEL")) return 1L << isOfModelSlot(c);
      for (Expr a : c.args()) m |= slotsOf(a);
      return m;
    }
    if (e instanceof Exists) {
      long m = 0;
      for (String n : ((Exists) e).pattern().nodes()) if (aliases.containsKey(n)) m |= 1L << aliases.get(n);
      for (Ast.Edge pe : ((Exists) e).pattern().edges()) {
        if (pe.variable().isPresent() && aliases.containsKey(pe.variable().get())) m |= 1L << aliases.get(pe.variable().get());
      }
      return m;
    }
    return 0;
  }

  private Integer resolveSlot(PathExpr p) {
    String first = p.segments().get(0);
    Integer s = aliases.get(first);
    if (s != null && !(implicitAlias && first.isEmpty())) return s;
    if (slots.size() == 1) return 0;
    return null;
  }

  Eval compile(Expr e, boolean grouped) {
    if (e instanceof Literal) {
      Object v = ((Literal) e).value();
      return (row, ctx) -> v;
    }
    if (e instanceof Param) {
      String name = ((Param) e).name();
      params.add(name);
      return (row, ctx) -> ctx.params.get(name);
    }
    if (e instanceof ArrayLiteral) {
      List<Eval> items = new ArrayList<>();
      for (Expr i : ((ArrayLiteral) e).items()) items.add(compile(i, grouped));
      return (row, ctx) -> {
        List<Object> out = new ArrayList<>(items.size());
        for (Eval i : items) out.add(i.eval(row, ctx));
        return out;
      };
    }
    if (e instanceof PathExpr) {
      PathExpr p = (PathExpr) e;
      if (p.segments().size() == 1 && projectionNames.containsKey(p.segments().get(0))
          && !aliases.containsKey(p.segments().get(0))) {
        return projectionNames.get(p.segments().get(0));
      }
      return path((PathExpr) e);
    }
    if (e instanceof Unary) {
      Unary u = (Unary) e;
      Eval x = compile(u.operand(), grouped);
      if (u.op() == UnaryOp.NOT) {
        return (row, ctx) -> {
          Object v = x.eval(row, ctx);
          return v instanceof Boolean ? (Object) !((Boolean) v) : Values.UNDEFINED;
        };
      }
      return (row, ctx) -> Arith.negate(x.eval(row, ctx));
    }
    if (e instanceof Binary) {
      Binary b = (Binary) e;
      Eval l = compile(b.left(), grouped);
      Eval r = compile(b.right(), grouped);
      switch (b.op()) {
        case AND:
          return (row, ctx) -> {
            Object x = l.eval(row, ctx);
            if (Boolean.FALSE.equals(x)) return Boolean.FALSE;
            Object y = r.eval(row, ctx);
            if (Boolean.FALSE.equals(y)) return Boolean.FALSE;
            return Boolean.TRUE.equals(x) && Boolean.TRUE.equals(y) ? Boolean.TRUE : Values.UNDEFINED;
          };
        case OR:
          return (row, ctx) -> {
            Object x = l.eval(row, ctx);
            if (Boolean.TRUE.equals(x)) return Boolean.TRUE;
            Object y = r.eval(row, ctx);
            if (Boolean.TRUE.equals(y)) return Boolean.TRUE;
            return Boolean.FALSE.equals(x) && Boolean.FALSE.equals(y) ? Boolean.FALSE : Values.UNDEFINED;
          };
        case EQ: case NE: case LT: case LE: case GT: case GE: {
          BinaryOp op = b.op();
          Eval fast = propertyComparison(b);
          if (fast != null) return fast;
          return (row, ctx) -> Arith.compare(op, l.eval(row, ctx), r.eval(row, ctx));
        }
        default: {
          BinaryOp op = b.op();
          return (row, ctx) -> Arith.arithmetic(op, l.eval(row, ctx), r.eval(row, ctx));
        }
      }
    }
    if (e instanceof In) {
      In in = (In) e;
      Eval v = compile(in.value(), grouped);
      Eval list = compile(in.list(), grouped);
      boolean neg = in.negated();
      return (row, ctx) -> {
        Object x = v.eval(row, ctx);
        if (x == Values.UNDEFINED) return Values.UNDEFINED;
        Object l = list.eval(row, ctx);
        Object c = Values.arrayContains(l, x);
        if (c == Values.UNDEFINED) return Values.UNDEFINED;
        return neg ? (Object) !((Boolean) c) : c;
      };
    }
    if (e instanceof Call) return call((Call) e, grouped);
    if (e instanceof Exists) return exists((Exists) e);
    throw new IllegalStateException("unknown expression " + e);
  }

  /** A comparison of a twin's top-level property with a string or number literal, compiled to read it in place. */
  private Eval propertyComparison(Binary b) {
    Object[] left = twinProperty(b.left());
    if (left != null && b.right() instanceof Literal) {
      return PropertyComparison.of((Integer) left[0], (String) left[1], b.op(), ((Literal) b.right()).value());
    }
    Object[] right = twinProperty(b.right());
    if (right != null && b.left() instanceof Literal) {
      return PropertyComparison.of((Integer) right[0], (String) right[1], flip(b.op()), ((Literal) b.left()).value());
    }
    return null;
  }

  /** The slot and name of a path that reads one top-level property of a twin alias, or null. */
  private Object[] twinProperty(Expr e) {
    if (!(e instanceof PathExpr)) return null;
    List<String> segs = ((PathExpr) e).segments();
    if (segs.size() == 1 && projectionNames.containsKey(segs.get(0)) && !aliases.containsKey(segs.get(0))) return null;
    Integer slot = aliases.get(segs.get(0));
    List<String> rest;
    if (slot != null && !(implicitAlias && segs.get(0).isEmpty())) {
      rest = segs.subList(1, segs.size());
    } else if (slots.size() == 1) {
      slot = 0;
      rest = segs;
    } else {
      return null;
    }
    if (slots.get(slot).relation || rest.size() != 1 || rest.get(0).startsWith("$")) return null;
    return new Object[] {slot, rest.get(0).intern()};
  }

  /** A path split into the slot of its alias (or the only source's) and the segments after it. */
  private record Aliased(int slot, List<String> rest) {}

  private Aliased aliased(PathExpr p) {
    List<String> segs = p.segments();
    Integer slot = aliases.get(segs.get(0));
    if (slot != null && !(implicitAlias && segs.get(0).isEmpty())) {
      return new Aliased(slot, segs.subList(1, segs.size()));
    }
    if (slots.size() == 1) {
      return new Aliased(0, segs);
    }
    throw error(p, "`" + segs.get(0) + "` is not an alias of this query" + suggestion(segs.get(0), aliases.keySet())
        + " (the aliases are " + String.join(", ", aliases.keySet()) + ")");
  }

  private Eval path(PathExpr p) {
    Aliased a = aliased(p);
    List<String> rest = a.rest();
    Slot s = slots.get(a.slot());
    List<String> path = List.copyOf(rest);
    if (!path.isEmpty()) checkProperty(s, path.get(0), p);
    int sl = a.slot();
    if (s.relation) return (row, ctx) -> relationPath((Relation) row[sl], path);
    if (path.size() == 1 && path.get(0).equals("$dtId")) {
      return (row, ctx) -> row[sl] == null ? Values.UNDEFINED : ((Twin) row[sl]).id();
    }
    if (path.size() == 1 && !path.get(0).startsWith("$")) {
      // the JSON parser interns property names, so the twin's slot lookup usually matches by identity
      String name = path.get(0).intern();
      return (row, ctx) -> {
        Twin t = (Twin) row[sl];
        return t == null ? Values.UNDEFINED : propertyValue(t, name);
      };
    }
    return (row, ctx) -> twinPath((Twin) row[sl], path);
  }

  private void checkProperty(Slot s, String name, Object node) {
    if (!strict) return;
    if (s.relation) {
      if (name.startsWith("$")) {
        if (!REL_SYSTEM.contains(name)) {
          throw error(node, "`" + name + "` is not a field of a relationship" + suggestion(name, REL_SYSTEM));
        }
        return;
      }
      Set<String> props = new TreeSet<>();
      for (Interface i : models.interfaces()) {
        for (Relationship r : i.relationships()) for (Property p : r.properties()) props.add(p.name());
      }
      if (!props.contains(name)) {
        throw error(node, "`" + name + "` is not a property of any relationship in the graph's models"
            + suggestion(name, props));
      }
      return;
    }
    if (name.startsWith("$")) {
      if (!TWIN_SYSTEM.contains(name)) throw error(node, "`" + name + "` is not a field of a twin" + suggestion(name, TWIN_SYSTEM));
      return;
    }
    Set<String> props = new TreeSet<>();
    Set<String> telemetry = new TreeSet<>();
    for (Interface i : models.interfaces()) {
      if (s.models != null && !s.models.contains(i.info().id())) continue;
      for (Content c : i.contents().values()) {
        if (c instanceof Property || c instanceof Component) props.add(c.name());
        if (c instanceof Telemetry) telemetry.add(c.name());
      }
    }
    if (props.contains(name)) return;
    String where = s.models == null ? "any model in the graph" : s.modelText + " or any model that extends it";
    if (telemetry.contains(name)) {
      throw error(node, "`" + name + "` is a Telemetry of " + where + ", not a property stored on the twin; "
          + "read it with a series function");
    }
    throw error(node, "`" + name + "` is not a property of " + where + suggestion(name, props));
  }

  /**
   * The run-time value of a twin's top-level property, read unboxed from its snapshot: a string
   * or number without a JSON node; other values as {@link Values#of} converts them (objects and
   * arrays from a copy, as {@link Twin#property} returns them).
   */
  static Object propertyValue(Twin t, String name) {
    Object r = TwinReads.ref(t, name);
    if (r == null) return Values.UNDEFINED;
    if (TwinReads.isString(r)) return r;
    if (TwinReads.isNumber(r)) {
      return TwinReads.isIntegral(r) ? (Object) TwinReads.longValue(t, r) : (Object) TwinReads.doubleValue(t, r);
    }
    return Values.of(t.property(name).orElse(null));
  }

  static Object twinPath(Twin t, List<String> path) {
    if (t == null) return Values.UNDEFINED;
    if (path.isEmpty()) return t;
    String first = path.get(0);
    if (first.equals("$dtId")) return path.size() == 1 ? t.id() : Values.UNDEFINED;
    if (first.equals("$etag")) return path.size() == 1 ? t.etag() : Values.UNDEFINED;
    if (first.equals("$metadata") && path.size() == 2) {
      String m = path.get(1);
      if (m.equals("$model") || m.equals("model")) return t.model().value();
      if (m.equals("$lastUpdateTime")) return t.lastUpdateTime().toString();
    }
    boolean system = false;
    for (int i = 1; i < path.size(); i++) system |= path.get(i).startsWith("$");
    JsonNode n;
    int i;
    if (first.startsWith("$") || system) {
      n = t.toJson();
      i = 0;
    } else {
      n = t.property(first).orElse(null);
      i = 1;
    }
    for (; i < path.size() && n != null; i++) n = n.isObject() ? n.get(path.get(i)) : null;
    return Values.of(n);
  }

  static Object relationPath(Relation r, List<String> path) {
    if (r == null) return Values.UNDEFINED;
    if (path.isEmpty()) return r;
    String first = path.get(0);
    Object v;
    switch (first) {
      case "$relationshipId": v = r.id(); break;
      case "$sourceId": v = r.sourceId(); break;
      case "$targetId": v = r.targetId(); break;
      case "$relationshipName": v = r.name(); break;
      case "$etag": v = r.etag(); break;
      default: {
        JsonNode n = r.property(first).orElse(null);
        for (int i = 1; i < path.size() && n != null; i++) n = n.isObject() ? n.get(path.get(i)) : null;
        return Values.of(n);
      }
    }
    return path.size() == 1 ? v : Values.UNDEFINED;
  }

  private int isOfModelSlot(Call c) {
    if (c.args().size() >= 2 && c.args().get(0) instanceof PathExpr) {
      PathExpr p = (PathExpr) c.args().get(0);
      if (p.segments().size() == 1) {
        Integer s = aliases.get(p.segments().get(0));
        if (s == null) {
          throw error(p, "`" + p.segments().get(0) + "` is not an alias of this query" + suggestion(p.segments().get(0),
              aliases.keySet()));
        }
        if (slots.get(s).relation) throw error(p, "IS_OF_MODEL takes a twin alias, and " + p.segments().get(0) + " is a relationship");
        return s;
      }
    }
    return 0;
  }

  private Expr modelArg(Call c) {
    return c.args().size() >= 2 && c.args().get(0) instanceof PathExpr ? c.args().get(1) : c.args().get(0);
  }

  private boolean isExact(Call c) {
    boolean collection = c.args().size() >= 2 && c.args().get(0) instanceof PathExpr;
    int idx = collection ? 2 : 1;
    if (c.args().size() <= idx) return false;
    Expr e = c.args().get(idx);
    if (e instanceof PathExpr && ((PathExpr) e).segments().size() == 1
        && ((PathExpr) e).segments().get(0).equalsIgnoreCase("exact")) {
      return true;
    }
    throw error(e, "the last argument of IS_OF_MODEL can only be exact");
  }

  private Eval call(Call c, boolean grouped) {
    String name = c.name();
    List<Expr> args = c.args();
    if (AGGREGATES.contains(name)) {
      if (!grouped) throw error(c, name + " is an aggregate: use it in SELECT or ORDER BY, not in WHERE");
      if (name.equals("COUNT") ? args.size() > 1 : args.size() != 1) {
        throw error(c, name + (name.equals("COUNT") ? " takes no argument or one" : " takes one argument"));
      }
      for (Expr a : args) if (hasAggregate(a)) throw error(c, "aggregates cannot be nested");
      Eval arg = args.isEmpty() ? null : compile(args.get(0), false);
      int index = aggregates.size();
      Aggregate agg = new Aggregate(name, arg);
      Object[] property = args.isEmpty() ? null : twinProperty(args.get(0));
      if (property != null) {
        agg.slot = (Integer) property[0];
        agg.property = (String) property[1];
      }
      aggregates.add(agg);
      return (row, ctx) -> ctx.aggregates[index];
    }
    if (name.equals("IS_OF_MODEL")) {
      if (args.isEmpty() || args.size() > 3) throw error(c, "IS_OF_MODEL takes ([alias,] 'dtmi' [, exact])");
      int slot = isOfModelSlot(c);
      Dtmi d = modelArgument(modelArg(c), c);
      boolean exact = isExact(c);
      Set<Dtmi> set = ofModel(family(d), exact);
      // the graph gives the twins of a model one shared Dtmi: compare references before hashing
      return new ModelFilter(slot, set);
    }
    if (name.equals(HistoryFunctions.PROPERTY_AT)) return propertyAt(c, grouped);
    List<Eval> a = new ArrayList<>();
    for (Expr x : args) a.add(compile(x, grouped));
    switch (name) {
      case "IS_DEFINED": arity(c, 1); return (row, ctx) -> a.get(0).eval(row, ctx) != Values.UNDEFINED;
      case "IS_NULL": arity(c, 1); return (row, ctx) -> a.get(0).eval(row, ctx) == Null.NULL;
      case "IS_BOOL": arity(c, 1); return (row, ctx) -> a.get(0).eval(row, ctx) instanceof Boolean;
      case "IS_NUMBER": arity(c, 1); return (row, ctx) -> Values.isNumber(a.get(0).eval(row, ctx));
      case "IS_STRING": arity(c, 1); return (row, ctx) -> a.get(0).eval(row, ctx) instanceof String;
      case "IS_PRIMITIVE": arity(c, 1); return (row, ctx) -> {
        Object v = a.get(0).eval(row, ctx);
        return v instanceof String || v instanceof Boolean || Values.isNumber(v) || v == Null.NULL;
      };
      case "IS_OBJECT": arity(c, 1); return (row, ctx) -> {
        Object v = a.get(0).eval(row, ctx);
        return v instanceof JsonNode && ((JsonNode) v).isObject() || v instanceof Twin || v instanceof Relation;
      };
      case "STARTSWITH": case "ENDSWITH": case "CONTAINS": {
        arity(c, 2);
        return (row, ctx) -> {
          Object s = a.get(0).eval(row, ctx);
          Object p = a.get(1).eval(row, ctx);
          if (!(s instanceof String) || !(p instanceof String)) return Values.UNDEFINED;
          String str = (String) s;
          String pre = (String) p;
          return name.equals("STARTSWITH") ? str.startsWith(pre) : name.equals("ENDSWITH") ? str.endsWith(pre)
              : str.contains(pre);
        };
      }
      case "ARRAY_CONTAINS": arity(c, 2); return (row, ctx) -> Values.arrayContains(a.get(0).eval(row, ctx), a.get(1).eval(row, ctx));
      case "NOW": arity(c, 0); return (row, ctx) -> ctx.now;
      case "DURATION": arity(c, 1); return (row, ctx) -> {
        Duration d = Values.duration(a.get(0).eval(row, ctx));
        return d == null ? Values.UNDEFINED : d;
      };
      case "DATETIME": arity(c, 1); return (row, ctx) -> {
        Instant i = Values.instant(a.get(0).eval(row, ctx));
        return i == null ? Values.UNDEFINED : i;
      };
      case "ABS": arity(c, 1); return (row, ctx) -> Arith.abs(a.get(0).eval(row, ctx));
      case "ROUND": case "FLOOR": case "CEILING": arity(c, 1); return (row, ctx) -> Arith.round(name, a.get(0).eval(row, ctx));
      case "LOWER": case "UPPER": arity(c, 1); return (row, ctx) -> {
        Object v = a.get(0).eval(row, ctx);
        if (!(v instanceof String)) return Values.UNDEFINED;
        return name.equals("LOWER") ? ((String) v).toLowerCase(Locale.ROOT) : ((String) v).toUpperCase(Locale.ROOT);
      };
      case "LENGTH": arity(c, 1); return (row, ctx) -> {
        Object v = a.get(0).eval(row, ctx);
        if (v instanceof String) return (long) ((String) v).length();
        if (v instanceof JsonNode && ((JsonNode) v).isArray()) return (long) ((JsonNode) v).size();
        if (v instanceof List) return (long) ((List<?>) v).size();
        return Values.UNDEFINED;
      };
      case "GEO_DISTANCE": arity(c, 2); return (row, ctx) -> Geo.distance(a.get(0).eval(row, ctx), a.get(1).eval(row, ctx));
      case "GEO_WITHIN": arity(c, 2); return (row, ctx) -> Geo.within(a.get(0).eval(row, ctx), a.get(1).eval(row, ctx));
      default:
        break;
    }
    Optional<Functions.Function> f = functions.get(name);
    if (f.isEmpty() && SeriesFunctions.SIGNATURES.containsKey(name)) {
      throw error(c, name + " reads telemetry history: give the engine a series store with "
          + "QueryEngine.builder(twins).series(store)");
    }
    if (f.isEmpty()) {
      Set<String> known = new TreeSet<>(List.of("IS_OF_MODEL", "IS_DEFINED", "IS_NULL", "IS_BOOL", "IS_NUMBER",
          "IS_STRING", "IS_PRIMITIVE", "IS_OBJECT", "STARTSWITH", "ENDSWITH", "CONTAINS", "ARRAY_CONTAINS", "NOW",
          "DURATION", "DATETIME", "ABS", "ROUND", "FLOOR", "CEILING", "LOWER", "UPPER", "LENGTH", "GEO_DISTANCE",
          "GEO_WITHIN", "COUNT", "SUM", "AVG", "MIN", "MAX", "PROPERTY_AT"));
      known.addAll(functions.names());
      throw error(c, "unknown function " + name + suggestion(name, known));
    }
    Functions.Function fn = f.get();
    if (strict && SeriesFunctions.SIGNATURES.containsKey(name) && args.size() >= 2 && args.get(1) instanceof Literal
        && ((Literal) args.get(1)).value() instanceof String) {
      String telemetry = (String) ((Literal) args.get(1)).value();
      Set<String> names = new TreeSet<>();
      for (Interface i : models.interfaces()) {
        for (Content ct : i.contents().values()) {
          if (ct instanceof Telemetry || ct instanceof Property) names.add(ct.name());
        }
      }
      if (!names.contains(telemetry)) {
        throw error(c, "`" + telemetry + "` is not a telemetry or property of any model in the graph"
            + suggestion(telemetry, names));
      }
    }
    if (args.size() < fn.minArgs() || args.size() > fn.maxArgs()) {
      throw error(c, name + " takes " + (fn.minArgs() == fn.maxArgs() ? String.valueOf(fn.minArgs())
          : fn.minArgs() + " to " + fn.maxArgs()) + " arguments, not " + args.size());
    }
    return (row, ctx) -> {
      Object[] values = new Object[a.size()];
      for (int i = 0; i < values.length; i++) values[i] = a.get(i).eval(row, ctx);
      return fn.body().apply(values, ctx);
    };
  }

  /** {@code PROPERTY_AT(alias.property.sub, time)}: the path is checked, not evaluated. */
  private Eval propertyAt(Call c, boolean grouped) {
    String name = HistoryFunctions.PROPERTY_AT;
    if (c.args().size() != 2) throw error(c, name + " takes (alias.property, time), not " + c.args().size() + " arguments");
    if (!(c.args().get(0) instanceof PathExpr)) {
      throw error(c.args().get(0), "the first argument of " + name + " is a twin property, such as R.temperature");
    }
    PathExpr p = (PathExpr) c.args().get(0);
    List<String> segs = p.segments();
    Aliased a = aliased(p);
    List<String> rest = a.rest();
    Slot s = slots.get(a.slot());
    if (s.relation) throw error(p, name + " reads twin properties, and " + s.shown() + " is a relationship");
    if (rest.isEmpty()) throw error(p, name + " needs a property of " + s.shown() + ", such as " + segs.get(0) + ".temperature");
    for (String r : rest) {
      if (r.startsWith("$")) throw error(p, name + " reads property values; `" + r + "` has no history");
    }
    checkProperty(s, rest.get(0), p);
    Optional<Functions.Function> f = functions.get(name);
    if (f.isEmpty() || functions.history().isEmpty()) {
      throw error(c, name + " reads property history: give the engine one with "
          + "QueryEngine.builder(twins).history(PropertyHistory.builder()...attach(twins))");
    }
    if (strict) {
      dev.twins.core.history.PropertyHistory h = functions.history().get();
      String prop = rest.get(0);
      boolean tracked = false;
      Set<String> candidates = new TreeSet<>();
      for (Interface i : models.interfaces()) {
        Dtmi id = i.info().id();
        if (s.models != null && !s.models.contains(id)) continue;
        if (!i.content(prop).isPresent()) continue;
        candidates.add(id.value());
        tracked |= h.tracks(id, prop);
      }
      if (!tracked && !candidates.isEmpty()) {
        throw error(p, "`" + prop + "` of " + s.shown() + " has no history: the engine's PropertyHistory does not track it"
            + " for " + String.join(", ", candidates) + "; select it with PropertyHistory.builder().track(model, \""
            + prop + "\") or trackAll()");
      }
    }
    Functions.Function fn = f.get();
    List<String> path = List.copyOf(rest);
    Eval time = compile(c.args().get(1), grouped);
    int sl = a.slot();
    return (row, ctx) -> {
      Object t = row[sl];
      if (!(t instanceof Twin)) return Values.UNDEFINED;
      return fn.body().apply(new Object[] {t, path, time.eval(row, ctx)}, ctx);
    };
  }

  private void arity(Call c, int n) {
    if (c.args().size() != n) {
      throw error(c, c.name() + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", not " + c.args().size());
    }
  }

  private Eval exists(Exists ex) {
    Pattern p = ex.pattern();
    // Bind the pattern's aliases: those of the query are read from the row, new ones are local.
    int base = slots.size();
    Map<String, Integer> local = new HashMap<>();
    int[] nodeSlots = new int[p.nodes().size()];
    for (int i = 0; i < nodeSlots.length; i++) {
      String n = p.nodes().get(i);
      Integer s = aliases.get(n);
      if (s != null && slots.get(s).relation) throw error(ex, n + " is a relationship alias, not a twin alias");
      if (s == null) s = local.computeIfAbsent(n, k -> base + local.size());
      nodeSlots[i] = s;
    }
    List<Edge> es = new ArrayList<>();
    for (int i = 0; i < p.edges().size(); i++) {
      Ast.Edge pe = p.edges().get(i);
      if (pe.variable().isPresent()) throw error(ex, "a pattern inside EXISTS cannot name its relationships");
      Edge e = new Edge();
      e.a = nodeSlots[i];
      e.b = nodeSlots[i + 1];
      e.names = pe.names();
      e.direction = pe.direction();
      e.min = pe.hops().map(h -> h.min(Integer.MAX_VALUE)).orElse(1);
      e.max = pe.hops().map(h -> h.max(Integer.MAX_VALUE)).orElse(1);
      for (String n : pe.names()) checkRelationshipName(n, ex);
      es.add(e);
    }
    int width = base + local.size();
    if (nodeSlots.length > 0 && nodeSlots[0] >= base && es.isEmpty()) return (row, ctx) -> Boolean.TRUE;
    return (row, ctx) -> Executor.exists(row, width, nodeSlots, es, ctx);
  }

  // --------------------------------------------------------------------------------- planning

  private List<Step> plan(List<Expr> conjuncts) {
    List<Step> steps = new ArrayList<>();
    int n = slots.size();
    long[] masks = new long[conjuncts.size()];
    boolean[] placed = new boolean[conjuncts.size()];
    long optionalMask = 0;
    for (int i = 0; i < n; i++) if (slots.get(i).optional) optionalMask |= 1L << i;
    for (int i = 0; i < conjuncts.size(); i++) masks[i] = slotsOf(conjuncts.get(i));
    long bound = 0;
    boolean[] done = new boolean[edges.size()];
    // relationship slots bound only through their edge
    long relOfEdges = 0;
    for (Edge e : edges) if (e.rel >= 0) relOfEdges |= 1L << e.rel;
    placeFilters(steps, conjuncts, masks, placed, bound, optionalMask);
    while (true) {
      // expand a required edge from a bound end
      Edge next = null;
      int nextIndex = -1;
      for (int i = 0; i < edges.size() && next == null; i++) {
        Edge e = edges.get(i);
        if (done[i] || e.optional) continue;
        if ((bound & (1L << e.a | 1L << e.b)) != 0) {
          next = e;
          nextIndex = i;
        }
      }
      if (next != null) {
        done[nextIndex] = true;
        steps.add(expand(next, bound));
        bound |= 1L << next.a | 1L << next.b;
        if (next.rel >= 0) bound |= 1L << next.rel;
        placeFilters(steps, conjuncts, masks, placed, bound, optionalMask);
        continue;
      }
      // scan the cheapest unbound required slot
      int best = -1;
      Scan bestScan = null;
      for (int i = 0; i < n; i++) {
        if ((bound & 1L << i) != 0 || slots.get(i).optional || (relOfEdges & 1L << i) != 0) continue;
        Scan s = access(i, conjuncts, masks);
        if (bestScan == null || s.estimate < bestScan.estimate) {
          best = i;
          bestScan = s;
        }
      }
      if (bestScan != null) {
        steps.add(bestScan);
        bound |= 1L << best;
        placeFilters(steps, conjuncts, masks, placed, bound, optionalMask);
        continue;
      }
      break;
    }
    // optional clauses, in order: each one's edges from a bound end, all or nothing
    for (int g = 0; g < groups; g++) {
      List<Step> inner = new ArrayList<>();
      long before = bound;
      boolean progress = true;
      while (progress) {
        progress = false;
        for (int i = 0; i < edges.size(); i++) {
          Edge e = edges.get(i);
          if (done[i] || e.group != g || (bound & (1L << e.a | 1L << e.b)) == 0) continue;
          inner.add(expand(e, bound));
          bound |= 1L << e.a | 1L << e.b;
          if (e.rel >= 0) bound |= 1L << e.rel;
          done[i] = true;
          progress = true;
        }
      }
      for (int i = 0; i < edges.size(); i++) {
        if (!done[i] && edges.get(i).group == g) {
          throw error(null, "the OPTIONAL pattern " + edges.get(i).text + " must share an alias with the patterns before it");
        }
      }
      if (inner.isEmpty()) continue;
      Plan.Optional o = new Plan.Optional();
      o.inner = inner;
      long added = bound & ~before;
      o.slots = new int[Long.bitCount(added)];
      for (int i = 0, k = 0; i < 64; i++) if ((added & 1L << i) != 0) o.slots[k++] = i;
      StringBuilder t = new StringBuilder("optionally (all or nothing):");
      for (Step st : inner) t.append(" [").append(((Expand) st).text).append(']');
      o.text = t.toString();
      steps.add(o);
    }
    for (int i = 0; i < conjuncts.size(); i++) {
      if (!placed[i]) steps.add(filter(conjuncts.get(i)));
    }
    return steps;
  }

  private void placeFilters(List<Step> steps, List<Expr> conjuncts, long[] masks, boolean[] placed, long bound,
      long optionalMask) {
    for (int i = 0; i < conjuncts.size(); i++) {
      if (placed[i] || (masks[i] & optionalMask) != 0 || (masks[i] & ~bound) != 0) continue;
      placed[i] = true;
      if (implied(conjuncts.get(i), steps)) continue;
      steps.add(filter(conjuncts.get(i)));
    }
  }

  /** Whether the last scan already guarantees a condition (a $dtId lookup, a model or index scan). */
  private static boolean implied(Expr c, List<Step> steps) {
    if (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof Scan)) return false;
    for (Object o : ((Scan) steps.get(steps.size() - 1)).implied) if (o == c) return true;
    return false;
  }

  private Filter filter(Expr c) {
    Filter f = new Filter();
    f.cond = compile(c, false);
    f.text = Printer.expr(c);
    return f;
  }

  private Expand expand(Edge e, long bound) {
    Expand x = new Expand();
    x.edge = e;
    x.reverse = (bound & 1L << e.a) == 0;
    x.into = (bound & 1L << e.a) != 0 && (bound & 1L << e.b) != 0;
    String from = slots.get(x.reverse ? e.b : e.a).name;
    String to = slots.get(x.reverse ? e.a : e.b).name;
    boolean outgoing = e.direction == Direction.RIGHT ^ x.reverse;
    String adjacency = e.direction == Direction.ANY ? "outgoing and incoming" : outgoing ? "outgoing" : "incoming";
    x.text = (x.into ? "check " : "expand ") + e.text + " from " + from + " to " + to + " by " + adjacency
        + " relationships" + (e.names.isEmpty() ? "" : " named " + String.join("|", e.names))
        + (e.max > 1 ? ", " + e.min + ".." + (e.max == Integer.MAX_VALUE ? "max" : String.valueOf(e.max))
        + " hops, each relationship once per path, distinct end twins" : "");
    return x;
  }

  private Scan access(int slot, List<Expr> conjuncts, long[] masks) {
    Slot s = slots.get(slot);
    Scan best = new Scan();
    best.slot = slot;
    if (s.relation) {
      best.kind = AccessKind.REL_ALL;
      best.estimate = twins.relationCount();
      best.text = "scan all relationships as " + s.shown() + " (est. " + best.estimate + ")";
      for (int i = 0; i < conjuncts.size(); i++) {
        if (masks[i] != 1L << slot) continue;
        Optional<Eval> ids = idsOf(conjuncts.get(i), slot, "$sourceId");
        if (ids.isPresent()) {
          best.kind = AccessKind.REL_BY_SOURCE;
          best.ids = ids.get();
          best.estimate = 4;
          best.text = "relationships by $sourceId: outgoing adjacency of " + Printer.expr(conjuncts.get(i));
          best.implied.add(conjuncts.get(i));
          return best;
        }
        ids = idsOf(conjuncts.get(i), slot, "$targetId");
        if (ids.isPresent()) {
          best.kind = AccessKind.REL_BY_TARGET;
          best.ids = ids.get();
          best.estimate = 4;
          best.text = "relationships by $targetId: incoming adjacency of " + Printer.expr(conjuncts.get(i));
          best.implied.clear();
          best.implied.add(conjuncts.get(i));
        }
      }
      return best;
    }
    best.kind = AccessKind.ALL;
    best.estimate = twins.twinCount();
    best.text = "scan all twins as " + s.shown() + " (est. " + best.estimate + ")";
    Dtmi model = null;
    for (int i = 0; i < conjuncts.size(); i++) {
      if (masks[i] != 1L << slot) continue;
      Expr c = conjuncts.get(i);
      Optional<Eval> ids = idsOf(c, slot, "$dtId");
      if (ids.isPresent()) {
        best.kind = AccessKind.IDS;
        best.ids = ids.get();
        best.estimate = c instanceof In && ((In) c).list() instanceof ArrayLiteral
            ? ((ArrayLiteral) ((In) c).list()).items().size() : 1;
        best.text = "look up " + s.shown() + " by " + Printer.expr(c) + " (est. " + best.estimate + ")";
        best.implied.clear();
        best.implied.add(c);
        return best;
      }
    }
    for (int i = 0; i < conjuncts.size(); i++) {
      if (masks[i] != 1L << slot) continue;
      Expr c = conjuncts.get(i);
      if (c instanceof Call && ((Call) c).name().equals("IS_OF_MODEL") && isOfModelSlot((Call) c) == slot) {
        Call call = (Call) c;
        Dtmi d = modelArgument(modelArg(call), call);
        List<Dtmi> roots = roots(family(d));
        long count = 0;
        for (Dtmi r : roots) count += twins.countOfModel(r, false);
        if (count < best.estimate || best.kind == AccessKind.ALL) {
          best.kind = AccessKind.MODEL;
          best.roots = roots;
          best.estimate = count;
          best.text = "scan the model index for " + roots + " as " + s.shown() + " (est. " + count + ")";
          best.implied.clear();
          if (!isExact(call)) best.implied.add(c);
          if (roots.size() == 1) model = roots.get(0);
        }
      }
    }
    if (model != null) indexAccess(best, slot, model, conjuncts, masks);
    return best;
  }

  /** Narrows a model scan to a property range index when a conjunct compares a scalar property with a constant. */
  private void indexAccess(Scan scan, int slot, Dtmi model, List<Expr> conjuncts, long[] masks) {
    Interface i = models.get(model).orElse(null);
    if (i == null) return;
    for (int k = 0; k < conjuncts.size(); k++) {
      if (masks[k] != 1L << slot || !(conjuncts.get(k) instanceof Binary)) continue;
      Binary b = (Binary) conjuncts.get(k);
      if (!b.op().isComparison() || b.op() == BinaryOp.NE) continue;
      Expr prop = b.left();
      Expr value = b.right();
      BinaryOp op = b.op();
      if (!(prop instanceof PathExpr)) {
        prop = b.right();
        value = b.left();
        op = flip(op);
      }
      if (!(prop instanceof PathExpr) || !(value instanceof Literal || value instanceof Param)) continue;
      List<String> rest = propertyPath((PathExpr) prop, slot);
      if (rest == null || rest.size() != 1) continue;
      Optional<Content> content = i.content(rest.get(0));
      if (content.isEmpty() || !(content.get() instanceof Property)) continue;
      if (!(((Property) content.get()).schema() instanceof PrimitiveSchema)) continue;
      PrimitiveSchema ps = (PrimitiveSchema) ((Property) content.get()).schema();
      boolean numeric = ps.isNumeric() && ps != PrimitiveSchema.DECIMAL && ps != PrimitiveSchema.UNSIGNED_LONG;
      if (!(numeric || ps == PrimitiveSchema.STRING || ps == PrimitiveSchema.BOOLEAN)) continue;
      if (value instanceof Literal) {
        Object v = ((Literal) value).value();
        if (numeric ? !(v instanceof Long || v instanceof Double) : ps == PrimitiveSchema.STRING ? !(v instanceof String)
            : !(v instanceof Boolean)) {
          continue;
        }
      }
      Eval ev = compile(value, false);
      scan.kind = AccessKind.INDEX;
      scan.property = rest.get(0);
      scan.lower = op == BinaryOp.GT || op == BinaryOp.GE || op == BinaryOp.EQ ? ev : null;
      scan.lowerInclusive = op != BinaryOp.GT;
      scan.upper = op == BinaryOp.LT || op == BinaryOp.LE || op == BinaryOp.EQ ? ev : null;
      scan.upperInclusive = op != BinaryOp.LT;
      scan.estimate = Math.max(1, op == BinaryOp.EQ ? scan.estimate / 20 : scan.estimate / 3);
      scan.implied.add(conjuncts.get(k));
      scan.rangeCondition = compile(conjuncts.get(k), false);
      scan.text = "look up " + slots.get(slot).shown() + " in the property index " + model + " " + scan.property
          + " for " + Printer.expr(conjuncts.get(k)) + " (est. " + scan.estimate + ")";
      return;
    }
  }

  private static BinaryOp flip(BinaryOp op) {
    switch (op) {
      case LT: return BinaryOp.GT;
      case LE: return BinaryOp.GE;
      case GT: return BinaryOp.LT;
      case GE: return BinaryOp.LE;
      default: return op;
    }
  }

  private List<String> propertyPath(PathExpr p, int slot) {
    String first = p.segments().get(0);
    Integer s = aliases.get(first);
    if (s != null && !(implicitAlias && first.isEmpty())) {
      return s == slot ? p.segments().subList(1, p.segments().size()) : null;
    }
    return slots.size() == 1 ? p.segments() : null;
  }

  /** A conjunct {@code slot.field = constant} or {@code slot.field IN list}: the ids it names. */
  private Optional<Eval> idsOf(Expr c, int slot, String field) {
    if (c instanceof Binary && ((Binary) c).op() == BinaryOp.EQ) {
      Binary b = (Binary) c;
      if (isField(b.left(), slot, field) && isConstant(b.right())) return Optional.of(compile(b.right(), false));
      if (isField(b.right(), slot, field) && isConstant(b.left())) return Optional.of(compile(b.left(), false));
    }
    if (c instanceof In && !((In) c).negated() && isField(((In) c).value(), slot, field)) {
      In in = (In) c;
      if (in.list() instanceof Param || in.list() instanceof ArrayLiteral && allConstant((ArrayLiteral) in.list())) {
        return Optional.of(compile(in.list(), false));
      }
    }
    return Optional.empty();
  }

  private boolean isField(Expr e, int slot, String field) {
    if (!(e instanceof PathExpr)) return false;
    List<String> rest = propertyPath((PathExpr) e, slot);
    return rest != null && rest.size() == 1 && rest.get(0).equals(field);
  }

  private static boolean isConstant(Expr e) {
    return e instanceof Literal || e instanceof Param;
  }

  private static boolean allConstant(ArrayLiteral a) {
    for (Expr e : a.items()) if (!isConstant(e)) return false;
    return true;
  }

  // ------------------------------------------------------------------------------ suggestions

  /**
   * Suggests the closest of some names.
   *
   * @param name the unknown name
   * @param candidates the known names
   * @return {@code "; did you mean `x`?"}, or empty when none is close
   */
  static String suggestion(String name, Iterable<String> candidates) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.isEmpty()) continue;
      int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    if (best == null || bestD > Math.max(2, name.length() / 3)) return "";
    return "; did you mean `" + best + "`?";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
