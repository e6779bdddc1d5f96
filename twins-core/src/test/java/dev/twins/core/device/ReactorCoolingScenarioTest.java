package dev.twins.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.ChangeFilters;
import dev.twins.core.graph.Subscription;
import dev.twins.core.graph.Twins;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Detect, then correct: a subscription watches reactor temperatures; when one crosses its limit
 * the cooling valve is opened by a DTDL Command sent to the reactor's device connector, and when it
 * comes back the valve is throttled again. The connector's valve reports its new position as a
 * writable property, so the twin shows what the device did.
 */
class ReactorCoolingScenarioTest {
  private static final double LIMIT = 180.0;

  @Test
  void theCoolingValveOpensWhenTheTemperatureCrossesTheLimitAndThrottlesWhenItComesBack() throws Exception {
    Twins twins = DeviceModels.graph(2);
    Devices devices = Devices.attach(twins);
    ExecutorService control = Executors.newSingleThreadExecutor();
    ExecutorService plant = Executors.newSingleThreadExecutor();
    try {
      // the device connector of each reactor: a valve that moves, answers, then reports its position
      for (String reactor : List.of("r1", "r2")) {
        devices.connect(reactor, call -> CompletableFuture.supplyAsync(() -> {
          double position = call.request().orElseThrow().intValue();
          devices.report(call.twinId(), "coolingValve/position", position,
              Ack.of(203, 0, Optional.of("moved by command " + call.requestId())));
          return CommandReply.ok(position);
        }, plant));
      }

      // the controller: crossing up opens the valve fully, coming back throttles it to 20 %
      Set<String> hot = ConcurrentHashMap.newKeySet();
      List<CompletableFuture<CommandRecord>> sent = Collections.synchronizedList(new ArrayList<>());
      Subscription watch = twins.subscribe(
          ChangeFilters.ofModel(twins.models(), DeviceModels.REACTOR).and(ChangeFilters.patchSets("/temperature", v -> true)),
          e -> {
            String id = e.twinId();
            double t = ((ChangeEvent.TwinUpdated) e).twin().number("temperature").orElseThrow();
            if (t > LIMIT && hot.add(id)) {
              sent.add(devices.invoke(id, "coolingValve/open", 100).toCompletableFuture());
            } else if (t <= LIMIT && hot.remove(id)) {
              sent.add(devices.invoke(id, "coolingValve/open", 20).toCompletableFuture());
            }
          }, control);

      for (double t : new double[] {170, 175, 182, 185, 178, 165, 183}) twins.set("r1", "temperature", t);
      for (double t : new double[] {150, 160, 179.5}) twins.set("r2", "temperature", t);

      control.shutdown();
      assertThat(control.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
      for (CompletableFuture<CommandRecord> f : List.copyOf(sent)) f.get(1, TimeUnit.MINUTES);
      assertThat(watch.failures()).isZero();

      List<CommandRecord> log = devices.commandLog("r1");
      assertThat(log).extracting(r -> r.request().orElseThrow().intValue()).containsExactly(100, 20, 100);
      assertThat(log).allSatisfy(r -> {
        assertThat(r.command()).isEqualTo("coolingValve/open");
        assertThat(r.succeeded()).isTrue();
        assertThat(r.status()).hasValue(200);
      });
      assertThat(log.get(2).response().orElseThrow().doubleValue()).isEqualTo(100.0);
      assertThat(devices.commandLog("r2")).as("r2 never crossed its limit").isEmpty();

      WritableProperty valve = devices.writable("r1", "coolingValve/position");
      assertThat(valve.reportedValue().orElseThrow().doubleValue()).isEqualTo(100.0);
      assertThat(valve.ack().orElseThrow().code()).isEqualTo(203);
      assertThat(valve.ack().orElseThrow().description()).contains("moved by command " + log.get(2).requestId());
      assertThat(twins.twin("r1").orElseThrow().toJson().at("/coolingValve/position").doubleValue()).isEqualTo(100.0);
      assertThat(devices.commandCounts()).isEqualTo(new CommandCounts(3, 3, 0, 0, 0, 0));
      assertThat(Map.of("hot", hot)).isEqualTo(Map.of("hot", Set.of("r1")));
    } finally {
      control.shutdownNow();
      plant.shutdownNow();
    }
  }
}
