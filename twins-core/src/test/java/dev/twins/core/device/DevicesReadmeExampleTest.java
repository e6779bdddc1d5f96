package dev.twins.core.device;

import static dev.twins.core.model.Schemas.DOUBLE;
import static dev.twins.core.model.Schemas.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.Models;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's "Devices: desired state and commands" example, as printed there. */
class DevicesReadmeExampleTest {
  /** Stands for the embedding service's device connector. */
  static final class Connector {
    CompletionStage<CommandReply> send(CommandCall call) {
      return CompletableFuture.completedFuture(CommandReply.ok((double) call.request().orElseThrow().intValue()));
    }
  }

  @Test
  void readmeExampleRuns() throws Exception {
    Connector connector = new Connector();
    List<Integer> printed = new ArrayList<>();

    Models models = ModelBuilder.create()
        .define("dtmi:example:Reactor;1", r -> r
            .property("temperature", DOUBLE)
            .property("coolingSetPoint", DOUBLE, p -> p.writable())
            .command("openValve", c -> c.request("percent", INTEGER).response("position", DOUBLE)))
        .build();
    Twins twins = Twins.create(models);
    twins.createTwin("reactor-1", "dtmi:example:Reactor;1", Map.of("temperature", 150.0));
    Devices devices = Devices.attach(twins);

    assertThat(devices.setDesired("reactor-1", "coolingSetPoint", 160.0).status()).isEqualTo(SyncStatus.PENDING);
    devices.report("reactor-1", "coolingSetPoint", 160.0, Ack.applied(1));
    assertThat(devices.writable("reactor-1", "coolingSetPoint").status()).isEqualTo(SyncStatus.IN_SYNC);

    devices.handle("dtmi:example:Reactor;1", "openValve", call -> connector.send(call));
    devices.invoke("reactor-1", "openValve", 100, Duration.ofSeconds(5))
        .thenAccept(r -> printed.add(r.status().getAsInt())).toCompletableFuture().get(1, TimeUnit.MINUTES);
    assertThat(printed).containsExactly(200);
    assertThat(devices.commandLog("reactor-1").toString())
        .isEqualTo("[CommandRecord[1, reactor-1, openValve, SUCCEEDED 200]]");
  }

  @Test
  void readmeErrorMessageIsAsPrinted() {
    Devices devices = Devices.attach(DeviceModels.graph(1));
    assertThatThrownBy(() -> devices.invoke("r1", "setPower", Map.of("megawatts", "lots", "rampSeconds", 5)))
        .hasMessageStartingWith("r1: setPower: the request does not fit 'settings' (Object): /request/megawatts: ");
  }
}
