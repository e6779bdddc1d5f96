package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.history.PropertyHistory;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import dev.twins.query.internal.Ast;
import dev.twins.query.internal.Ast.Binary;
import dev.twins.query.internal.Ast.Call;
import dev.twins.query.internal.Ast.Expr;
import dev.twins.query.internal.Ast.In;
import dev.twins.query.internal.Ast.Literal;
import dev.twins.query.internal.Ast.PathExpr;
import dev.twins.query.internal.Ast.Unary;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;

/**
 * Random graphs and random queries: the planner (index, model index, $dtId lookups, reverse and
 * into expansions) returns the same rows as a deliberately naive evaluator that tries every
 * combination of twins and relationships.
 */
class DifferentialProperties {
  static final Models MODELS = ModelParser.parseJson("""
      {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Node;1", "@type": "Interface",
       "contents": [
         {"@type": "Property", "name": "n", "schema": "integer"},
         {"@type": "Property", "name": "x", "schema": "double"},
         {"@type": "Property", "name": "s", "schema": "string"},
         {"@type": "Property", "name": "b", "schema": "boolean"},
         {"@type": "Relationship", "name": "r", "properties": [{"@type": "Property", "name": "w", "schema": "integer"}]},
         {"@type": "Relationship", "name": "q"}
       ]}""", """
      {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Sub;1", "@type": "Interface",
       "extends": "dtmi:test:Node;1",
       "contents": [{"@type": "Property", "name": "y", "schema": "integer"}]}""");

  /** A random graph as data, so that jqwik can print and shrink it. */
  record Graph(List<Map<String, Object>> twins, List<int[]> rels, List<Boolean> relIsR, List<Integer> weights) {
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CHANGED = Instant.parse("2026-01-01T01:00:00Z");
    /** The history of the graph last built (jqwik runs tries one at a time). */
    static PropertyHistory history;

    /**
     * Builds the graph at {@link #CREATED} with a history of every property, then at {@link #CHANGED}
     * changes {@code n} of every twin: absent becomes 5, 0 becomes absent, others grow by 1. So
     * {@code PROPERTY_AT(x.n, '2026-01-01T00:30:00Z')} reads the generated {@code n}, and {@code x.n}
     * the changed one.
     */
    Twins build() {
      Instant[] now = {CREATED};
      Twins t = Twins.builder(MODELS).clock(new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now[0];
        }
      }).build();
      history = PropertyHistory.builder().trackAll().attach(t);
      for (int i = 0; i < twins.size(); i++) {
        Map<String, Object> p = new HashMap<>(twins.get(i));
        String model = (Boolean) p.remove("sub") ? "dtmi:test:Sub;1" : "dtmi:test:Node;1";
        if (model.endsWith("Node;1")) p.remove("y");
        t.createTwin("t" + i, model, p);
      }
      for (int k = 0; k < rels.size(); k++) {
        int[] r = rels.get(k);
        if (r[0] == r[1]) continue;
        String name = relIsR.get(k) ? "r" : "q";
        Relation rel = t.relate("t" + r[0], "e" + k, name, "t" + r[1]);
        if (relIsR.get(k) && weights.get(k) >= 0) {
          t.patchRelation("t" + r[0], rel.id(), dev.twins.core.graph.JsonPatch.builder().add("/w", weights.get(k)).build(),
              dev.twins.core.graph.Condition.none());
        }
      }
      now[0] = CHANGED;
      for (int i = 0; i < twins.size(); i++) {
        Object n = twins.get(i).get("n");
        if (n == null) {
          t.set("t" + i, "n", 5);
        } else if ((Integer) n == 0) {
          t.patch("t" + i, dev.twins.core.graph.JsonPatch.builder().remove("/n").build());
        } else {
          t.set("t" + i, "n", (Integer) n + 1);
        }
      }
      return t;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < twins.size(); i++) sb.append("t").append(i).append(twins.get(i)).append(' ');
      for (int k = 0; k < rels.size(); k++) {
        sb.append("t").append(rels.get(k)[0]).append(relIsR.get(k) ? "-r" : "-q").append(weights.get(k)).append("->t")
            .append(rels.get(k)[1]).append(' ');
      }
      return sb.toString();
    }
  }

  @Provide
  Arbitrary<Graph> graphs() {
    Arbitrary<Map<String, Object>> twin = Combinators.combine(Arbitraries.of(true, false),
        Arbitraries.integers().between(0, 5).injectNull(0.3), Arbitraries.of(0.5, 1.0, 2.5, 4.0).injectNull(0.3),
        Arbitraries.of("a", "b", "c").injectNull(0.3), Arbitraries.of(true, false).injectNull(0.3),
        Arbitraries.integers().between(0, 3).injectNull(0.4)).as((sub, n, x, s, b, y) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("sub", sub);
          if (n != null) m.put("n", n);
          if (x != null) m.put("x", x);
          if (s != null) m.put("s", s);
          if (b != null) m.put("b", b);
          if (y != null) m.put("y", y);
          return m;
        });
    return twin.list().ofMinSize(1).ofMaxSize(7).flatMap(ts -> {
      int n = ts.size();
      Arbitrary<int[]> rel = Combinators.combine(Arbitraries.integers().between(0, n - 1), Arbitraries.integers().between(0, n - 1))
          .as((a, b) -> new int[] {a, b});
      return Arbitraries.integers().between(0, 12).flatMap(k -> Combinators.combine(rel.list().ofSize(k),
          Arbitraries.of(true, false).list().ofSize(k), Arbitraries.integers().between(-1, 3).list().ofSize(k))
          .as((rs, isR, w) -> new Graph(ts, rs, isR, w)));
    });
  }

  // --------------------------------------------------------------------------------- queries

  private static Arbitrary<String> atom(List<String> twinAliases, List<String> relAliases) {
    Arbitrary<String> x = Arbitraries.of(twinAliases);
    List<Arbitrary<String>> atoms = new ArrayList<>(List.of(
        x.flatMap(a -> Arbitraries.integers().between(0, 6).map(i -> a + ".$dtId = 't" + i + "'")),
        x.flatMap(a -> Arbitraries.integers().between(0, 6).list().ofMaxSize(3)
            .map(l -> a + ".$dtId IN [" + l.stream().map(i -> "'t" + i + "'").collect(Collectors.joining(", ")) + "]")),
        Combinators.combine(x, Arbitraries.of(">", ">=", "<", "<=", "=", "!="), Arbitraries.integers().between(0, 5))
            .as((a, op, v) -> a + ".n " + op + " " + v),
        Combinators.combine(x, Arbitraries.of(">", "<=", "="), Arbitraries.of("1", "2.5", "'a'"))
            .as((a, op, v) -> a + ".x " + op + " " + v),
        Combinators.combine(x, Arbitraries.of("=", "!=", ">"), Arbitraries.of("'a'", "'b'", "1"))
            .as((a, op, v) -> a + ".s " + op + " " + v),
        x.map(a -> a + ".b = true"),
        Combinators.combine(x, Arbitraries.of(">", ">=", "<", "=", "!="), Arbitraries.integers().between(0, 6))
            .as((a, op, v) -> "PROPERTY_AT(" + a + ".n, '2026-01-01T00:30:00Z') " + op + " " + v),
        x.map(a -> "IS_DEFINED(PROPERTY_AT(" + a + ".n, '2026-01-01T01:00:00Z'))"),
        x.map(a -> "IS_DEFINED(" + a + ".y)"),
        x.map(a -> "IS_OF_MODEL(" + a + ", 'dtmi:test:Sub;1')"),
        x.map(a -> "IS_OF_MODEL(" + a + ", 'dtmi:test:Node;1', exact)"),
        x.map(a -> "IS_OF_MODEL(" + a + ", 'dtmi:test:Node;1') AND " + a + ".n >= 2")));
    if (!relAliases.isEmpty()) {
      atoms.add(Combinators.combine(Arbitraries.of(relAliases), Arbitraries.of(">", "=", "<"), Arbitraries.integers().between(0, 3))
          .as((a, op, v) -> a + ".w " + op + " " + v));
    }
    return Arbitraries.oneOf(atoms);
  }

  private static Arbitrary<String> condition(List<String> twinAliases, List<String> relAliases, int depth) {
    Arbitrary<String> a = atom(twinAliases, relAliases);
    if (depth == 0) return a;
    Arbitrary<String> sub = condition(twinAliases, relAliases, depth - 1);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, a),
        net.jqwik.api.Tuple.of(3, Combinators.combine(sub, sub).as((l, r) -> l + " AND " + r)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as((l, r) -> "(" + l + " OR " + r + ")")),
        net.jqwik.api.Tuple.of(1, sub.map(s -> "NOT (" + s + ")")));
  }

  private static Arbitrary<String> edge(boolean variable) {
    Arbitrary<String> names = Arbitraries.of("", ":r", ":q", ":r|q");
    Arbitrary<String> hops = variable ? Arbitraries.just("") : Arbitraries.of("", "", "*2", "*..2", "*1..3", "*0..2");
    return Combinators.combine(Arbitraries.of("->", "<-", "--"), names, hops).as((dir, n, h) -> {
      String spec = (variable ? "E" : "") + n + h;
      return dir.equals("->") ? "-[" + spec + "]->" : dir.equals("<-") ? "<-[" + spec + "]-" : "-[" + spec + "]-";
    });
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> single = condition(List.of("A"), List.of(), 2).map(c ->
        "SELECT A.$dtId AS a FROM DIGITALTWINS A WHERE " + c);
    Arbitrary<String> join = Combinators.combine(Arbitraries.of("r", "q"), Arbitraries.of(true, false),
        condition(List.of("A", "B"), List.of("E"), 2)).as((rel, named, c) ->
        "SELECT A.$dtId AS a, B.$dtId AS b" + (named ? ", E.$relationshipId AS e" : "") + " FROM DIGITALTWINS A JOIN B RELATED A."
            + rel + (named ? " E" : "") + " WHERE " + (named ? c : c.replaceAll("E\\.w [<>=] \\d", "A.n > 0")));
    Arbitrary<String> match = Combinators.combine(edge(false), edge(false), condition(List.of("A", "B", "C"), List.of(), 2))
        .as((e1, e2, c) -> "SELECT A.$dtId AS a, B.$dtId AS b, C.$dtId AS c FROM DIGITALTWINS MATCH (A)" + e1 + "(B)" + e2
            + "(C) WHERE " + c);
    Arbitrary<String> matchVar = Combinators.combine(edge(true), condition(List.of("A", "B"), List.of("E"), 2))
        .as((e1, c) -> "SELECT A.$dtId AS a, B.$dtId AS b, E.$relationshipId AS e FROM DIGITALTWINS MATCH (A)" + e1 + "(B) WHERE " + c);
    Arbitrary<String> count = Combinators.combine(edge(false), condition(List.of("A", "B"), List.of(), 1))
        .as((e1, c) -> "SELECT COUNT() FROM DIGITALTWINS MATCH (A)" + e1 + "(B) WHERE " + c);
    Arbitrary<String> rels = Arbitraries.integers().between(0, 6).list().ofMaxSize(3).map(l ->
        "SELECT E.$relationshipId AS e, E.$sourceId AS s FROM RELATIONSHIPS E WHERE E.$sourceId IN ["
            + l.stream().map(i -> "'t" + i + "'").collect(Collectors.joining(", ")) + "] OR E.w > 1");
    Arbitrary<String> relsBySource = Arbitraries.integers().between(0, 6).map(i ->
        "SELECT E.$relationshipId AS e, E.$targetId AS t FROM RELATIONSHIPS E WHERE E.$sourceId = 't" + i + "'");
    return Arbitraries.oneOf(single, join, match, matchVar, count, rels, relsBySource);
  }

  @Property(tries = 600)
  void plannedRowsEqualNaiveRows(@ForAll("graphs") Graph g, @ForAll("queries") String text) {
    Twins twins = g.build();
    Query q = Query.parse(text);
    List<String> planned = QueryEngine.builder(twins).strict(false).history(Graph.history).build().query(q).stream().map(QueryRow::toString)
        .sorted().collect(Collectors.toList());
    List<String> naive = new Naive(twins, g).run(q.ast()).stream().sorted().collect(Collectors.toList());
    assertThat(planned).as("%s%nover %s", text, g).isEqualTo(naive);
  }

  /** GROUP BY over a hop: by the first twin (rows of one group arrive together) or by a property of the second. */
  @Provide
  Arbitrary<String> groupQueries() {
    return Combinators.combine(edge(false), Arbitraries.of("A.$dtId", "B.s"), condition(List.of("A", "B"), List.of(), 1))
        .as((e1, key, c) -> "SELECT " + key + " AS k, COUNT() AS c, SUM(B.n) AS s, AVG(B.x) AS m, MIN(B.n) AS lo, "
            + "MAX(B.x) AS hi, COUNT(B.x) AS cx FROM DIGITALTWINS MATCH (A)" + e1 + "(B) WHERE " + c + " GROUP BY " + key);
  }

  @Property(tries = 300)
  void groupedRowsEqualNaiveGroups(@ForAll("graphs") Graph g, @ForAll("groupQueries") String text) {
    Twins twins = g.build();
    Query q = Query.parse(text);
    List<String> planned = QueryEngine.builder(twins).strict(false).history(Graph.history).build().query(q).stream()
        .map(r -> normal(r.toJson())).sorted().collect(Collectors.toList());
    Naive naive = new Naive(twins, g);
    String key = text.endsWith("GROUP BY A.$dtId") ? "A.$dtId" : "B.s";
    Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> b : naive.matches(q.ast())) {
      Twin k = (Twin) b.get(key.equals("A.$dtId") ? "A" : "B");
      Object v = key.equals("A.$dtId") ? k.id() : k.property("s").map(JsonNode::stringValue).orElse(null);
      groups.computeIfAbsent(v == null ? Naive.class : v, x -> new ArrayList<>()).add(b);
    }
    List<String> expected = new ArrayList<>();
    for (Map.Entry<Object, List<Map<String, Object>>> e : groups.entrySet()) {
      Map<String, String> row = new java.util.TreeMap<>();
      if (e.getKey() != Naive.class) row.put("k", (String) e.getKey());
      row.put("c", Double.toString(e.getValue().size()));
      List<Double> ns = new ArrayList<>();
      List<Double> xs = new ArrayList<>();
      for (Map<String, Object> b : e.getValue()) {
        Twin t = (Twin) b.get("B");
        t.property("n").ifPresent(n -> ns.add(n.doubleValue()));
        t.property("x").ifPresent(x -> xs.add(x.doubleValue()));
      }
      row.put("s", Double.toString(ns.stream().mapToDouble(Double::doubleValue).sum()));
      if (!xs.isEmpty()) row.put("m", Double.toString(xs.stream().mapToDouble(Double::doubleValue).sum() / xs.size()));
      if (!ns.isEmpty()) row.put("lo", Double.toString(ns.stream().mapToDouble(Double::doubleValue).min().getAsDouble()));
      if (!xs.isEmpty()) row.put("hi", Double.toString(xs.stream().mapToDouble(Double::doubleValue).max().getAsDouble()));
      row.put("cx", Double.toString(xs.size()));
      expected.add(row.toString());
    }
    expected.sort(null);
    assertThat(planned).as("%s%nover %s", text, g).isEqualTo(expected);
  }

  /** A result row as sorted {@code column=value}, numbers as doubles. */
  private static String normal(JsonNode row) {
    Map<String, String> m = new java.util.TreeMap<>();
    for (Map.Entry<String, JsonNode> e : row.properties()) {
      m.put(e.getKey(), e.getValue().isNumber() ? Double.toString(e.getValue().doubleValue()) : e.getValue().stringValue());
    }
    return m.toString();
  }

  // ------------------------------------------------------------------------ the naive evaluator

  /** Tries every assignment of twins and relationships to the aliases; no indexes, no planning. */
  static final class Naive {
    private final Twins twins;
    private final List<Twin> all;
    private final List<Relation> rels = new ArrayList<>();

    private final Graph graph;

    Naive(Twins twins, Graph graph) {
      this.twins = twins;
      this.graph = graph;
      this.all = twins.twins();
      for (Twin t : all) rels.addAll(twins.outgoing(t.id()));
    }

    /** One hop of an edge: the relationship joins a and b in the edge's direction, with an allowed name. */
    private static boolean hop(Relation r, String a, String b, Ast.Edge e) {
      if (!e.names().isEmpty() && !e.names().contains(r.name())) return false;
      boolean right = r.sourceId().equals(a) && r.targetId().equals(b);
      boolean left = r.sourceId().equals(b) && r.targetId().equals(a);
      switch (e.direction()) {
        case RIGHT: return right;
        case LEFT: return left;
        default: return right || left;
      }
    }

    /** Whether b is reachable from a in min..max hops, each relationship at most once per path. */
    private boolean reachable(String a, String b, Ast.Edge e, int min, int max, int depth, Set<Relation> used) {
      if (depth >= min && a.equals(b)) return true;
      if (depth == max) return false;
      for (Relation r : rels) {
        if (used.contains(r)) continue;
        String next = r.sourceId().equals(a) ? r.targetId() : r.targetId().equals(a) ? r.sourceId() : null;
        if (next == null || !hop(r, a, next, e)) continue;
        used.add(r);
        boolean ok = reachable(next, b, e, min, max, depth + 1, used);
        used.remove(r);
        if (ok) return true;
      }
      return false;
    }

    /** The bindings of the aliases that match the pattern and pass the WHERE condition. */
    List<Map<String, Object>> matches(Ast.Select s) {
      List<String> twinAliases = new ArrayList<>();
      List<Object[]> edges = new ArrayList<>(); // {a, b, Ast.Edge, relAlias or null}
      String relSource = null;
      if (s.from() instanceof Ast.TwinsSource) {
        Ast.TwinsSource t = (Ast.TwinsSource) s.from();
        twinAliases.add(t.alias().orElseThrow());
        for (Ast.Join j : t.joins()) {
          twinAliases.add(j.target());
          edges.add(new Object[] {j.source(), j.target(), new Ast.Edge(Ast.Direction.RIGHT, j.relAlias(),
              List.of(j.relationship()), java.util.Optional.empty()), j.relAlias().orElse(null)});
        }
      } else if (s.from() instanceof Ast.MatchSource) {
        for (Ast.Pattern p : ((Ast.MatchSource) s.from()).clauses().get(0).patterns()) {
          for (String n : p.nodes()) if (!twinAliases.contains(n)) twinAliases.add(n);
          for (int i = 0; i < p.edges().size(); i++) {
            edges.add(new Object[] {p.nodes().get(i), p.nodes().get(i + 1), p.edges().get(i),
                p.edges().get(i).variable().orElse(null)});
          }
        }
      } else {
        relSource = ((Ast.RelationshipsSource) s.from()).alias().orElseThrow();
      }
      List<Map<String, Object>> bindings = new ArrayList<>();
      if (relSource != null) {
        for (Relation r : rels) bindings.add(Map.of(relSource, r));
      } else {
        assign(twinAliases, 0, new HashMap<>(), bindings);
        for (Object[] e : edges) {
          List<Map<String, Object>> next = new ArrayList<>();
          Ast.Edge edge = (Ast.Edge) e[2];
          int min = edge.hops().map(h -> h.min(10)).orElse(1);
          int max = edge.hops().map(h -> h.max(10)).orElse(1);
          for (Map<String, Object> b : bindings) {
            String a = ((Twin) b.get((String) e[0])).id();
            String c = ((Twin) b.get((String) e[1])).id();
            if (min == 1 && max == 1) {
              for (Relation r : rels) {
                if (!hop(r, a, c, edge)) continue;
                Map<String, Object> m = new HashMap<>(b);
                if (e[3] != null) m.put((String) e[3], r);
                next.add(m);
              }
            } else if (reachable(a, c, edge, min, max, 0, new HashSet<>())) {
              next.add(b);
            }
          }
          bindings = next;
        }
      }
      List<Map<String, Object>> kept = new ArrayList<>();
      for (Map<String, Object> b : bindings) {
        if (s.where().isEmpty() || Boolean.TRUE.equals(eval(s.where().get(), b))) kept.add(b);
      }
      return kept;
    }

    List<String> run(Ast.Select s) {
      List<String> out = new ArrayList<>();
      long count = 0;
      for (Map<String, Object> b : matches(s)) {
        count++;
        StringBuilder row = new StringBuilder("{");
        for (Ast.Projection p : s.projections()) {
          if (p.expr() instanceof Call) continue;
          Object v = eval(p.expr(), b);
          if (v == null) continue;
          if (row.length() > 1) row.append(',');
          row.append('"').append(p.as().orElseThrow()).append("\":\"").append(v).append('"');
        }
        out.add(row.append('}').toString());
      }
      if (s.projections().get(0).expr() instanceof Call) return List.of("{\"COUNT\":" + count + "}");
      return out;
    }

    private void assign(List<String> aliases, int i, Map<String, Object> b, List<Map<String, Object>> out) {
      if (i == aliases.size()) {
        out.add(new HashMap<>(b));
        return;
      }
      for (Twin t : all) {
        b.put(aliases.get(i), t);
        assign(aliases, i + 1, b, out);
      }
      b.remove(aliases.get(i));
    }

    /** Values: null (missing), String, Double, Boolean; conditions: Boolean or null (unknown). */
    private Object eval(Expr e, Map<String, Object> b) {
      if (e instanceof Literal) {
        Object v = ((Literal) e).value();
        return v instanceof Long ? (Object) ((Long) v).doubleValue() : v;
      }
      if (e instanceof PathExpr) {
        List<String> seg = ((PathExpr) e).segments();
        Object o = b.get(seg.get(0));
        String f = seg.get(1);
        if (o instanceof Relation) {
          Relation r = (Relation) o;
          switch (f) {
            case "$relationshipId": return r.id();
            case "$sourceId": return r.sourceId();
            case "$targetId": return r.targetId();
            default: return json(r.property(f).orElse(null));
          }
        }
        Twin t = (Twin) o;
        return f.equals("$dtId") ? t.id() : json(t.property(f).orElse(null));
      }
      if (e instanceof Binary) {
        Binary x = (Binary) e;
        if (x.op() == Ast.BinaryOp.AND || x.op() == Ast.BinaryOp.OR) {
          Object l = eval(x.left(), b);
          Object r = eval(x.right(), b);
          boolean and = x.op() == Ast.BinaryOp.AND;
          if (and && (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r))) return false;
          if (!and && (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r))) return true;
          return l == null || r == null ? null : and;
        }
        Object l = eval(x.left(), b);
        Object r = eval(x.right(), b);
        if (l == null || r == null || l.getClass() != r.getClass()) return null;
        @SuppressWarnings({"unchecked", "rawtypes"})
        int c = ((Comparable) l).compareTo(r);
        switch (x.op()) {
          case EQ: return c == 0;
          case NE: return c != 0;
          case LT: return c < 0;
          case LE: return c <= 0;
          case GT: return c > 0;
          case GE: return c >= 0;
          default: throw new IllegalStateException();
        }
      }
      if (e instanceof Unary) {
        Object v = eval(((Unary) e).operand(), b);
        return v == null ? null : !(Boolean) v;
      }
      if (e instanceof In) {
        In in = (In) e;
        Object v = eval(in.value(), b);
        if (v == null) return null;
        boolean found = false;
        for (Expr i : ((Ast.ArrayLiteral) in.list()).items()) found |= v.equals(eval(i, b));
        return found != in.negated();
      }
      Call c = (Call) e;
      if (c.name().equals("IS_DEFINED")) return eval(c.args().get(0), b) != null;
      if (c.name().equals("PROPERTY_AT")) {
        // n before the change is the generated one; at or after it, the current one
        Twin t = (Twin) b.get(((PathExpr) c.args().get(0)).segments().get(0));
        boolean before = Instant.parse((String) ((Literal) c.args().get(1)).value()).isBefore(Graph.CHANGED);
        if (!before) return json(t.property("n").orElse(null));
        Object n = graph.twins().get(Integer.parseInt(t.id().substring(1))).get("n");
        return n == null ? null : ((Integer) n).doubleValue();
      }
      Twin t = (Twin) b.get(((PathExpr) c.args().get(0)).segments().get(0));
      String model = (String) ((Literal) c.args().get(1)).value();
      boolean exact = c.args().size() == 3;
      return exact ? t.model().value().equals(model) : twins.models().isOfModel(t.model(), dev.twins.core.model.Dtmi.of(model));
    }

    private static Object json(JsonNode n) {
      if (n == null) return null;
      if (n.isNumber()) return n.doubleValue();
      if (n.isBoolean()) return n.booleanValue();
      return n.stringValue();
    }
  }
}
