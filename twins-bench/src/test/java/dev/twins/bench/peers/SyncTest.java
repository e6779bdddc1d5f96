package dev.twins.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/** Every sync engine ends a replay with the stream's mean temperatures and every reading stored. */
class SyncTest {
  private static final PeerPortfolio P = PeerPortfolio.generate(2_000, 42);
  private static final TelemetryStream S = TelemetryStream.generate(P, 30_000, 1_000, TelemetryPeerBenchmark.START, 7);
  private static final Map<String, Double> EXPECTED = SyncPeerBenchmark.expected(S);
  static final java.util.List<String> ENGINES = Sync.NAMES;

  @ParameterizedTest
  @FieldSource("ENGINES")
  void twoThreadsGiveTheStreamsMeans(String name) throws InterruptedException {
    try (Sync sync = Sync.open(name, P)) {
      sync.prepare(S);
      int[] even = IntStream.range(0, S.size()).filter(k -> (S.sensor(k) & 1) == 0).toArray();
      int[] odd = IntStream.range(0, S.size()).filter(k -> (S.sensor(k) & 1) == 1).toArray();
      Thread t = new Thread(() -> sync.replay(S, odd));
      t.start();
      sync.replay(S, even);
      t.join();
      sync.flush();
      assertThat(SyncPeerBenchmark.check(sync, S, EXPECTED)).isGreaterThan(100);
    }
  }

  @Test
  void theAnswerHasRoomsFloorsAndBuildings() {
    assertThat(EXPECTED.keySet()).anyMatch(id -> id.matches(".*-F\\d+-R\\d+"))
        .anyMatch(id -> id.matches(".*-B\\d+-F\\d+")).anyMatch(id -> id.matches("S\\d+-B\\d+"));
  }

  @Test
  void aMissedReadingIsReportedWithTheEngineAndTwin() {
    try (Sync sync = Sync.open("questdb-jgrapht", P)) {
      sync.prepare(S);
      sync.replay(S, IntStream.range(0, S.size() / 2).toArray());
      sync.flush();
      assertThatThrownBy(() -> SyncPeerBenchmark.check(sync, S, EXPECTED))
          .hasMessageContaining("questdb-jgrapht gives the mean temperature of");
    }
  }
}
