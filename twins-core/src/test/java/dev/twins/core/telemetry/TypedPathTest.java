package dev.twins.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.SeriesStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A channel's number and boolean path: the common case (a valid reading in time order, nothing
 * listening) is taken in the channel itself; everything else must still go the full way.
 */
class TypedPathTest {
  private static final long T0 = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

  private final Twins twins = PlantModels.building();
  private final TelemetryHub hub = TelemetryHub.attach(twins);

  @Test
  void aWatchAddedAfterTheChannelIsWarmIsHeardAtOnce() {
    Channel ch = hub.channel("f1r1s1", "temperature");
    for (int i = 0; i < 1_000; i++) assertThat(ch.ingest(T0 + i, 20 + i % 7)).isEqualTo(Outcome.ACCEPTED);
    List<ThresholdCrossing> seen = new ArrayList<>();
    var sub = hub.onTwinThreshold("f1r1s1", "temperature", 50, seen::add);
    ch.ingest(T0 + 1_000, 60);
    assertThat(seen).extracting(ThresholdCrossing::value).containsExactly(60.0);
    sub.cancel();
    ch.ingest(T0 + 1_001, 10);
    ch.ingest(T0 + 1_002, 70);
    assertThat(seen).hasSize(1);
    assertThat(hub.counts().accepted()).isEqualTo(1_003);
  }

  @Test
  void badNumbersAreRejectedWithTheirReasonAndLateOnesPlacedByTime() {
    Channel temp = hub.channel("f1r1s1", "temperature");
    Channel people = hub.channel("f1r1s1", "people");
    assertThat(temp.ingest(T0, Double.NaN)).isEqualTo(Outcome.REJECTED);
    assertThat(temp.ingest(T0, Double.NEGATIVE_INFINITY)).isEqualTo(Outcome.REJECTED);
    assertThat(people.ingest(T0, 2.5)).isEqualTo(Outcome.REJECTED);
    assertThat(people.ingest(T0, 3e10)).isEqualTo(Outcome.REJECTED);
    assertThat(people.ingest(T0, 3)).isEqualTo(Outcome.ACCEPTED);
    assertThat(hub.deadLetters()).extracting(DeadLetter::reason).satisfiesExactly(
        r -> assertThat(r).startsWith("not a finite number: NaN"),
        r -> assertThat(r).startsWith("not a finite number: -Infinity"),
        r -> assertThat(r).startsWith("not an integer: 2.5"),
        r -> assertThat(r).startsWith("out of range for integer"));

    assertThat(temp.ingest(T0 + 2_000, 22)).isEqualTo(Outcome.ACCEPTED);
    assertThat(temp.ingest(T0 + 1_000, 21)).isEqualTo(Outcome.ACCEPTED_LATE);
    assertThat(temp.ingest(T0 + 2_000, 23)).isEqualTo(Outcome.ACCEPTED);   // same time: in order
    assertThat(temp.readings().lastNumber()).hasValue(23.0);
    DoubleSeries s = (DoubleSeries) temp.readings().series().orElseThrow();
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.valueAt(T0 + 1_500)).hasValue(21.0);
    assertThat(hub.counts()).isEqualTo(new IngestCounts(4, 1, 0, 4, 0, 0));
  }

  @Test
  void booleansTakeTheSamePathIntoTheirOwnSeries() {
    Channel occ = hub.channel("f1r1s1", "occupancy");
    assertThat(occ.ingest(T0, true)).isEqualTo(Outcome.ACCEPTED);
    assertThat(occ.ingest(T0 + 10, false)).isEqualTo(Outcome.ACCEPTED);
    assertThat(occ.ingest(T0 + 5, true)).isEqualTo(Outcome.ACCEPTED_LATE);
    assertThat(occ.ingest(T0 + 20, 1.0)).isEqualTo(Outcome.REJECTED);
    BooleanSeries s = (BooleanSeries) occ.readings().series().orElseThrow();
    assertThat(s.countTrue(T0, T0 + 11)).isEqualTo(2);
    assertThat(s.last()).hasValue(false);
    assertThat(hub.last("f1r1s1", "occupancy").orElseThrow().asBoolean()).isFalse();
  }

  @Test
  void aSeriesMadeBeforeTheTwinsTelemetryIsTheOneItsChannelAppendsTo() {
    SeriesStore store = hub.seriesStore().orElseThrow();
    DoubleSeries early = store.doubles("f1r1s2", "temperature");
    early.append(T0 - 60_000, 19.5);   // as a snapshot restores history before any message
    Channel ch = hub.channel("f1r1s2", "temperature");
    assertThat(ch.ingest(T0, 20.5)).isEqualTo(Outcome.ACCEPTED);
    assertThat(ch.readings().series().orElseThrow()).isSameAs(early);
    assertThat(early.size()).isEqualTo(2);
    assertThat(early.mean(T0 - 60_000, T0 + 1)).hasValue(20.0);
  }
}
