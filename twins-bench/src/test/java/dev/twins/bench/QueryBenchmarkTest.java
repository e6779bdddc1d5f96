package dev.twins.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The setups of {@link QueryBenchmark} on a small portfolio: Twins and Gremlin each give the
 * portfolio's own answers to the five queries (a setup throws otherwise), and the answers compare
 * unequal when they differ.
 */
class QueryBenchmarkTest {
  private static QueryBenchmark.GraphState graph(String engine) {
    QueryBenchmark.GraphState s = new QueryBenchmark.GraphState();
    s.twins = 20_000;
    s.engine = engine;
    s.setUp();
    return s;
  }

  @Test
  void bothEnginesGiveThePortfoliosAnswers() {
    QueryBenchmark.GraphState twins = graph(QueryBenchmark.TWINS);
    QueryBenchmark.GraphState gremlin = graph(QueryBenchmark.GREMLIN);
    QueryBenchmark bench = new QueryBenchmark();
    for (int i = 0; i < 8; i++) {
      String b = twins.buildings[i % twins.buildings.length];
      assertThat(QueryAnswers.sensors(twins.query.query(QueryBenchmark.SENSORS_OF_BUILDING, Map.of("building", b))))
          .isEqualTo(QueryAnswers.sensors(gremlin.g.sensorsOfBuilding(b)));
    }
    assertThat(bench.countByModel(gremlin)).isEqualTo(
        twins.query.query(QueryBenchmark.COUNT_ROOMS).rows().get(0).integer("COUNT").getAsLong());
  }

  @Test
  void bothEnginesGiveTheSeriesAnswer() {
    QueryBenchmark.SeriesState twins = new QueryBenchmark.SeriesState();
    twins.engine = QueryBenchmark.TWINS;
    twins.setUp();
    QueryBenchmark.SeriesState gremlin = new QueryBenchmark.SeriesState();
    gremlin.engine = QueryBenchmark.GREMLIN;
    gremlin.setUp();
    List<String> ids = QueryAnswers.ids(twins.query.query(QueryBenchmark.SERIES_MEAN));
    assertThat(ids).isNotEmpty().isEqualTo(QueryAnswers.ids(gremlin.g.seriesMean(gremlin.from, gremlin.to)));
  }

  @Test
  void differentAnswersFailTheCheck() {
    assertThatThrownBy(() -> QueryAnswers.same("3-hop match", List.of("a=1.0"), List.of("a=2.0")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("3-hop match");
    assertThatThrownBy(() -> QueryAnswers.sameGroups(Map.of("F", new double[] {2, 21.5}),
        Map.of("F", new double[] {2, 21.6}))).isInstanceOf(IllegalStateException.class).hasMessageContaining("F");
  }

  @Test
  void anUnknownEngineIsRefused() {
    QueryBenchmark.GraphState s = new QueryBenchmark.GraphState();
    s.twins = 100;
    s.engine = "neo4j";
    assertThatThrownBy(s::setUp).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neo4j");
  }
}
