package dev.twins.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Twins' queries and the peers' joins give the series' own analytics answers. */
class AnalyticsTest {
  private static final int TWINS = 3_000;
  private static final PortfolioSeries S =
      PortfolioSeries.generate(Loaded.portfolio(TWINS), AnalyticsPeerBenchmark.NOW, PeerBenchmark.SEED);

  @AfterAll
  static void drop() {
    Loaded.drop();
  }

  @Test
  void theSeriesAnswersAreNotTrivial() {
    int rows = 0;
    for (int b : S.buildings()) {
      List<PortfolioSeries.MaintenanceRow> m = S.maintenance(b);
      assertThat(m).isSortedAccordingTo(PortfolioSeries.MaintenanceRow.RANKING);
      for (PortfolioSeries.MaintenanceRow r : m) {
        assertThat(r.millisToLimit()).isPositive();
        assertThat(Math.abs(r.deviation())).isGreaterThan(PortfolioSeries.DEVIATION);
      }
      rows += m.size();
    }
    assertThat(rows).isGreaterThan(20);
    SpaceUsage u = S.spaceUsage();
    assertThat(u.buildings()).hasSize(S.buildings().length);
    assertThat(u.buildings().values()).allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0));
    assertThat(new ArrayList<>(u.leastUsed().values()).get(0)).hasSizeLessThanOrEqualTo(PortfolioSeries.LEAST_USED);
  }

  // Cypher is left out: each Neo4j database costs seconds to start; every benchmark trial checks it.
  @ParameterizedTest
  @ValueSource(strings = {"twins", "gremlin"})
  void givesTheSeriesAnswers(String engine) {
    try (Analytics a = Analytics.open(engine, S)) {
      assertThat(AnalyticsPeerBenchmark.check(a, S)).isGreaterThan(20);
    }
  }

  @Test
  void aDifferentRankingIsReportedWithTheBuildingAndRow() {
    int b = S.buildings()[0];
    List<PortfolioSeries.MaintenanceRow> expected = S.maintenance(b);
    List<PortfolioSeries.MaintenanceRow> swapped = new ArrayList<>(expected);
    swapped.add(0, swapped.remove(swapped.size() - 1));
    assertThat(expected).hasSizeGreaterThan(1);
    assertThatThrownBy(() -> PortfolioSeries.checkMaintenance("x", "B", expected, swapped))
        .hasMessageContaining("x ranks the air handlers of B differently at row 1");
  }
}
