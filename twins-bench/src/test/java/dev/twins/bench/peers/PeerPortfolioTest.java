package dev.twins.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PeerPortfolioTest {
  private static final PeerPortfolio P = PeerPortfolio.generate(5_000, 7);

  @Test
  void hasExactlyTheTwinsAskedForWithOnePersonInTwentyFive() {
    assertThat(P.twinCount()).isEqualTo(5_000);
    assertThat(P.indexesOf(PeerPortfolio.Kind.PERSON)).hasSize(200);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < P.twinCount(); i++) ids.add(P.id(i));
    assertThat(ids).hasSize(5_000);
  }

  @Test
  void everyPersonIsAssignedToOneRoom() {
    int assigned = 0;
    for (int r = 0; r < P.relationshipCount(); r++) {
      if (!P.relationshipName(r).equals(PeerPortfolio.ASSIGNED_TO)) continue;
      assertThat(P.kind(P.source(r))).isEqualTo(PeerPortfolio.Kind.PERSON);
      assertThat(P.kind(P.target(r))).isEqualTo(PeerPortfolio.Kind.ROOM);
      assigned++;
    }
    assertThat(assigned).isEqualTo(200);
  }

  @Test
  void someButNotAllTemperatureSensorsReadAboveThirtyAndNudgesNeverCrossIt() {
    int hot = 0;
    int temperature = 0;
    SplittableRandom random = new SplittableRandom(1);
    for (int i : P.indexesOf(PeerPortfolio.Kind.SENSOR)) {
      if (!"temperature".equals(P.propertyValues(i)[1])) continue;
      temperature++;
      double v = P.hotValue(i);
      assertThat(Math.abs(v - 30)).isGreaterThanOrEqualTo(0.5);
      if (v > 30) hot++;
      for (int k = 0; k < 20; k++) assertThat(P.nudge(i, random) > 30).isEqualTo(v > 30);
    }
    assertThat(hot).isBetween(temperature / 20, temperature / 5);
  }

  @Test
  void theQueryAnswerFollowsTheScopesPath() {
    int building = P.indexesOf(PeerPortfolio.Kind.BUILDING)[0];
    List<String> all = P.hotSensors(building, Scope.BUILDING, Engines.THRESHOLD);
    assertThat(all).isNotEmpty().isSorted().allSatisfy(id -> assertThat(id).startsWith(P.id(building) + "-F").endsWith("-TMP"));
    int union = 0;
    for (int f : P.indexesOf(PeerPortfolio.Kind.FLOOR)) {
      if (P.id(f).startsWith(P.id(building) + "-F")) union += P.hotSensors(f, Scope.FLOOR, Engines.THRESHOLD).size();
    }
    assertThat(union).isEqualTo(all.size());
  }

  @Test
  void sameSizeAndSeedGiveTheSamePortfolio() {
    PeerPortfolio again = PeerPortfolio.generate(5_000, 7);
    assertThat(again.relationshipCount()).isEqualTo(P.relationshipCount());
    for (int i = 0; i < P.twinCount(); i += 97) {
      assertThat(again.id(i)).isEqualTo(P.id(i));
      assertThat(again.propertyValues(i)).isEqualTo(P.propertyValues(i));
    }
  }

  @Test
  void refusesTooFewTwins() {
    assertThatThrownBy(() -> PeerPortfolio.generate(10, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 25, got 10");
  }
}
