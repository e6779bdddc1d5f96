package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.Twins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Comparisons, projections and aggregates that read a twin's strings and numbers unboxed from its
 * snapshot: a string literal first seen by the graph after the query was compiled, strings too
 * long to be shared, ints and doubles of one property, and values changed by patches between
 * runs of the same cached plan.
 */
class UnboxedReadsTest {
  private static List<String> ids(QueryResult r) {
    List<String> out = new ArrayList<>();
    for (QueryRow row : r) out.add(row.string("id").orElseThrow());
    return out;
  }

  @Test
  void aStringLiteralCompiledBeforeAnyTwinHoldsItStillMatches() {
    Twins twins = Twins.create(DifferentialProperties.MODELS);
    QueryEngine engine = QueryEngine.of(twins);
    String literal = "unboxed-reads-" + System.nanoTime();
    String q = "SELECT T.$dtId AS id FROM DIGITALTWINS T WHERE T.s = '" + literal + "'";
    twins.createTwin("a", "dtmi:test:Node;1", Map.of("s", "other"));
    assertThat(ids(engine.query(q))).isEmpty();
    // the same text again: the cached plan, whose literal the graph had not seen
    twins.createTwin("b", "dtmi:test:Node;1", Map.of("s", new String(literal.toCharArray())));
    assertThat(ids(engine.query(q))).containsExactly("b");
    assertThat(ids(engine.query("SELECT T.$dtId AS id FROM DIGITALTWINS T WHERE T.s != '" + literal + "'")))
        .containsExactly("a");
  }

  @Test
  void longStringsCompareByValue() {
    Twins twins = Twins.create(DifferentialProperties.MODELS);
    QueryEngine engine = QueryEngine.of(twins);
    String longText = "x".repeat(200);
    twins.createTwin("a", "dtmi:test:Node;1", Map.of("s", longText));
    twins.createTwin("b", "dtmi:test:Node;1", Map.of("s", longText + "y"));
    assertThat(ids(engine.query("SELECT T.$dtId AS id FROM DIGITALTWINS T WHERE T.s = '" + longText + "'")))
        .containsExactly("a");
    assertThat(ids(engine.query("SELECT T.$dtId AS id FROM DIGITALTWINS T WHERE T.s > '" + longText + "'")))
        .containsExactly("b");
  }

  @Test
  void intsAndDoublesOfOnePropertyCompareAndAggregateByValue() {
    Twins twins = Twins.create(DifferentialProperties.MODELS);
    QueryEngine engine = QueryEngine.of(twins);
    twins.createTwin("i", "dtmi:test:Node;1", Map.of("x", 22, "n", 3));
    twins.createTwin("d", "dtmi:test:Node;1", Map.of("x", 22.0, "n", 4));
    twins.createTwin("e", "dtmi:test:Node;1", Map.of("x", 22.5, "n", 5));
    twins.createTwin("s", "dtmi:test:Node;1", Map.of("s", "22"));
    assertThat(ids(engine.query("SELECT T.$dtId AS id FROM DIGITALTWINS T WHERE T.x = 22"))).containsExactlyInAnyOrder("i", "d");
    assertThat(ids(engine.query("SELECT T.$dtId AS id FROM DIGITALTWINS T WHERE T.x > 22.0"))).containsExactly("e");
    assertThat(ids(engine.query("SELECT T.$dtId AS id FROM DIGITALTWINS T WHERE 22 < T.x"))).containsExactly("e");
    QueryRow sums = engine.query("SELECT SUM(T.n) AS n, AVG(T.x) AS x, COUNT(T.x) AS c, SUM(T.s) AS s "
        + "FROM DIGITALTWINS T").rows().get(0);
    assertThat(sums.toJson().toString()).isEqualTo("{\"n\":12,\"x\":22.166666666666668,\"c\":3,\"s\":0}");
    QueryRow values = engine.query("SELECT T.x AS x, T.n AS n FROM DIGITALTWINS T WHERE T.$dtId = 'i'").rows().get(0);
    assertThat(values.toJson().toString()).isEqualTo("{\"x\":22,\"n\":3}");
  }

  @Test
  void aPatchedValueIsWhatTheNextRunReads() {
    Twins twins = Twins.create(DifferentialProperties.MODELS);
    QueryEngine engine = QueryEngine.of(twins);
    twins.createTwin("a", "dtmi:test:Node;1", Map.of("x", 20.5, "s", "cold"));
    String q = "SELECT T.$dtId AS id, T.x AS x FROM DIGITALTWINS T WHERE T.x > 21 AND T.s = 'warm'";
    assertThat(ids(engine.query(q))).isEmpty();
    twins.patch("a", JsonPatch.parse("[{\"op\": \"replace\", \"path\": \"/x\", \"value\": 23},"
        + " {\"op\": \"replace\", \"path\": \"/s\", \"value\": \"warm\"}]"));
    QueryResult r = engine.query(q);
    assertThat(ids(r)).containsExactly("a");
    assertThat(r.rows().get(0).toJson().toString()).isEqualTo("{\"id\":\"a\",\"x\":23}");
  }
}
