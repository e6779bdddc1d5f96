package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queries whose steps make more rows than one batch holds (so batches fill and go on in the
 * middle of a scan or a hop), against answers computed from the graph's construction.
 */
class BatchedExecutionTest {
  static final int SPOKES = 1_500;
  static Twins twins;
  static QueryEngine engine;

  @BeforeAll
  static void graph() {
    twins = Twins.create(DifferentialProperties.MODELS);
    twins.createTwin("hub", "dtmi:test:Node;1", Map.of("n", 0));
    for (int i = 0; i < SPOKES; i++) {
      twins.createTwin("a" + i, "dtmi:test:Node;1", Map.of("n", i % 7, "x", i % 4 * 0.5));
      twins.relate("hub", "r" + i, "r", "a" + i);
      for (int k = 0; k < 2; k++) {
        twins.createTwin("b" + i + "-" + k, "dtmi:test:Sub;1", Map.of("n", k, "y", i % 3));
        twins.relate("a" + i, "q" + k, "q", "b" + i + "-" + k);
      }
    }
    engine = QueryEngine.of(twins);
  }

  @Test
  void twoHopsOverManyBatchesReturnEveryRowOnce() {
    QueryResult r = engine.query("SELECT A.$dtId AS a, B.$dtId AS b FROM DIGITALTWINS MATCH (H)-[:r]->(A)-[:q]->(B) "
        + "WHERE H.$dtId = 'hub' AND A.n >= 3 AND B.n = 1");
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < SPOKES; i++) if (i % 7 >= 3) expected.add("a" + i + "/b" + i + "-1");
    Set<String> got = new HashSet<>();
    for (QueryRow row : r) got.add(row.string("a").orElseThrow() + "/" + row.string("b").orElseThrow());
    assertThat(r.size()).isEqualTo(expected.size());
    assertThat(got).isEqualTo(expected);
  }

  @Test
  void filtersOnTheTwinsAHopReachesKeepTheRowsAndTheirOrder() {
    // B.n = 1 AND B.y >= 1 run on the twins the hop reaches before rows are made of them; the same
    // conditions written as arithmetic take the general path over rows
    String match = "SELECT A.$dtId AS a, B.$dtId AS b, B.y AS y FROM DIGITALTWINS MATCH (H)-[:r]->(A)-[:q]->(B) "
        + "WHERE H.$dtId = 'hub' AND A.n >= 1 AND ";
    List<String> fast = new ArrayList<>();
    for (QueryRow row : engine.query(match + "B.n = 1 AND B.y >= 1")) fast.add(row.toString());
    List<String> general = new ArrayList<>();
    for (QueryRow row : engine.query(match + "B.n + 0 = 1 AND B.y + 0 >= 1")) general.add(row.toString());
    assertThat(fast).hasSizeGreaterThan(500).isEqualTo(general);
  }

  @Test
  void rowsKeepTheOrderOfTheTraversal() {
    // the order of one row at a time: each spoke's leaves right after the spoke, spokes in adjacency order
    List<String> spokes = new ArrayList<>();
    twins.forEachOutgoing("hub", "r", rel -> spokes.add(rel.targetId()));
    List<String> rows = new ArrayList<>();
    for (QueryRow row : engine.query("SELECT A.$dtId AS a FROM DIGITALTWINS MATCH (H)-[:r]->(A)-[:q]->(B) "
        + "WHERE H.$dtId = 'hub'")) {
      rows.add(row.string("a").orElseThrow());
    }
    List<String> expected = new ArrayList<>();
    for (String s : spokes) {
      expected.add(s);
      expected.add(s);
    }
    assertThat(rows).isEqualTo(expected);
  }

  @Test
  void topStopsEarlyWithTheFirstRows() {
    QueryResult all = engine.query("SELECT B.$dtId AS b FROM DIGITALTWINS MATCH (H)-[:r]->(A)-[:q]->(B) "
        + "WHERE H.$dtId = 'hub'");
    QueryResult top = engine.query("SELECT TOP(5) B.$dtId AS b FROM DIGITALTWINS MATCH (H)-[:r]->(A)-[:q]->(B) "
        + "WHERE H.$dtId = 'hub'");
    assertThat(top.rows()).isEqualTo(all.rows().subList(0, 5));
  }

  @Test
  void groupsOverAModelScanCountEveryRow() {
    QueryResult r = engine.query("SELECT A.$dtId AS a, COUNT() AS c, SUM(B.y) AS s, AVG(A.x) AS m "
        + "FROM DIGITALTWINS MATCH (A)-[:q]->(B) WHERE IS_OF_MODEL(B, 'dtmi:test:Sub;1') GROUP BY A.$dtId");
    assertThat(r.size()).isEqualTo(SPOKES);
    for (QueryRow row : r) {
      int i = Integer.parseInt(row.string("a").orElseThrow().substring(1));
      assertThat(row.integer("c")).hasValue(2);
      assertThat(row.integer("s")).hasValue(2L * (i % 3));
      assertThat(row.number("m")).hasValue(i % 4 * 0.5);
    }
  }

  @Test
  void aScanOfManyTwinsFiltersEachBatch() {
    QueryResult r = engine.query("SELECT COUNT() FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, 'dtmi:test:Sub;1') AND T.y = 2");
    long expected = 0;
    for (int i = 0; i < SPOKES; i++) if (i % 3 == 2) expected += 2;
    assertThat(r.rows().get(0).integer("COUNT")).hasValue(expected);
  }
}
