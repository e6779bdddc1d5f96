package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import dev.twins.core.series.DoubleCursor;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.telemetry.Derivation;
import dev.twins.core.telemetry.IngestReport;
import dev.twins.core.telemetry.Rule;
import dev.twins.core.telemetry.TelemetryException;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.core.telemetry.TelemetryMessage;
import dev.twins.persistence.CorruptionPolicy;
import dev.twins.persistence.Durability;
import dev.twins.persistence.StoreException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Telemetry ingested in a store's batch is applied only once its journal records are durable: a
 * journal failure leaves nothing of the failed records in memory, and the store then shows what a
 * reopen shows; a batch that succeeds applies every message in order, as a hub without a store does.
 */
class BatchTelemetryTest {
  private static final String SENSOR = "dtmi:ex:batch:Sensor;1";
  private static final Models MODELS = ModelParser.parseJson("""
      {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:batch:Sensor;1", "@type": "Interface",
       "contents": [
         {"@type": "Telemetry", "name": "temperature", "schema": "double"},
         {"@type": "Property", "name": "last", "schema": "double"}
       ]}""");
  private static final UnaryOperator<TelemetryHub.Builder> OPTIONS = b -> b.duplicateWindow(Duration.ofDays(365))
      .retention(Retention.ofCount(15_000));
  private static final long T0 = 1_700_000_000_000L;
  /** More lines than one stage holds, so that a bulk ingest is made durable and applied in several steps. */
  private static final int LINES = 30_000;

  @TempDir Path dir;

  private StoreEngine open() {
    return StoreEngine.open(new StoreEngine.Config(dir, Durability.everyWrite(), MODELS, UnaryOperator.identity(),
        OPTIONS, 64L << 20, 0, CorruptionPolicy.FAIL));
  }

  private static void setUp(Twins g, TelemetryHub hub) {
    setUp(g, hub, true);
  }

  private static void setUp(Twins g, TelemetryHub hub, boolean rule) {
    g.createTwin("s", SENSOR, Map.of());
    g.createTwin("t", SENSOR, Map.of());
    if (rule) hub.rules().add(Rule.fromTelemetry(SENSOR, "last", "temperature", Derivation.last()));
  }

  /**
   * NDJSON with in-order readings, late ones (behind newer readings), duplicates (an id sent
   * again, also thousands of lines later), readings older than the retention keeps, unknown twins.
   */
  private static String ndjson() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      String twin = i % 3 == 0 ? "t" : "s";
      long time = T0 + i * 1000L;
      String id = "m-" + i;
      if (i % 10 == 7) time -= 5_000; // late
      if (i % 97 == 5) id = "m-" + (i - 9000); // a duplicate (when that line was of the same twin)
      if (i % 1009 == 3) time = T0 - 1_000_000; // older than what the series keeps, once full
      if (i % 4999 == 11) twin = "nobody";
      sb.append("{\"twinId\":\"").append(twin).append("\",\"sourceTime\":").append(time)
          .append(",\"values\":{\"temperature\":").append(i % 500 / 10.0).append("},\"messageId\":\"").append(id)
          .append("\"}\n");
    }
    return sb.toString();
  }

  private static List<String> state(Twins g, TelemetryHub hub) {
    hub.settle();
    List<String> out = new ArrayList<>();
    for (String id : List.of("s", "t")) {
      out.add(g.twin(id).orElseThrow().toString());
      out.add(id + " last=" + hub.last(id, "temperature"));
      Optional<DoubleSeries> s = hub.series(id, "temperature").map(DoubleSeries.class::cast);
      if (s.isEmpty()) continue;
      DoubleCursor c = s.get().scan(Long.MIN_VALUE, Long.MAX_VALUE);
      StringBuilder sb = new StringBuilder(id).append(" series:");
      while (c.next()) sb.append(' ').append(c.time()).append('=').append(c.value());
      out.add(sb.toString());
    }
    return out;
  }

  private static TelemetryMessage message(String twin, String id, long time, double value) {
    return new TelemetryMessage(twin, Optional.empty(), time, Map.of("temperature",
        JsonNodeFactory.instance.numberNode(value)), Optional.of(id));
  }

  @Test
  void aBatchAppliesEveryMessageInOrderAsAHubWithoutAStore() {
    Twins plain = Twins.builder(MODELS).build();
    TelemetryHub plainHub = OPTIONS.apply(TelemetryHub.builder(plain)).build();
    setUp(plain, plainHub);
    IngestReport expected = plainHub.ingestNdjson(new StringReader(ndjson()), "in.ndjson");
    assertThat(expected.late()).isPositive();
    assertThat(expected.duplicates()).isPositive();
    assertThat(expected.rejected()).isPositive();
    List<String> expectedState = state(plain, plainHub);

    StoreEngine store = open();
    setUp(store.graph(), store.telemetry());
    IngestReport[] report = new IngestReport[1];
    store.batch(() -> {
      report[0] = store.telemetry().ingestNdjson(new StringReader(ndjson()), "in.ndjson");
      // applied when the ingest call returns, also inside the batch
      assertThat(store.telemetry().last("s", "temperature")).isEqualTo(plainHub.last("s", "temperature"));
    });
    assertThat(report[0]).isEqualTo(expected);
    assertThat(state(store.graph(), store.telemetry())).isEqualTo(expectedState);
    store.close();
    StoreEngine again = open();
    try {
      assertThat(state(again.graph(), again.telemetry())).isEqualTo(expectedState);
      // the duplicate window came back: an id of the batch is a duplicate
      assertThat(again.telemetry().ingest(message("s", "m-1", T0 + 1, 1.0)).accepted()).isFalse();
    } finally {
      again.close();
    }
  }

  @Test
  void aBatchWhoseJournalFailsBeforeItsTelemetryIsDurableLeavesNothingOfItInMemory() {
    StoreEngine store = open();
    setUp(store.graph(), store.telemetry());
    assertThat(store.telemetry().ingest(message("s", "m-first", T0 - 10_000, 20.0)).accepted()).isTrue();
    List<String> before = state(store.graph(), store.telemetry());
    store.journal().failFsyncs(new IOException("Input/output error"));
    assertThatThrownBy(() -> store.batch(() -> {
      store.graph().createTwin("u", SENSOR, Map.of());
      store.telemetry().ingestNdjson(new StringReader(ndjson()), "in.ndjson");
    })).isInstanceOf(StoreException.class).hasMessageContaining("Input/output error");
    assertThat(store.graph().twin("u")).isEmpty();
    assertThat(state(store.graph(), store.telemetry())).isEqualTo(before);
    assertThat(store.telemetry().deadLetters()).last().satisfies(d ->
        assertThat(d.reason()).contains("was not applied").contains("Input/output error"));
    closeAfterFailure(store);
    StoreEngine again = open();
    try {
      assertThat(state(again.graph(), again.telemetry())).isEqualTo(before);
      // no id of the failed batch was remembered
      assertThat(again.telemetry().ingest(message("s", "m-1", T0 + 1000, 1.0)).accepted()).isTrue();
    } finally {
      again.close();
    }
  }

  @Test
  void aBatchWhoseJournalFailsMidwayKeepsExactlyWhatWasDurableAsAReopenDoes() {
    StoreEngine store = open();
    // no rule: a rule's output whose record failed after its telemetry was durable is taken back,
    // and a reopen derives it again from the telemetry when it installs the rules
    setUp(store.graph(), store.telemetry(), false);
    // once the first messages of the batch are applied (so durable), the disk fails
    AtomicBoolean failed = new AtomicBoolean();
    store.telemetry().subscribe(m -> true, m -> {
      if (failed.compareAndSet(false, true)) store.journal().failFsyncs(new IOException("Input/output error"));
    });
    assertThatThrownBy(() -> store.batch(() -> store.telemetry().ingestNdjson(new StringReader(ndjson()),
        "in.ndjson"))).isInstanceOf(StoreException.class).hasMessageContaining("Input/output error");
    List<String> inMemory = state(store.graph(), store.telemetry());
    long kept = store.telemetry().series("s", "temperature").orElseThrow().size();
    assertThat(kept).isPositive().isLessThan(LINES / 2);
    closeAfterFailure(store);
    StoreEngine again = open();
    try {
      assertThat(state(again.graph(), again.telemetry())).isEqualTo(inMemory);
    } finally {
      again.close();
    }
  }

  @Test
  void aSingleMessageInABatchIsAppliedOnlyOnceDurable() {
    StoreEngine store = open();
    setUp(store.graph(), store.telemetry());
    assertThat(store.telemetry().ingest(message("s", "m-0", T0, 20.0)).accepted()).isTrue();
    List<String> before = state(store.graph(), store.telemetry());
    store.journal().failFsyncs(new IOException("Input/output error"));
    assertThatThrownBy(() -> store.batch(() -> store.telemetry().ingest(message("s", "m-1", T0 + 1000, 25.0))))
        .isInstanceOf(StoreException.class).hasMessageContaining("was not applied")
        .hasCauseInstanceOf(TelemetryException.class);
    assertThat(state(store.graph(), store.telemetry())).isEqualTo(before);
    closeAfterFailure(store);
    StoreEngine again = open();
    try {
      assertThat(state(again.graph(), again.telemetry())).isEqualTo(before);
    } finally {
      again.close();
    }
  }

  private static void closeAfterFailure(StoreEngine store) {
    try {
      store.close();
    } catch (RuntimeException expected) {
      // the failure again
    }
  }
}
