package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.device.Ack;
import dev.twins.core.device.Devices;
import dev.twins.core.device.SyncStatus;
import dev.twins.core.device.WritableProperty;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.Models;
import dev.twins.core.model.Schemas;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

/** Desired values and device acknowledgements are journaled and snapshotted with their twins. */
class DeviceStateRecoveryTest {
  private static final Models MODELS = ModelBuilder.create()
      .define("dtmi:test:store:Boiler;1", b -> b
          .property("setPoint", Schemas.DOUBLE, p -> p.writable())
          .property("mode", Schemas.STRING, p -> p.writable())
          .component("burner", "dtmi:test:store:Burner;1"))
      .define("dtmi:test:store:Burner;1", b -> b.property("power", Schemas.DOUBLE, p -> p.writable()))
      .build();

  @TempDir Path dir;

  private static void write(Devices devices) {
    devices.twins().createTwin("b1", "dtmi:test:store:Boiler;1", Map.of("burner", JsonNodeFactory.instance.objectNode()));
    devices.setDesired("b1", "setPoint", 70.0);                      // pending, no value yet
    devices.setDesired("b1", "mode", "eco");
    devices.report("b1", "mode", "eco", Ack.applied(2));
    devices.setDesired("b1", "burner/power", 12.0);
    devices.acknowledge("b1", "burner/power", Ack.rejected(3, "above the burner's rating"));
  }

  private static void assertRecovered(Devices devices, Twin before) {
    Twin after = devices.twins().twin("b1").orElseThrow();
    assertThat(after).isEqualTo(before);
    assertThat(after.toJson()).isEqualTo(before.toJson());
    WritableProperty setPoint = devices.writable("b1", "setPoint");
    assertThat(setPoint.status()).isEqualTo(SyncStatus.PENDING);
    assertThat(setPoint.desiredVersion()).hasValue(1);
    assertThat(devices.writable("b1", "mode").status()).isEqualTo(SyncStatus.IN_SYNC);
    WritableProperty power = devices.writable("b1", "burner/power");
    assertThat(power.status()).isEqualTo(SyncStatus.FAILED);
    assertThat(power.ack().orElseThrow().description()).contains("above the burner's rating");
    assertThat(devices.setDesired("b1", "setPoint", 65.0).desiredVersion()).as("versions go on increasing").hasValue(4);
  }

  @Test
  void theJournalKeepsDeviceState() {
    Twin before;
    try (TwinStore store = TwinStore.builder(dir).models(MODELS).open()) {
      write(Devices.attach(store.twins()));
      before = store.twins().twin("b1").orElseThrow();
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertRecovered(Devices.attach(store.twins()), before);
    }
  }

  @Test
  void snapshotsKeepDeviceState() {
    Twin before;
    try (TwinStore store = TwinStore.builder(dir).models(MODELS).snapshotEvery(0).open()) {
      write(Devices.attach(store.twins()));
      store.snapshot();
      before = store.twins().twin("b1").orElseThrow();
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.recovery().snapshot()).isPresent();
      assertRecovered(Devices.attach(store.twins()), before);
    }
  }
}
