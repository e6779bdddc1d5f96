package dev.twins.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Side;
import dev.twins.core.series.StringSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class SeriesIngestTest {
  private static final long T0 = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();
  private static final long HOUR = 3_600_000L;

  private final Twins twins = PlantModels.building();

  @Test
  void readingsLandInTheSeriesOfTheirKindInTimeOrder() {
    try (TelemetryHub hub = TelemetryHub.attach(twins)) {
      Channel temp = hub.channel("f1r1s1", "temperature");
      temp.ingest(T0 + 2000, 22);
      temp.ingest(T0, 20);
      temp.ingest(T0 + 1000, 21);
      hub.ingest(TelemetryMessage.of("f1r1s1", Instant.ofEpochMilli(T0)).with("occupancy", true).with("mode", "auto")
          .with("people", 2));
      var point = JsonNodeFactory.instance.objectNode().put("type", "Point");
      point.putArray("coordinates").add(31.5).add(-24.0);
      hub.channel("f1r1s1", "position").ingest(T0, point);
      hub.channel("f1r1s1", "status").ingest(T0, JsonNodeFactory.instance.objectNode().put("code", 1));

      DoubleSeries d = (DoubleSeries) hub.series("f1r1s1", "temperature").orElseThrow();
      assertThat(d.size()).isEqualTo(3);
      assertThat(d.mean(T0, T0 + 3000).getAsDouble()).isEqualTo(21.0);
      assertThat(d.last().getAsDouble()).isEqualTo(22.0);
      assertThat(((BooleanSeries) hub.series("f1r1s1", "occupancy").orElseThrow()).last()).hasValue(true);
      assertThat(((StringSeries) hub.series("f1r1s1", "mode").orElseThrow()).last()).hasValue("auto");
      assertThat(((DoubleSeries) hub.series("f1r1s1", "people").orElseThrow()).last().getAsDouble()).isEqualTo(2.0);
      assertThat(((GeoSeries) hub.series("f1r1s1", "position").orElseThrow()).last().orElseThrow().lat()).isEqualTo(-24.0);
      assertThat(hub.series("f1r1s1", "status")).isEmpty();
      assertThat(hub.channel("f1r1s1", "status").readings().last().orElseThrow().get("code").asInt()).isEqualTo(1);
      assertThat(hub.seriesStore().orElseThrow().twinIds()).containsExactly("f1r1s1");
    }
  }

  @Test
  void deletingATwinDropsItsSeries() {
    twins.createTwin("loose", PlantModels.SENSOR, Map.of("aux", Map.of("$metadata", Map.of())));
    try (TelemetryHub hub = TelemetryHub.attach(twins)) {
      hub.ingest("loose", "temperature", T0, 1);
      assertThat(hub.series("loose", "temperature")).isPresent();
      twins.delete("loose");
      assertThat(hub.seriesStore().orElseThrow().twinIds()).doesNotContain("loose");
      assertThat(hub.series("loose", "temperature")).isEmpty();
    }
  }

  @Test
  void retentionIsSetPerModelOrTelemetryAndLateReadingsItNoLongerKeepsAreRejected() {
    try (TelemetryHub hub = TelemetryHub.builder(twins)
        .retention(PlantModels.SENSOR, "people", Retention.ofCount(2))
        .retentionOfTelemetry("temperature", Retention.ofAge(HOUR))
        .retention(Retention.ofCount(1000))
        .build()) {
      Channel temp = hub.channel("f1r1s1", "temperature");
      temp.ingest(T0, 1);
      temp.ingest(T0 + 2 * HOUR, 2);
      assertThat(temp.ingest(T0 + HOUR + 1, 3)).isEqualTo(Outcome.ACCEPTED_LATE);
      assertThat(temp.ingest(T0 + HOUR / 2, 4)).isEqualTo(Outcome.REJECTED);
      assertThat(hub.deadLetters().get(0).reason()).contains("older than the series of 'temperature' keeps");
      assertThat(hub.series("f1r1s1", "temperature").orElseThrow().retention()).isEqualTo(Retention.ofAge(HOUR));
      assertThat(hub.series("f1r1s1", "people").orElseThrow().retention()).isEqualTo(Retention.ofCount(2));
      assertThat(hub.series("f1r1s1", "mode").orElseThrow().retention()).isEqualTo(Retention.ofCount(1000));
      Channel people = hub.channel("f1r1s1", "people");
      for (int i = 0; i < 5; i++) people.ingest(T0 + i, i);
      assertThat(hub.series("f1r1s1", "people").orElseThrow().size()).isEqualTo(2);
    }
  }

  @Test
  void seriesOffKeepsOnlyTheNewestReading() {
    try (TelemetryHub hub = TelemetryHub.builder(twins).series(false).build()) {
      hub.ingest("f1r1s1", "temperature", T0, 1);
      assertThat(hub.series("f1r1s1", "temperature")).isEmpty();
      assertThat(hub.seriesStore()).isEmpty();
      assertThat(hub.last("f1r1s1", "temperature").orElseThrow().asDouble()).isEqualTo(1.0);
    }
  }

  @Test
  void seriesFunctionsDriveProperties() {
    try (TelemetryHub hub = TelemetryHub.attach(twins)) {
      hub.rules().add(Rule.fromTelemetry(PlantModels.SENSOR, "hot", "temperature",
          Derivation.runLongerThan(Side.ABOVE, 39.5, Duration.ofDays(1))));
      hub.rules().add(Rule.fromTelemetry(PlantModels.SENSOR, "lastTemperature", "temperature",
          Derivation.mean(Duration.ofHours(2))));
      Channel temp = hub.channel("f1r1s1", "temperature");
      temp.ingest(T0, 40);
      assertThat(twins.twin("f1r1s1").orElseThrow().property("hot").orElseThrow().asBoolean()).isFalse();
      temp.ingest(T0 + 12 * HOUR, 41);
      temp.ingest(T0 + 24 * HOUR, 40);
      assertThat(twins.twin("f1r1s1").orElseThrow().property("hot").orElseThrow().asBoolean()).isTrue();
      temp.ingest(T0 + 25 * HOUR, 37);
      assertThat(twins.twin("f1r1s1").orElseThrow().property("hot").orElseThrow().asBoolean()).isFalse();
      assertThat(twins.twin("f1r1s1").orElseThrow().number("lastTemperature")).hasValue(38.5);
    }
  }

  @Test
  void aTwinMovedToAnotherModelKeepsTheReadingsItsNewModelDeclares() {
    twins.createTwin("moving", PlantModels.SENSOR, Map.of("aux", Map.of("$metadata", Map.of())));
    try (TelemetryHub hub = TelemetryHub.attach(twins)) {
      Channel temp = hub.channel("moving", "temperature");
      temp.ingest(T0, 20);
      hub.ingest(TelemetryMessage.of("moving", Instant.ofEpochMilli(T0)).with("occupancy", true).with("people", 2));
      twins.patch("moving", dev.twins.core.graph.JsonPatch.builder()
          .replace("/$metadata/$model", "dtmi:test:Sensor;2").remove("/aux").build());
      // same name, same kind: the series and the newest reading carry over, and the old channel follows
      assertThat(temp.ingest(T0 + 1, 21)).isEqualTo(Outcome.ACCEPTED);
      assertThat(hub.series("moving", "temperature").orElseThrow().size()).isEqualTo(2);
      assertThat(hub.channel("moving", "temperature").readings().lastTime()).hasValue(T0 + 1);
      // same name, another kind: a new series; a name the new model lacks: rejected
      assertThat(hub.last("moving", "occupancy")).isEmpty();
      assertThat(hub.ingest(TelemetryMessage.of("moving", Instant.ofEpochMilli(T0 + 2)).with("occupancy", "busy")))
          .isEqualTo(Outcome.ACCEPTED);
      assertThat(((StringSeries) hub.series("moving", "occupancy").orElseThrow()).last()).hasValue("busy");
      assertThat(hub.ingest("moving", "people", T0 + 3, 4)).isEqualTo(Outcome.REJECTED);
      assertThat(hub.deadLetters().get(0).reason()).contains("declares no Telemetry 'people'");
      assertThat(hub.counts().accepted()).isEqualTo(4);
    }
  }
}
