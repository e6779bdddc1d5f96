package dev.twins.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.ChangeFilters;
import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.GraphException.Code;
import dev.twins.core.graph.Twins;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Desired and reported values of writable properties: versions, acks, status, validation, events. */
class DesiredStateTest {
  private Twins twins;
  private Devices devices;
  private final List<ChangeEvent> events = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void setUp() {
    twins = DeviceModels.graph(2);
    devices = Devices.attach(twins);
    twins.subscribe(ChangeFilters.all(), events::add);
  }

  @Test
  void lifeCycleFromDesiredToAppliedToRejected() {
    WritableProperty w = devices.setDesired("r1", "coolingSetPoint", 160.0);
    assertThat(w.desiredVersion()).isEqualTo(OptionalLong.of(1));
    assertThat(w.desiredValue()).hasValueSatisfying(v -> assertThat(v.doubleValue()).isEqualTo(160.0));
    assertThat(w.reportedValue()).isEmpty();
    assertThat(w.status()).isEqualTo(SyncStatus.PENDING);

    w = devices.acknowledge("r1", "coolingSetPoint", Ack.inProgress(1));
    assertThat(w.status()).isEqualTo(SyncStatus.PENDING);
    assertThat(w.ack()).contains(Ack.inProgress(1));

    w = devices.report("r1", "coolingSetPoint", 160.0, Ack.applied(1));
    assertThat(w.status()).isEqualTo(SyncStatus.IN_SYNC);
    assertThat(w.reportedValue()).hasValueSatisfying(v -> assertThat(v.doubleValue()).isEqualTo(160.0));
    assertThat(twins.twin("r1").orElseThrow().number("coolingSetPoint")).hasValue(160.0);

    w = devices.setDesired("r1", "coolingSetPoint", 400.0);
    assertThat(w.desiredVersion()).isEqualTo(OptionalLong.of(2));
    assertThat(w.status()).as("an ack of an older version does not count").isEqualTo(SyncStatus.PENDING);
    assertThat(w.reportedValue()).hasValueSatisfying(v -> assertThat(v.doubleValue()).isEqualTo(160.0));

    w = devices.acknowledge("r1", "coolingSetPoint", Ack.rejected(2, "above the valve's range"));
    assertThat(w.status()).isEqualTo(SyncStatus.FAILED);
    assertThat(w.ack().orElseThrow().description()).contains("above the valve's range");

    w = devices.report("r1", "coolingSetPoint", 160.0, Ack.applied(2));
    assertThat(w.ack().orElseThrow().description()).as("a report without description clears the old one").isEmpty();
    assertThat(w.status()).isEqualTo(SyncStatus.IN_SYNC);

    assertThat(events).as("each step is one change of the twin").hasSize(6)
        .allSatisfy(e -> assertThat(e).isInstanceOf(ChangeEvent.TwinUpdated.class));
    JsonNode json = twins.twin("r1").orElseThrow().toJson();
    assertThat(json.at("/$metadata/coolingSetPoint/desiredValue").doubleValue()).isEqualTo(400.0);
    assertThat(json.at("/$metadata/coolingSetPoint/desiredVersion").longValue()).isEqualTo(2);
    assertThat(json.at("/$metadata/coolingSetPoint/ackCode").intValue()).isEqualTo(200);
    assertThat(json.at("/$metadata/coolingSetPoint/ackVersion").longValue()).isEqualTo(2);
    assertThat(json.at("/coolingSetPoint").doubleValue()).isEqualTo(160.0);
  }

  @Test
  void versionsIncreasePerTwinAcrossProperties() {
    assertThat(devices.setDesired("r1", "coolingSetPoint", 150.0).desiredVersion()).hasValue(1);
    assertThat(devices.setDesired("r1", "mode", "manual").desiredVersion()).hasValue(2);
    assertThat(devices.setDesired("r1", "coolingValve/position", 40.0).desiredVersion()).hasValue(3);
    assertThat(devices.setDesired("r2", "mode", "auto").desiredVersion()).as("another twin counts on its own")
        .hasValue(1);
    assertThat(devices.setDesired("r1", "coolingSetPoint", 155.0).desiredVersion()).hasValue(4);
    assertThat(devices.writable("r1", "mode").desiredVersion()).hasValue(2);
  }

  @Test
  void writablesListsEveryWritablePropertyWithItsStatus() {
    devices.setDesired("r1", "coolingValve/position", 40.0);
    devices.report("r1", "mode", "auto", Ack.of(203, 0, java.util.Optional.of("chosen by the device")));
    List<WritableProperty> all = devices.writables("r1");
    assertThat(all).extracting(WritableProperty::property)
        .containsExactlyInAnyOrder("coolingSetPoint", "mode", "coolingValve/position");
    Map<String, SyncStatus> status = new java.util.HashMap<>();
    for (WritableProperty w : all) status.put(w.property(), w.status());
    assertThat(status).containsEntry("coolingSetPoint", SyncStatus.NO_DESIRED_VALUE)
        .containsEntry("mode", SyncStatus.NO_DESIRED_VALUE).containsEntry("coolingValve/position", SyncStatus.PENDING);
    assertThat(devices.writable("r1", "coolingValve/position").toString())
        .isEqualTo("WritableProperty[r1/coolingValve/position, desired v1, PENDING]");
  }

  @Test
  void componentPropertiesAreReportedInTheirComponent() {
    devices.setDesired("r1", "coolingValve/position", 40.0);
    WritableProperty w = devices.report("r1", "coolingValve/position", 40.0, Ack.applied(1));
    assertThat(w.status()).isEqualTo(SyncStatus.IN_SYNC);
    JsonNode json = twins.twin("r1").orElseThrow().toJson();
    assertThat(json.at("/coolingValve/position").doubleValue()).isEqualTo(40.0);
    assertThat(json.at("/coolingValve/$metadata/position/ackCode").intValue()).isEqualTo(200);
  }

  @Test
  void aDesiredValueMustFitTheSchemaAndNamesThePointer() {
    assertThatThrownBy(() -> devices.setDesired("r1", "mode", "turbo"))
        .isInstanceOfSatisfying(GraphException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.VALIDATION_FAILED);
          assertThat(e.twinId()).isEqualTo("r1");
          assertThat(e.problems()).extracting(GraphException.Problem::path)
              .containsExactly("/$metadata/mode/desiredValue");
        }).hasMessageStartingWith("r1: ").hasMessageContaining("turbo");
    assertThatThrownBy(() -> devices.setDesired("r1", "coolingSetPoint", "hot"))
        .isInstanceOf(GraphException.class).hasMessageContaining("/$metadata/coolingSetPoint/desiredValue");
    assertThat(devices.writable("r1", "mode").status()).isEqualTo(SyncStatus.NO_DESIRED_VALUE);
    assertThat(events).as("a refused write changes nothing").isEmpty();
  }

  @Test
  void onlyWritablePropertiesHaveDesiredValues() {
    assertThatThrownBy(() -> devices.setDesired("r1", "serial", "SN-9"))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_WRITABLE))
        .hasMessageContaining("r1").hasMessageContaining("'serial'").hasMessageContaining("not writable");
    assertThatThrownBy(() -> devices.acknowledge("r1", "temperature", Ack.applied(1)))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_WRITABLE));
    assertThatThrownBy(() -> devices.setDesired("r1", "power", 1.0))
        .isInstanceOf(GraphException.class).hasMessageContaining("'power' is not a Property of " + DeviceModels.REACTOR);
    assertThatThrownBy(() -> devices.setDesired("r1", "pump/position", 1.0))
        .isInstanceOf(GraphException.class).hasMessageContaining("'pump' is not a Component");
    assertThatThrownBy(() -> devices.setDesired("nope", "mode", "auto"))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(Code.TWIN_NOT_FOUND));
  }

  @Test
  void badAcksAreRefusedWhenMade() {
    assertThatThrownBy(() -> Ack.of(42, 1, java.util.Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 100 and 599, got 42");
    assertThatThrownBy(() -> Ack.applied(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentDesiredWritesGetDistinctIncreasingVersions() throws Exception {
    int threads = 4;
    int each = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String property = t % 2 == 0 ? "coolingSetPoint" : "coolingValve/position";
        futures.add(pool.submit(() -> {
          List<Long> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            mine.add(devices.setDesired("r1", property, (double) i).desiredVersion().getAsLong());
          }
          return mine;
        }));
      }
      Set<Long> all = new TreeSet<>();
      for (Future<List<Long>> f : futures) {
        List<Long> mine = f.get();
        assertThat(mine).as("one writer sees its versions increase").isSorted();
        all.addAll(mine);
      }
      assertThat(all).hasSize(threads * each);
      assertThat(all).first().isEqualTo(1L);
      assertThat(all).last().isEqualTo((long) threads * each);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDeviceConnectorHearsOfDesiredValuesThroughASubscription() {
    List<String> pushed = Collections.synchronizedList(new ArrayList<>());
    twins.subscribe(ChangeFilters.twin("r1").and(ChangeFilters.patchSets("/$metadata/coolingSetPoint/desiredValue",
        v -> true)), e -> {
          var t = ((ChangeEvent.TwinUpdated) e).twin();
          var pm = t.metadata().get("coolingSetPoint");
          pushed.add(pm.desiredValue().orElseThrow().doubleValue() + " v" + pm.desiredVersion().getAsLong());
        });
    devices.setDesired("r1", "coolingSetPoint", 150.0);
    devices.setDesired("r2", "coolingSetPoint", 155.0);
    devices.report("r1", "coolingSetPoint", 150.0, Ack.applied(1));
    devices.setDesired("r1", "coolingSetPoint", 152.5);
    assertThat(pushed).containsExactly("150.0 v1", "152.5 v2");
  }
}
