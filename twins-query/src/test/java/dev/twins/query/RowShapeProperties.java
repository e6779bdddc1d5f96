package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import dev.twins.query.internal.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A projected row holds its values in an array over its query's column names and makes its JSON
 * object only when asked: every public method of {@link QueryRow} and {@link QueryResult} answers
 * as for the row's JSON object in ADT's shape (columns in order, a missing property left out).
 */
class RowShapeProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static final Models MODELS = ModelParser.parseJson("""
      {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Thing;1", "@type": "Interface",
       "contents": [
         {"@type": "Property", "name": "n", "schema": "integer"},
         {"@type": "Property", "name": "x", "schema": "double"},
         {"@type": "Property", "name": "s", "schema": "string"},
         {"@type": "Property", "name": "b", "schema": "boolean"},
         {"@type": "Property", "name": "o", "schema": {"@type": "Object", "fields": [
           {"name": "a", "schema": "double"}, {"name": "t", "schema": "string"}]}}
       ]}""");

  /** A projection, its column name, and the path of its value in the twin's document. */
  record Projection(String text, String name, List<String> path) {}

  static final List<Projection> PROJECTIONS = List.of(
      new Projection("T.$dtId", "$dtId", List.of("$dtId")),
      new Projection("T.n", "n", List.of("n")),
      new Projection("T.x AS ex", "ex", List.of("x")),
      new Projection("T.s", "s", List.of("s")),
      new Projection("T.b", "b", List.of("b")),
      new Projection("T.o.a", "a", List.of("o", "a")),
      new Projection("T.o.t AS ot", "ot", List.of("o", "t")),
      new Projection("T.o", "o", List.of("o")),
      new Projection("T", "T", List.of()),
      new Projection("T.$metadata.$model", "$model", List.of("$metadata", "$model")));

  // ------------------------------------------------------------------------- rows of values

  @Provide
  Arbitrary<Object> value() {
    return Arbitraries.oneOf(
        Arbitraries.just(Values.UNDEFINED),
        Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().between(-1e12, 1e12).map(d -> (Object) d),
        Arbitraries.of(1.0, -0.0, 1e21, 2.5e-9).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(F.nullNode()),
        Arbitraries.strings().alpha().ofMaxLength(5).map(s -> (Object) F.objectNode().put("k", s)),
        Arbitraries.integers().map(i -> (Object) F.arrayNode().add(i).add("a,\"b\"")),
        Arbitraries.just((Object) Instant.parse("2026-01-01T00:00:00Z")),
        Arbitraries.just((Object) Duration.ofMinutes(90)),
        Arbitraries.longs().map(l -> (Object) List.of(l, "x")));
  }

  @Property(tries = 300)
  void aRowOfValuesAnswersAsItsJsonObject(@ForAll @Size(max = 6) List<@net.jqwik.api.From("value") Object> values) {
    String[] names = new String[values.size()];
    for (int i = 0; i < names.length; i++) names[i] = i % 2 == 0 ? "c" + i : "$c,\"" + i;
    QueryRow row = new QueryRow(names, values.toArray());
    ObjectNode old = F.objectNode();
    for (int i = 0; i < names.length; i++) {
      if (values.get(i) != Values.UNDEFINED) old.set(names[i], Values.toJson(values.get(i)));
    }
    QueryRow expected = new QueryRow(old);
    List<String> asked = new ArrayList<>(List.of(names));
    asked.add("absent");
    assertSame(row, expected, asked);
    assertSame(new QueryResult(List.of(row, row)), new QueryResult(List.of(expected, expected)));
  }

  // ------------------------------------------------------------------------------- queries

  /** A twin's properties: each present or not, nested {@code o.a}/{@code o.t} among them. */
  record Props(Integer n, Double x, String s, Boolean b, Double oa, String ot, boolean o) {
    Map<String, Object> map() {
      Map<String, Object> m = new HashMap<>();
      if (n != null) m.put("n", n);
      if (x != null) m.put("x", x);
      if (s != null) m.put("s", s);
      if (b != null) m.put("b", b);
      if (o) {
        Map<String, Object> obj = new HashMap<>();
        if (oa != null) obj.put("a", oa);
        if (ot != null) obj.put("t", ot);
        m.put("o", obj);
      }
      return m;
    }
  }

  @Provide
  Arbitrary<Props> props() {
    return Combinators.combine(
        Arbitraries.integers().between(-5, 5).injectNull(0.3),
        Arbitraries.of(0.5, 22.0, -3.25, 1e10).injectNull(0.3),
        Arbitraries.of("cold", "warm", "a,b", "q\"uote").injectNull(0.3),
        Arbitraries.of(true, false).injectNull(0.3),
        Arbitraries.of(1.5, 2.0).injectNull(0.3),
        Arbitraries.of("t1", "t2").injectNull(0.3),
        Arbitraries.of(true, false)).as(Props::new);
  }

  @Provide
  Arbitrary<List<Projection>> projections() {
    return Arbitraries.of(PROJECTIONS).set().ofMinSize(1).ofMaxSize(5).flatMap(set -> Arbitraries.shuffle(new ArrayList<>(set)));
  }

  private static Twins graph(List<Props> props) {
    Twins twins = Twins.create(MODELS);
    for (int i = 0; i < props.size(); i++) twins.createTwin(String.format("t%02d", i), "dtmi:test:Thing;1", props.get(i).map());
    return twins;
  }

  @Property(tries = 150)
  void projectedRowsHaveAdtsShape(@ForAll @Size(max = 8) List<@net.jqwik.api.From("props") Props> props,
      @ForAll("projections") List<Projection> projections, @ForAll boolean distinct) {
    Twins twins = graph(props);
    StringBuilder q = new StringBuilder("SELECT ").append(distinct ? "DISTINCT " : "");
    for (int i = 0; i < projections.size(); i++) q.append(i > 0 ? ", " : "").append(projections.get(i).text());
    q.append(" FROM DIGITALTWINS T ORDER BY T.$dtId");
    QueryResult result = QueryEngine.of(twins).query(q.toString());

    List<QueryRow> expected = new ArrayList<>();
    Set<ObjectNode> seen = new LinkedHashSet<>();
    for (Twin t : new TreeMap<>(byId(twins)).values()) {
      ObjectNode doc = t.toJson();
      ObjectNode o = F.objectNode();
      for (Projection p : projections) {
        JsonNode v = doc;
        for (String seg : p.path()) v = v == null ? null : v.get(seg);
        // numbers as the engine reads them: integers as longs
        if (v != null) o.set(p.name(), Values.toJson(Values.of(v)));
      }
      if (!distinct || seen.add(o)) expected.add(new QueryRow(o));
    }
    List<String> asked = new ArrayList<>();
    for (Projection p : PROJECTIONS) asked.add(p.name());
    assertThat(result.size()).isEqualTo(expected.size());
    if (distinct) {
      // DISTINCT keeps the first row met of each value, which the ORDER BY key need not order
      // like the ids: the values are compared as a set, then each row with its own JSON
      assertThat(texts(result.rows())).containsExactlyInAnyOrderElementsOf(texts(expected));
      expected = new ArrayList<>();
      for (QueryRow row : result) expected.add(new QueryRow(row.toJson()));
    }
    for (int i = 0; i < expected.size(); i++) assertSame(result.rows().get(i), expected.get(i), asked);
    assertSame(result, new QueryResult(expected));
  }

  private static List<String> texts(List<QueryRow> rows) {
    List<String> out = new ArrayList<>();
    for (QueryRow row : rows) out.add(row.toString());
    return out;
  }

  @Property(tries = 100)
  void groupedAndCountedRowsHaveAdtsShape(@ForAll @Size(max = 8) List<@net.jqwik.api.From("props") Props> props,
      @ForAll @IntRange(min = 0, max = 2) int shape) {
    Twins twins = graph(props);
    QueryEngine engine = QueryEngine.of(twins);
    if (shape == 0) {
      QueryResult r = engine.query("SELECT COUNT() FROM DIGITALTWINS");
      assertSame(r, new QueryResult(List.of(new QueryRow(F.objectNode().put("COUNT", (long) props.size())))));
      return;
    }
    QueryResult r = engine.query(shape == 1
        ? "SELECT T.s, COUNT() AS c, SUM(T.n) AS total FROM DIGITALTWINS T GROUP BY T.s ORDER BY T.s"
        : "SELECT T.b AS flag, MAX(T.x) AS top FROM DIGITALTWINS T GROUP BY T.b ORDER BY T.b");
    String key = shape == 1 ? "s" : "b";
    Map<Object, List<Props>> groups = new TreeMap<>((p, q) -> p == q ? 0 : p == NONE ? -1 : q == NONE ? 1
        : p instanceof Boolean ? Boolean.compare((Boolean) p, (Boolean) q) : ((String) p).compareTo((String) q));
    for (Props p : props) {
      Object k = shape == 1 ? p.s() : p.b();
      groups.computeIfAbsent(k == null ? NONE : k, x -> new ArrayList<>()).add(p);
    }
    List<QueryRow> expected = new ArrayList<>();
    for (Map.Entry<Object, List<Props>> g : groups.entrySet()) {
      ObjectNode o = F.objectNode();
      if (g.getKey() instanceof String) o.put(key.equals("s") ? "s" : "flag", (String) g.getKey());
      if (g.getKey() instanceof Boolean) o.put("flag", (Boolean) g.getKey());
      if (shape == 1) {
        o.put("c", (long) g.getValue().size());
        long total = 0;
        for (Props p : g.getValue()) total += p.n() == null ? 0 : p.n();
        o.put("total", total);
      } else {
        Double top = null;
        for (Props p : g.getValue()) if (p.x() != null && (top == null || p.x() > top)) top = p.x();
        if (top != null) o.put("top", top);
      }
      expected.add(new QueryRow(o));
    }
    // the rows' JSON is checked against the naive groups, then every method against that JSON
    assertThat(texts(r.rows())).containsExactlyInAnyOrderElementsOf(texts(expected));
    List<QueryRow> asJson = new ArrayList<>();
    for (QueryRow row : r) asJson.add(new QueryRow(row.toJson()));
    for (int i = 0; i < asJson.size(); i++) assertSame(r.rows().get(i), asJson.get(i), List.of("s", "c", "total", "flag", "top", "x"));
    assertSame(r, new QueryResult(asJson));
  }

  private static final Object NONE = new Object();

  private static Map<String, Twin> byId(Twins twins) {
    Map<String, Twin> out = new HashMap<>();
    twins.twins().forEach(t -> out.put(t.id(), t));
    return out;
  }

  // ------------------------------------------------------------------------------ checks

  private static void assertSame(QueryRow row, QueryRow expected, List<String> asked) {
    assertThat(row.columns()).isEqualTo(expected.columns());
    assertThat(row.toJson()).isEqualTo(expected.toJson());
    assertThat(row.toString()).isEqualTo(expected.toString());
    assertThat(row).isEqualTo(expected);
    assertThat(row.hashCode()).isEqualTo(expected.hashCode());
    for (String c : asked) {
      assertThat(row.get(c)).as(c).isEqualTo(expected.get(c));
      assertThat(row.string(c)).as(c).isEqualTo(expected.string(c));
      assertThat(row.number(c)).as(c).isEqualTo(expected.number(c));
      assertThat(row.integer(c)).as(c).isEqualTo(expected.integer(c));
      assertThat(row.bool(c)).as(c).isEqualTo(expected.bool(c));
    }
  }

  private static void assertSame(QueryResult result, QueryResult expected) {
    assertThat(result.columns()).isEqualTo(expected.columns());
    assertThat(result.toJson()).isEqualTo(expected.toJson());
    assertThat(result.toJsonLines()).isEqualTo(expected.toJsonLines());
    assertThat(result.toCsv()).isEqualTo(expected.toCsv());
    assertThat(result.toString()).isEqualTo(expected.toString());
    assertThat(result.table(1)).isEqualTo(expected.table(1));
  }
}
