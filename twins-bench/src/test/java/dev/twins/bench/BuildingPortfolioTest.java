package dev.twins.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.bench.BuildingPortfolio.Kind;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BuildingPortfolioTest {
  private static Models models;

  @BeforeAll
  static void parseModels() {
    models = BuildingPortfolio.models();
  }

  @Test
  void modelsDefineEveryKind() {
    for (Kind k : Kind.values()) assertThat(models.get(dev.twins.core.model.Dtmi.of(k.model()))).isPresent();
    assertThat(models.size()).isEqualTo(Kind.values().length + 3);
  }

  @Test
  void sameSeedGivesTheSamePortfolio() {
    BuildingPortfolio a = BuildingPortfolio.generate(5_000, 7);
    BuildingPortfolio b = BuildingPortfolio.generate(5_000, 7);
    BuildingPortfolio c = BuildingPortfolio.generate(5_000, 8);
    assertThat(describe(a)).isEqualTo(describe(b));
    assertThat(describe(a)).isNotEqualTo(describe(c));
  }

  @Test
  void givesExactlyTheTwinCountWithUniqueIdsAndAboutThreeRelationshipsPerTwin() {
    BuildingPortfolio p = BuildingPortfolio.generate(50_000, 42);
    assertThat(p.twinCount()).isEqualTo(50_000);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < p.twinCount(); i++) ids.add(p.id(i));
    assertThat(ids).hasSize(50_000);
    assertThat(p.relationshipCount()).isBetween(140_000, 155_000);
    for (Kind k : Kind.values()) assertThat(p.count(k)).as(k.name()).isPositive();
    assertThat(p.count(Kind.SENSOR)).isGreaterThan(3 * p.count(Kind.ROOM));
  }

  @Test
  void relationshipIdsAreUniquePerSource() {
    BuildingPortfolio p = BuildingPortfolio.generate(20_000, 3);
    Set<String> keys = new HashSet<>();
    for (int r = 0; r < p.relationshipCount(); r++) {
      assertThat(p.source(r)).isNotEqualTo(p.target(r));
      assertThat(keys.add(p.source(r) + "/" + p.relationshipId(r))).isTrue();
    }
  }

  @Test
  void loadsIntoAGraphThatValidatesEveryTwinAndRelationship() {
    BuildingPortfolio p = BuildingPortfolio.generate(3_000, 42);
    Twins twins = p.load(models);
    assertThat(twins.twinCount()).isEqualTo(3_000);
    assertThat(twins.relationCount()).isEqualTo(p.relationshipCount());
    for (int i = 0; i < p.twinCount(); i++) {
      Twin t = twins.twin(p.id(i)).orElseThrow();
      assertThat(t.model().value()).isEqualTo(p.kind(i).model());
      assertThat(t.number(p.kind(i).hotProperty())).isPresent();
      assertThat(t.names()).containsExactlyElementsOf(p.properties(i).keySet());
    }
    String sensor = firstOf(p, Kind.SENSOR);
    List<Relation> points = twins.outgoing(sensor, BuildingPortfolio.IS_POINT_OF);
    assertThat(points).hasSize(2);
    assertThat(points).extracting(r -> twins.twin(r.targetId()).orElseThrow().model().value())
        .containsExactlyInAnyOrder(Kind.ROOM.model(), Kind.AIR_HANDLER.model());
    String room = firstOf(p, Kind.ROOM);
    assertThat(twins.incoming(room, BuildingPortfolio.FEEDS)).hasSize(1);
    assertThat(twins.outgoing(room, BuildingPortfolio.IS_PART_OF)).hasSize(1);
  }

  @Test
  void refusesAnEmptyPortfolio() {
    assertThatThrownBy(() -> BuildingPortfolio.generate(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String firstOf(BuildingPortfolio p, Kind kind) {
    for (int i = 0; i < p.twinCount(); i++) if (p.kind(i) == kind) return p.id(i);
    throw new AssertionError("no " + kind);
  }

  private static List<String> describe(BuildingPortfolio p) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < p.twinCount(); i++) {
      Map<String, Object> props = p.properties(i);
      out.add(p.id(i) + " " + p.kind(i) + " " + props);
    }
    for (int r = 0; r < p.relationshipCount(); r++) {
      out.add(p.id(p.source(r)) + " " + p.relationshipName(r) + " " + p.id(p.target(r)) + " " + p.relationshipId(r));
    }
    return out;
  }
}
