package dev.twins.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Twins' series store and QuestDB hold the same readings and give the same window means. */
class HistoryTest {
  @Test
  void bothHistoriesHoldEveryReadingAndAgreeOnMeans() {
    PeerPortfolio p = PeerPortfolio.generate(2_000, 42);
    TelemetryStream s = TelemetryStream.generate(p, 20_000, 100, TelemetryPeerBenchmark.START, 9);
    try (History twins = new TwinsHistory(); History quest = new QuestDbHistory()) {
      twins.ingest(s, 0, s.size());
      quest.ingest(s, 0, s.size());
      TelemetryPeerBenchmark.checkCounts(twins, s);
      TelemetryPeerBenchmark.checkCounts(quest, s);
      long to = TelemetryPeerBenchmark.START + 200_000_000L;
      long from = to - TelemetryPeerBenchmark.WINDOW / 15;
      int compared = 0;
      for (int k = 0; k < 100; k++) {
        String id = s.sensorId(k);
        double expected = twins.mean(id, from, to);
        if (Double.isNaN(expected)) continue;
        assertThat(quest.mean(id, from, to)).as(id).isCloseTo(expected, within(1e-9));
        compared++;
      }
      assertThat(compared).isGreaterThan(20);
      assertThat(quest.offHeapBytes()).isPositive();
    }
  }
}
