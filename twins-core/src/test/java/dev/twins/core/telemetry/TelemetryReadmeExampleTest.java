package dev.twins.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import dev.twins.core.series.DoubleSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Telemetry" example, as printed there. */
class TelemetryReadmeExampleTest {
  @Test
  void readmeExampleRuns() {
    List<ThresholdCrossing> alarms = new ArrayList<>();

    Twins twins = Twins.demo();
    TelemetryHub hub = TelemetryHub.attach(twins);
    long t = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

    assertThat(hub.ingest("sensor-101", "temperature", t, 23.5)).isEqualTo(Outcome.ACCEPTED);
    hub.rules().add(Rule.fromRelated("dtmi:twins:demo:Room;1", "temperature", "hasSensor",
        Rule.Source.telemetry("temperature"), Aggregate.MEAN));
    assertThat(twins.twin("room-101").orElseThrow().number("temperature").toString()).isEqualTo("OptionalDouble[23.5]");

    Channel ch = hub.channel("sensor-101", "temperature");
    ch.ingest(t + 60_000, 23.7);
    assertThat(twins.twin("room-101").orElseThrow().number("temperature")).hasValue(23.7);
    assertThat(hub.ingest(TelemetryMessage.of("sensor-101", Instant.ofEpochMilli(t)).with("temperature", Double.NaN)))
        .isEqualTo(Outcome.REJECTED);
    assertThat(hub.deadLetters().toString()).isEqualTo("[api: [temperature] not a finite number: NaN (double expected)]");
    hub.onThreshold("dtmi:twins:demo:Sensor;1", "temperature", 30, alarms::add);
    DoubleSeries history = (DoubleSeries) hub.series("sensor-101", "temperature").orElseThrow();
    assertThat(history.mean(t, t + 120_000)).hasValue(23.6);

    ch.ingest(t + 120_000, 31);
    assertThat(alarms).singleElement().extracting(ThresholdCrossing::rising).isEqualTo(true);
    hub.close();
  }

  @Test
  void readmeShowsTheseLines() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Path file = Files.exists(root.resolve("README.md")) ? root.resolve("README.md") : root.getParent().resolve("README.md");
    String text = Files.readString(file);
    assertThat(text).contains("hub.ingest(\"sensor-101\", \"temperature\", t, 23.5);")
        .contains("hub.deadLetters();              // [api: [temperature] not a finite number: NaN (double expected)]")
        .contains("history.mean(t, t + 120_000);");
  }
}
