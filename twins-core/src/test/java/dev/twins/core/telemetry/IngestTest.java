package dev.twins.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Twins;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class IngestTest {
  private static final long T0 = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Twins twins = PlantModels.building();
  private final TelemetryHub hub = TelemetryHub.builder(twins).duplicateWindow(Duration.ofMinutes(10)).build();

  @Test
  void channelIngestKeepsTheNewestReadingAndCounts() {
    Channel ch = hub.channel("f1r1s1", "temperature");
    assertThat(ch.ingest(T0, 21.5)).isEqualTo(Outcome.ACCEPTED);
    assertThat(ch.ingest(T0 + 60_000, 22.0)).isEqualTo(Outcome.ACCEPTED);
    assertThat(ch.ingest(T0 + 30_000, 99.0)).isEqualTo(Outcome.ACCEPTED_LATE);
    assertThat(hub.last("f1r1s1", "temperature").orElseThrow().asDouble()).isEqualTo(22.0);
    assertThat(ch.readings().lastTime()).hasValue(T0 + 60_000);
    assertThat(hub.counts()).isEqualTo(new IngestCounts(3, 1, 0, 0, 0, 0));
    assertThat(ch.definition().quantity().orElseThrow().semanticType()).isEqualTo("Temperature");
    assertThat(ch.definition().quantity().orElseThrow().unit()).isEqualTo("degreeCelsius");
    assertThat(hub.toString()).contains("accepted=3", "late=1");
  }

  @Test
  void everyKindOfValueIsCheckedAgainstItsSchema() {
    assertThat(hub.ingest(TelemetryMessage.of("f1r1s1", Instant.ofEpochMilli(T0)).with("occupancy", true)
        .with("people", 3).with("mode", "auto"))).isEqualTo(Outcome.ACCEPTED);
    var point = NODES.objectNode().put("type", "Point");
    point.putArray("coordinates").add(31.5).add(-24.0);
    assertThat(hub.channel("f1r1s1", "position").ingest(T0, point)).isEqualTo(Outcome.ACCEPTED);
    var status = NODES.objectNode().put("code", 4).put("text", "ok");
    assertThat(hub.channel("f1r1s1", "status").ingest(T0, status)).isEqualTo(Outcome.ACCEPTED);
    assertThat(hub.channel("f1r1s1", "aux/pressure").ingest(T0, 1.2)).isEqualTo(Outcome.ACCEPTED);
    assertThat(hub.ingest(TelemetryMessage.of("f1r1s1", Instant.ofEpochMilli(T0)).with("pressure", 1.3)
        .inComponent("aux"))).isEqualTo(Outcome.ACCEPTED);
    assertThat(hub.last("f1r1s1", "aux/pressure").orElseThrow().asDouble()).isEqualTo(1.3);
    assertThat(hub.last("f1r1s1", "mode").orElseThrow().asString()).isEqualTo("auto");
    assertThat(hub.last("f1r1s1", "occupancy").orElseThrow().asBoolean()).isTrue();
    assertThat(hub.last("f1r1s1", "people").orElseThrow().asInt()).isEqualTo(3);

    List<Outcome> bad = List.of(
        hub.ingest("f1r1s1", "temperature", T0, Double.NaN),
        hub.ingest("f1r1s1", "temperature", T0, Double.POSITIVE_INFINITY),
        hub.ingest("f1r1s1", "people", T0, 2.5),
        hub.ingest("nobody", "temperature", T0, 1),
        hub.ingest("f1r1s1", "humidity", T0, 1),
        hub.channel("f1r1s1", "temperature").ingest(T0, true),
        hub.ingest(TelemetryMessage.of("f1r1s1", Instant.ofEpochMilli(T0)).with("mode", "turbo")),
        hub.ingest(TelemetryMessage.of("f1r1s1", Instant.ofEpochMilli(T0)).with("occupancy", "yes")),
        hub.channel("f1r1s1", "status").ingest(T0, NODES.objectNode().put("code", "x")),
        hub.channel("f1r1s1", "position").ingest(T0, NODES.objectNode().put("type", "Point")),
        hub.ingest(TelemetryMessage.of("f1r1s1", Instant.ofEpochMilli(T0))));
    assertThat(bad).containsOnly(Outcome.REJECTED);
    List<String> reasons = hub.deadLetters().stream().map(DeadLetter::toString).toList();
    assertThat(reasons).hasSize(11);
    assertThat(reasons.get(0)).contains("[temperature]", "not a finite number: NaN");
    assertThat(reasons.get(1)).contains("not a finite number: Infinity");
    assertThat(reasons.get(2)).contains("[people]", "not an integer: 2.5");
    assertThat(reasons.get(3)).contains("no twin 'nobody'");
    assertThat(reasons.get(4)).contains("declares no Telemetry 'humidity'", "it declares", "aux/pressure", "temperature");
    assertThat(reasons.get(5)).contains("expected double, got a boolean");
    assertThat(reasons.get(6)).contains("[mode]", "turbo");
    assertThat(reasons.get(7)).contains("[occupancy]", "expected boolean, got a string \"yes\"");
    assertThat(reasons.get(8)).contains("[status]", "/code");
    assertThat(reasons.get(9)).contains("[position]");
    assertThat(reasons.get(10)).contains("no values");
    assertThat(hub.counts().rejected()).isEqualTo(11);
    assertThat(hub.last("f1r1s1", "temperature")).isEmpty();
  }

  @Test
  void aMessageWithOneBadValueIsRejectedAsAWhole() {
    Outcome o = hub.ingest(TelemetryMessage.of("f1r1s1", Instant.ofEpochMilli(T0)).with("temperature", 20.0)
        .with("people", -1.5));
    assertThat(o).isEqualTo(Outcome.REJECTED);
    assertThat(hub.last("f1r1s1", "temperature")).isEmpty();
    assertThat(hub.deadLetters().get(0).field()).isEqualTo("people");
  }

  @Test
  void duplicatesWithinTheWindowAreDroppedAndCounted() {
    Channel ch = hub.channel("f1r1s1", "temperature");
    assertThat(ch.ingest(T0, 20, "m1")).isEqualTo(Outcome.ACCEPTED);
    assertThat(ch.ingest(T0, 25, "m1")).isEqualTo(Outcome.DUPLICATE);
    assertThat(hub.channel("f1r1s2", "temperature").ingest(T0, 20, "m1")).isEqualTo(Outcome.ACCEPTED);
    assertThat(hub.ingest(TelemetryMessage.of("f1r1s1", "temperature", T0, 30).withMessageId("m1")))
        .isEqualTo(Outcome.DUPLICATE);
    // 11 minutes later the id has left the 10-minute window
    assertThat(ch.ingest(T0 + 11 * 60_000, 21, "m2")).isEqualTo(Outcome.ACCEPTED);
    assertThat(ch.ingest(T0 + 11 * 60_000, 21, "m1")).isEqualTo(Outcome.ACCEPTED);
    assertThat(hub.last("f1r1s1", "temperature").orElseThrow().asDouble()).isEqualTo(21.0);
    assertThat(hub.counts().duplicates()).isEqualTo(2);
    assertThat(hub.counts().accepted()).isEqualTo(4);
  }

  @Test
  void channelsOfUnknownTwinsOrTelemetryAreRefused() {
    assertThatThrownBy(() -> hub.channel("nobody", "temperature")).isInstanceOf(TelemetryException.class)
        .hasMessageContaining("no twin 'nobody'");
    assertThatThrownBy(() -> hub.channel("f1r1", "temperature")).isInstanceOf(TelemetryException.class)
        .hasMessageContaining("twin 'f1r1' (dtmi:test:Room;1) declares no Telemetry 'temperature'; its model declares none");
  }

  @Test
  void ndjsonLinesAreIngestedAndBadLinesNamed() {
    String text = """
        {"twinId":"f1r1s1","sourceTime":"2024-05-01T12:00:00Z","values":{"temperature":21.5,"occupancy":true},"messageId":"a"}
        {"twinId":"f1r1s1","sourceTime":1714564860000,"values":{"temperature":22}}

        {"twinId":"f1r1s1","sourceTime":"2024-05-01T12:00:00Z","values":{"temperature":1},"messageId":"a"}
        {"twinId":"f1r1s1","sourceTime":"yesterday","values":{"temperature":1}}
        {"twinId":"f1r1s1","sourceTime":"2024-05-01T12:00:00Z","values":{"temperature":"warm"}}
        {"twinId":"f1r1s1", "sourceTime": oops}
        {"twinId":"f1r1s1","sourceTime":"2024-05-01T12:00:00Z","values":{"temperature":1},"extra":1}
        {"twinId":"ghost","sourceTime":"2024-05-01T12:00:00Z","values":{"temperature":1}}
        {"twinId":"f1r1s1","sourceTime":"2024-05-01 12:00:00","values":{"temperature":1}}
        """;
    IngestReport r = hub.ingestNdjson(new StringReader(text), "feed.ndjson");
    assertThat(r.messages()).isEqualTo(9);
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(6);
    List<String> why = r.rejections().stream().map(DeadLetter::toString).toList();
    assertThat(why.get(0)).startsWith("feed.ndjson:5: [/sourceTime]").contains("\"yesterday\" is not a time");
    assertThat(why.get(1)).startsWith("feed.ndjson:6: [/values/temperature]").contains("expected double, got a string");
    assertThat(why.get(2)).startsWith("feed.ndjson:7: [column ").contains("not JSON");
    assertThat(why.get(3)).startsWith("feed.ndjson:8: [/extra]").contains("unknown member 'extra'");
    assertThat(why.get(4)).startsWith("feed.ndjson:9:").contains("no twin 'ghost'");
    assertThat(why.get(5)).startsWith("feed.ndjson:10: [/sourceTime]").contains("has no offset");
    assertThat(hub.deadLetters()).hasSize(6);
    assertThat(hub.last("f1r1s1", "temperature").orElseThrow().asDouble()).isEqualTo(22.0);
    assertThat(r.toString()).isEqualTo(
        "IngestReport[feed.ndjson: 9 messages, 2 accepted (0 late), 1 duplicate, 6 rejected]");
  }

  @Test
  void csvRowsAreIngestedAndBadCellsNamedByLineAndColumn() {
    TelemetryHub local = TelemetryHub.builder(twins).localTimeZone(ZoneOffset.ofHours(2)).build();
    String text = "\uFEFFtwinId,sourceTime,messageId,temperature,occupancy,mode\r\n"
        + "f1r1s1,2024-05-01T12:00:00Z,m1,21.5,1,auto\r\n"
        + "f1r1s1,2024-05-01 14:01:00,,22.5,,\r\n"
        + "f1r1s1,2024-05-01T12:02:00Z,m1,23,true,\r\n"
        + "f1r1s1,2024-05-01T12:03:00Z,,abc,,\r\n"
        + "f1r1s1,2024-05-01T12:03:00Z,,NaN,,\r\n"
        + "f1r1s1,2024-05-01T12:03:00Z,,,maybe,\r\n"
        + "f1r1s1,2024-05-01T12:03:00Z,,,,\"tur\"\"bo\"\r\n"
        + "f1r1s1,2024-05-01T12:03:00Z,,1\r\n"
        + "f1r1s1,2024-05-01T12:03:00Z,,,,\r\n"
        + "\"f1r1s1,2024-05-01T12:03:00Z,,,,\r\n";
    IngestReport r = local.ingestCsv(new StringReader(text), "feed.csv");
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.rejected()).isEqualTo(7);
    List<String> why = r.rejections().stream().map(DeadLetter::toString).toList();
    assertThat(why.get(0)).isEqualTo("feed.csv:5: [temperature (column 4)] not a number: \"abc\"");
    assertThat(why.get(1)).isEqualTo("feed.csv:6: [temperature (column 4)] not a finite number: \"NaN\"");
    assertThat(why.get(2)).startsWith("feed.csv:7: [occupancy (column 5)] not a boolean");
    assertThat(why.get(3)).startsWith("feed.csv:8: [mode (column 6)]").contains("tur\\\"bo");
    assertThat(why.get(4)).isEqualTo("feed.csv:9: the row has 4 fields, the header 6");
    assertThat(why.get(5)).isEqualTo("feed.csv:10: the row has no telemetry values");
    assertThat(why.get(6)).startsWith("feed.csv:11: unclosed quote");
    // 14:01 at +02:00 is 12:01Z
    assertThat(local.channel("f1r1s1", "temperature").readings().lastTime())
        .hasValue(Instant.parse("2024-05-01T12:01:00Z").toEpochMilli());
    assertThat(local.last("f1r1s1", "mode").orElseThrow().asString()).isEqualTo("auto");
    local.close();
  }

  @Test
  void csvWithoutAUsableHeaderIsRefused() {
    assertThatThrownBy(() -> hub.ingestCsv(new StringReader("time,temperature\n"), "x.csv"))
        .isInstanceOf(TelemetryException.class).hasMessageContaining("x.csv:1: the header must name columns twinId and sourceTime");
    assertThatThrownBy(() -> hub.ingestCsv(new StringReader("twinId,sourceTime,a,a\n"), "x.csv"))
        .hasMessageContaining("names 'a' twice");
    assertThatThrownBy(() -> hub.ingestCsv(new StringReader(""), "x.csv")).hasMessageContaining("no header line");
  }

  @Test
  void batchesReportPositions() {
    IngestReport r = hub.ingestAll(List.of(TelemetryMessage.of("f1r1s1", "temperature", T0, 20),
        TelemetryMessage.of("f1r1s1", "temperature", T0, Double.NaN)));
    assertThat(r.accepted()).isEqualTo(1);
    assertThat(r.rejections()).singleElement().satisfies(d -> {
      assertThat(d.source()).isEqualTo("batch");
      assertThat(d.line()).isEqualTo(2);
    });
  }

  @Test
  void deadLettersAreBoundedButEveryRejectionIsCounted() {
    TelemetryHub small = TelemetryHub.builder(twins).deadLetterCapacity(3).build();
    for (int i = 0; i < 10; i++) small.ingest("f1r1s1", "temperature", T0 + i, Double.NaN);
    assertThat(small.deadLetters()).hasSize(3);
    assertThat(small.counts().rejected()).isEqualTo(10);
    assertThat(small.deadLetters().get(2).text()).isEqualTo("f1r1s1 temperature=NaN at 2024-05-01T12:00:00.009Z");
    small.close();
  }

  @Test
  void listenersSeeAcceptedMessagesInOrder() {
    List<TelemetryMessage> seen = new ArrayList<>();
    var sub = hub.subscribe(m -> m.twinId().startsWith("f1"), seen::add);
    hub.channel("f1r1s1", "temperature").ingest(T0, 20, "x");
    hub.ingest("f2r1s1", "temperature", T0, 21);
    hub.ingest("f1r1s1", "temperature", T0 + 1, Double.NaN);
    hub.ingest(TelemetryMessage.of("f1r1s2", Instant.ofEpochMilli(T0)).with("occupancy", true));
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).values().get("temperature").asDouble()).isEqualTo(20.0);
    assertThat(seen.get(0).messageId()).hasValue("x");
    assertThat(seen.get(1).twinId()).isEqualTo("f1r1s2");
    sub.cancel();
    hub.ingest("f1r1s1", "temperature", T0 + 2, 22);
    assertThat(seen).hasSize(2);
    assertThat(sub.delivered()).isEqualTo(2);
  }

  @Test
  void thresholdCrossingsAreReportedBothWays() {
    List<ThresholdCrossing> seen = new ArrayList<>();
    hub.onThreshold(PlantModels.SENSOR, "temperature", 180, seen::add);
    Channel ch = hub.channel("f1r1s1", "temperature");
    ch.ingest(T0, 170);
    ch.ingest(T0 + 1, 181);
    ch.ingest(T0 + 2, 185);
    ch.ingest(T0 - 5, 10);   // late: does not count
    ch.ingest(T0 + 3, 180);
    ch.ingest(T0 + 4, 190);
    assertThat(seen).extracting(ThresholdCrossing::rising).containsExactly(true, false, true);
    assertThat(seen.get(0).value()).isEqualTo(181.0);
    assertThat(seen.get(1).epochMillis()).isEqualTo(T0 + 3);
    assertThat(seen.get(0).toString()).startsWith("f1r1s1 temperature rose above 180.0 (181.0 at");
    List<ThresholdCrossing> late = new ArrayList<>();
    hub.onTwinThreshold("f1r1s1", "temperature", 100, late::add);   // already above: no event until it falls
    ch.ingest(T0 + 5, 120);
    ch.ingest(T0 + 6, 50);
    assertThat(late).extracting(ThresholdCrossing::rising).containsExactly(false);
  }

  @Test
  void deletedTwinsLoseTheirTelemetryAndChannelsFollowTheTwinId() {
    twins.createTwin("loose", PlantModels.SENSOR, java.util.Map.of("aux", java.util.Map.of("$metadata", java.util.Map.of())));
    Channel ch = hub.channel("loose", "temperature");
    ch.ingest(T0, 20);
    twins.delete("loose");
    assertThat(ch.ingest(T0 + 1, 21)).isEqualTo(Outcome.REJECTED);
    assertThat(hub.deadLetters().get(0).reason()).contains("'loose' was deleted");
    assertThat(hub.last("loose", "temperature")).isEmpty();
    twins.createTwin("loose", PlantModels.SENSOR, java.util.Map.of("aux", java.util.Map.of("$metadata", java.util.Map.of())));
    assertThat(hub.last("loose", "temperature")).isEmpty();
    assertThat(ch.ingest(T0 + 2, 22)).isEqualTo(Outcome.ACCEPTED);
    assertThat(hub.last("loose", "temperature").orElseThrow().asDouble()).isEqualTo(22.0);
  }
}
