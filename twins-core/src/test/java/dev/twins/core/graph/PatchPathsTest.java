package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Patches of set top-level primitive properties take a shorter path than other patches; both
 * must give the same twin. A {@code test} operation that always holds sends the same change down
 * the general path.
 */
class PatchPathsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(T0);

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
      return now.get();
    }
  }

  @Test
  void theShortPathGivesWhatTheGeneralPathGives() {
    MovableClock clock = new MovableClock();
    Twins g = Twins.builder(DemoModels.models()).clock(clock).build();
    for (String id : new String[] {"short", "general"}) {
      g.createTwin(id, ROOM, Map.of("temperature", 20.0, "name", "r", "thermostat", Map.of("setPoint", 21.0)));
      g.patch(id, JsonPatch.builder().add("/$metadata/name/sourceTime", "2025-01-01T00:00:00Z").build());
    }
    clock.now.set(T0.plusSeconds(60));

    Twin a = g.patch("short", JsonPatch.builder().replace("/temperature", 23.5).add("/name", "s").build());
    Twin b = g.patch("general", JsonPatch.builder().test("/name", "r").replace("/temperature", 23.5)
        .add("/name", "s").build());

    assertThat(a.document()).isEqualTo(b.document());
    assertThat(a.metadata()).isEqualTo(b.metadata());
    assertThat(a.names()).isEqualTo(b.names());
    assertThat(a.metadata().get("temperature").lastUpdateTime()).isEqualTo(T0.plusSeconds(60));
    assertThat(a.metadata().get("thermostat/setPoint").lastUpdateTime()).isEqualTo(T0);
    assertThat(a.metadata().get("name").sourceTime()).contains(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(a.version()).isEqualTo(b.version()).isEqualTo(3);
    assertThat(a.lastUpdateTime()).isEqualTo(T0.plusSeconds(60));
    assertThat(a.toJson().without("$dtId").without("$etag")).isEqualTo(b.toJson().without("$dtId").without("$etag"));
    assertThat(g.twin("short")).contains(a);
  }

  @Test
  void aValueThatDoesNotFitIsReportedAsOnTheGeneralPath() {
    Twins g = Twins.builder(DemoModels.models()).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    g.createTwin("r", ROOM, Map.of("temperature", 20.0, "thermostat", Map.of("setPoint", 21.0)));

    assertThatThrownBy(() -> g.patch("r", JsonPatch.builder().replace("/temperature", "warm").build()))
        .isInstanceOfSatisfying(GraphException.class, e -> {
          assertThat(e.code()).isEqualTo(GraphException.Code.VALIDATION_FAILED);
          assertThat(e.problems()).extracting(GraphException.Problem::path).containsExactly("/temperature");
        });
    assertThat(g.twin("r").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void everyPatchChangesTheEtagAndTheVersion() {
    Twins g = Twins.builder(DemoModels.models()).build();
    Twin t = g.createTwin("r", ROOM, Map.of("temperature", 20.0, "thermostat", Map.of("setPoint", 21.0)));
    java.util.Set<String> etags = new java.util.HashSet<>();
    etags.add(t.etag());
    for (int i = 0; i < 50; i++) {
      t = g.patch("r", JsonPatch.builder().replace("/temperature", 20.0 + i).build(), Condition.ifMatch(t.etag()));
      etags.add(t.etag());
    }
    assertThat(etags).hasSize(51);
    assertThat(t.version()).isEqualTo(51);
    assertThat(t.etag()).matches("W/\"[0-9a-f]+-[0-9a-f]+\"");
  }
}
