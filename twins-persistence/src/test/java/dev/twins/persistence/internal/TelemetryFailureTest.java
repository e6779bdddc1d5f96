package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import dev.twins.core.telemetry.Derivation;
import dev.twins.core.telemetry.Rule;
import dev.twins.core.telemetry.Channel;
import dev.twins.core.telemetry.Outcome;
import dev.twins.core.telemetry.TelemetryException;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.core.telemetry.TelemetryMessage;
import dev.twins.persistence.CorruptionPolicy;
import dev.twins.persistence.Durability;
import dev.twins.persistence.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

/** A telemetry message whose journal record fails is not acknowledged: the ingest call fails, counted, with the reason. */
class TelemetryFailureTest {
  private static final Models MODELS = Twins.demo().models();
  private static final String SENSOR = "dtmi:twins:demo:Sensor;1";
  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;

  private StoreEngine open() {
    return StoreEngine.open(new StoreEngine.Config(dir, Durability.everyWrite(), MODELS, UnaryOperator.identity(),
        UnaryOperator.identity(), 64L << 20, 0, CorruptionPolicy.FAIL));
  }

  @Test
  void anIngestWhoseJournalFailsThrowsAndIsCountedAsRejected() {
    StoreEngine store = open();
    store.graph().createTwin("sensor-1", SENSOR, Map.of("kind", "temperature"));
    TelemetryHub hub = store.telemetry();
    Channel ch = hub.channel("sensor-1", "temperature");
    assertThat(ch.ingest(T0, 20.0)).isEqualTo(Outcome.ACCEPTED);
    store.journal().failFsyncs(new IOException("Input/output error"));

    // the typed path: refused before it is applied, so nothing of it is in memory
    assertThatThrownBy(() -> ch.ingest(T0 + 1000, 21.0))
        .isInstanceOf(TelemetryException.class)
        .hasMessageContaining("sensor-1").hasMessageContaining("was not applied")
        .hasMessageContaining("Input/output error")
        .hasCauseInstanceOf(StoreException.class);
    assertThat(hub.counts().rejected()).isEqualTo(1);
    assertThat(hub.deadLetters()).last().satisfies(d -> {
      assertThat(d.twinId()).isEqualTo("sensor-1");
      assertThat(d.reason()).contains("was not applied").contains("journal-");
    });
    assertThat(hub.last("sensor-1", "temperature")).hasValueSatisfying(v -> assertThat(v.asDouble()).isEqualTo(20.0));
    assertThat(hub.series("sensor-1", "temperature").orElseThrow().size()).isEqualTo(1);
    // a later message, by any path, is refused before it is applied
    TelemetryMessage m = new TelemetryMessage("sensor-1", Optional.empty(), T0 + 2000,
        Map.of("temperature", JsonNodeFactory.instance.numberNode(22.0)), Optional.empty());
    assertThatThrownBy(() -> hub.ingest(m)).isInstanceOf(TelemetryException.class)
        .hasMessageContaining("was not applied").hasMessageContaining("refuses writes");
    assertThat(hub.last("sensor-1", "temperature")).hasValueSatisfying(v -> assertThat(v.asDouble()).isNotEqualTo(22.0));
    assertThat(hub.counts().rejected()).isEqualTo(2);
    assertThatThrownBy(() -> hub.ingest("sensor-1", "temperature", T0 + 3000, 23.0)).isInstanceOf(TelemetryException.class);
    assertThat(hub.counts().rejected()).isEqualTo(3);
    try {
      store.close();
    } catch (RuntimeException expected) {
      // the failure again
    }

    StoreEngine again = open();
    try {
      assertThat(again.telemetry().last("sensor-1", "temperature")).hasValueSatisfying(v ->
          assertThat(v.asDouble()).isEqualTo(20.0));
      assertThat(again.telemetry().series("sensor-1", "temperature").orElseThrow().size()).isEqualTo(1);
    } finally {
      again.close();
    }
  }

  @Test
  void aReadingWhoseRecordFailsLeavesNoTraceAndTheStoreMatchesItsReopening() {
    Models models = ModelParser.parseJson("""
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:fail:Sensor;1", "@type": "Interface",
         "contents": [
           {"@type": "Telemetry", "name": "temperature", "schema": "double"},
           {"@type": "Property", "name": "last", "schema": "double"}
         ]}""");
    UnaryOperator<TelemetryHub.Builder> options = b -> b.duplicateWindow(java.time.Duration.ofHours(1));
    StoreEngine store = StoreEngine.open(new StoreEngine.Config(dir, Durability.everyWrite(), models,
        UnaryOperator.identity(), options, 64L << 20, 0, CorruptionPolicy.FAIL));
    store.graph().createTwin("s", "dtmi:ex:fail:Sensor;1", Map.of());
    store.telemetry().rules().add(Rule.fromTelemetry("dtmi:ex:fail:Sensor;1", "last", "temperature", Derivation.last()));
    TelemetryMessage first = message("m-1", T0, 20.0);
    assertThat(store.telemetry().ingest(first)).isEqualTo(Outcome.ACCEPTED);
    store.telemetry().settle();
    store.journal().failFsyncs(new IOException("Input/output error"));
    assertThatThrownBy(() -> store.telemetry().ingest(message("m-2", T0 + 1000, 25.0)))
        .isInstanceOf(TelemetryException.class).hasMessageContaining("was not applied");
    store.telemetry().settle();
    // as if the reading never came: series, newest reading, the rule's output, the duplicate window
    assertThat(store.telemetry().series("s", "temperature").orElseThrow().size()).isEqualTo(1);
    assertThat(store.telemetry().last("s", "temperature")).hasValueSatisfying(v -> assertThat(v.asDouble()).isEqualTo(20.0));
    assertThat(store.graph().twin("s").orElseThrow().number("last")).hasValue(20.0);
    String inMemory = store.graph().twin("s").orElseThrow().toString();
    try {
      store.close();
    } catch (RuntimeException expected) {
      // the failure again
    }
    StoreEngine again = StoreEngine.open(new StoreEngine.Config(dir, Durability.everyWrite(), models,
        UnaryOperator.identity(), options, 64L << 20, 0, CorruptionPolicy.FAIL));
    try {
      again.telemetry().settle();
      assertThat(again.graph().twin("s").orElseThrow().toString()).isEqualTo(inMemory);
      assertThat(again.telemetry().series("s", "temperature").orElseThrow().size()).isEqualTo(1);
      // the refused message's id was never remembered: sending it again is accepted
      assertThat(again.telemetry().ingest(message("m-2", T0 + 1000, 25.0))).isEqualTo(Outcome.ACCEPTED);
      assertThat(again.telemetry().ingest(first)).isEqualTo(Outcome.DUPLICATE);
    } finally {
      again.close();
    }
  }

  private static TelemetryMessage message(String id, long time, double value) {
    return new TelemetryMessage("s", Optional.empty(), time, Map.of("temperature",
        JsonNodeFactory.instance.numberNode(value)), Optional.of(id));
  }
}
