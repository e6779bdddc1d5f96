package dev.twins.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.device.CommandException.Code;
import dev.twins.core.device.CommandRecord.Outcome;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ValueError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

/** Commands: request and response validation, handlers and connectors, statuses, timeouts, late replies, logs. */
class CommandsTest {
  private static final Duration LONG = Duration.ofMinutes(5);

  private Twins twins;
  private Devices devices;
  private final List<CommandCall> calls = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void setUp() {
    twins = DeviceModels.graph(3);
    devices = Devices.builder(twins).commandTimeout(LONG).build();
  }

  private static CommandRecord await(CompletionStage<CommandRecord> stage) throws Exception {
    return stage.toCompletableFuture().get(1, TimeUnit.MINUTES);
  }

  private CommandHandler replying(CommandReply reply) {
    return call -> {
      calls.add(call);
      return CompletableFuture.completedFuture(reply);
    };
  }

  // ------------------------------------------------------------------------------------ validation

  @Test
  void unknownTwinsAndCommandsAreRefusedBeforeAnythingIsSent() {
    devices.handle(DeviceModels.REACTOR, "scram", replying(CommandReply.ok()));
    assertThatThrownBy(() -> devices.invoke("nope", "scram"))
        .isInstanceOfSatisfying(CommandException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.TWIN_NOT_FOUND);
          assertThat(e.twinId()).isEqualTo("nope");
          assertThat(e.command()).isEqualTo("scram");
        }).hasMessage("nope: scram: no such twin");
    assertThatThrownBy(() -> devices.invoke("r1", "meltdown"))
        .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.code()).isEqualTo(Code.COMMAND_NOT_FOUND))
        .hasMessageStartingWith("r1: meltdown: " + DeviceModels.REACTOR + " declares no Command 'meltdown'")
        .hasMessageContaining("scram").hasMessageContaining("setPower").hasMessageContaining("vent");
    assertThatThrownBy(() -> devices.invoke("r1", "temperature"))
        .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.code()).isEqualTo(Code.COMMAND_NOT_FOUND));
    assertThatThrownBy(() -> devices.invoke("r1", "pump/open", 10))
        .hasMessageContaining("'pump' is not a Component of " + DeviceModels.REACTOR);
    assertThatThrownBy(() -> devices.invoke("r1", "coolingValve/close"))
        .hasMessageContaining(DeviceModels.VALVE + " declares no Command 'close'; its Commands are open");
    assertThat(calls).isEmpty();
    assertThat(devices.commandLog("r1")).isEmpty();
    assertThat(devices.commandCounts().sent()).isZero();
  }

  @Test
  void aRequestThatDoesNotFitNamesTheJsonPointer() {
    devices.handle(DeviceModels.REACTOR, "setPower", replying(CommandReply.ok(Map.of("megawatts", 1.0))));
    assertThatThrownBy(() -> devices.invoke("r1", "setPower", Map.of("megawatts", "lots", "rampSeconds", 5)))
        .isInstanceOfSatisfying(CommandException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.INVALID_REQUEST);
          assertThat(e.problems()).extracting(ValueError::pointer).containsExactly("/megawatts");
        }).hasMessageStartingWith("r1: setPower: the request does not fit 'settings'")
        .hasMessageContaining("/request/megawatts");
    assertThatThrownBy(() -> devices.invoke("r1", "setPower"))
        .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_REQUEST))
        .hasMessageContaining("the payload 'settings' is missing");
    assertThatThrownBy(() -> devices.invoke("r1", "scram", 1))
        .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_REQUEST))
        .hasMessageContaining("takes no request");
    assertThatThrownBy(() -> devices.invoke("r1", "coolingValve/open", 12.5))
        .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.pointer()).isEmpty()))
        .hasMessageStartingWith("r1: coolingValve/open: ");
    assertThat(calls).isEmpty();
    assertThat(devices.commandLog("r1")).isEmpty();
  }

  @Test
  void aNullableRequestMayBeLeftOutOrNullButOthersMayNot() throws Exception {
    devices.handle(DeviceModels.SENSOR_V4, "calibrate", replying(CommandReply.of(200, NullNode.getInstance())));
    assertThat(await(devices.invoke("sensor", "calibrate")).succeeded()).isTrue();
    assertThat(await(devices.invoke("sensor", "calibrate", NullNode.getInstance())).succeeded()).isTrue();
    assertThat(await(devices.invoke("sensor", "calibrate", 0.25)).succeeded()).isTrue();
    assertThat(calls).extracting(c -> c.request().map(Object::toString).orElse("none"))
        .containsExactly("none", "null", "0.25");
    devices.handle(DeviceModels.PUMP_V2, "prime", replying(CommandReply.ok(true)));
    assertThatThrownBy(() -> devices.invoke("pump", "prime", NullNode.getInstance()))
        .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_REQUEST));
  }

  // ------------------------------------------------------------------------------------ handlers

  @Test
  void aSuccessfulCommandIsRecordedWithItsResponse() throws Exception {
    devices.handle(DeviceModels.REACTOR, "setPower", replying(CommandReply.ok(Map.of("megawatts", 12.5))));
    CommandRecord r = await(devices.invoke("r1", "setPower", Map.of("megawatts", 12.5, "rampSeconds", 30)));
    assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(r.status()).hasValue(200);
    assertThat(r.response().orElseThrow().get("megawatts").doubleValue()).isEqualTo(12.5);
    assertThat(r.request().orElseThrow().get("rampSeconds").intValue()).isEqualTo(30);
    assertThat(r.error()).isEmpty();
    assertThat(r.finished()).isPresent();
    assertThat(devices.commandLog("r1")).containsExactly(r);
    CommandCall call = calls.get(0);
    assertThat(call.twinId()).isEqualTo("r1");
    assertThat(call.name()).isEqualTo("setPower");
    assertThat(call.component()).isEmpty();
    assertThat(call.requestId()).isEqualTo(r.requestId());
    assertThat(call.deadline()).isEqualTo(r.sent().plus(LONG));
  }

  @Test
  void v2CommandPayloadsWorkLikeV3Requests() throws Exception {
    devices.handle(DeviceModels.PUMP_V2, "prime", call -> CompletableFuture.completedFuture(
        CommandReply.ok(call.request().orElseThrow().intValue() > 0)));
    CommandRecord r = await(devices.invoke("pump", "prime", 5));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.response().orElseThrow().booleanValue()).isTrue();
  }

  @Test
  void componentCommandsGoToTheHandlerOfTheComponentsInterface() throws Exception {
    devices.handle(DeviceModels.VALVE, "open", call -> {
      calls.add(call);
      return CompletableFuture.completedFuture(CommandReply.ok(call.request().orElseThrow().doubleValue()));
    });
    CommandRecord r = await(devices.invoke("r2", "coolingValve/open", 75));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.command()).isEqualTo("coolingValve/open");
    assertThat(calls.get(0).component()).contains("coolingValve");
    assertThat(calls.get(0).name()).isEqualTo("open");
  }

  @Test
  void handlersServeTheModelsThatExtendTheirs() throws Exception {
    devices.handle(DeviceModels.VESSEL, "vent", replying(CommandReply.ok(3.5)));
    assertThat(await(devices.invoke("r1", "vent")).succeeded()).isTrue();
  }

  @Test
  void aTwinsConnectorComesBeforeTheModelsHandler() throws Exception {
    devices.handle(DeviceModels.REACTOR, "scram", replying(CommandReply.of(204)));
    Registration r2 = devices.connect("r2", call -> CompletableFuture.completedFuture(CommandReply.of(202)));
    assertThat(await(devices.invoke("r1", "scram")).status()).hasValue(204);
    assertThat(await(devices.invoke("r2", "scram")).status()).hasValue(202);
    r2.cancel();
    assertThat(await(devices.invoke("r2", "scram")).status()).hasValue(204);
  }

  @Test
  void withoutAHandlerTheCommandFailsWith404() throws Exception {
    CommandRecord r = await(devices.invoke("r1", "scram"));
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.status()).hasValue(404);
    assertThat(r.error().orElseThrow()).startsWith("r1: scram (request " + r.requestId() + "): no handler");
    Registration reg = devices.handle(DeviceModels.REACTOR, "scram", replying(CommandReply.ok()));
    reg.close();
    assertThat(await(devices.invoke("r1", "scram")).status()).hasValue(404);
    assertThatThrownBy(() -> devices.handle(DeviceModels.REACTOR, "melt", replying(CommandReply.ok())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no Command 'melt'");
    assertThatThrownBy(() -> devices.handle("dtmi:test:Nope;1", "scram", replying(CommandReply.ok())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the graph's model set");
  }

  @Test
  void aFailureStatusFromTheDeviceIsKeptWithItsPayload() throws Exception {
    devices.handle(DeviceModels.REACTOR, "setPower", replying(CommandReply.of(409, Map.of("reason", "ramping"))));
    CommandRecord r = await(devices.invoke("r1", "setPower", Map.of("megawatts", 1.0, "rampSeconds", 1)));
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.status()).hasValue(409);
    assertThat(r.response().orElseThrow().get("reason").asString()).isEqualTo("ramping");
    assertThat(r.error().orElseThrow()).contains("the device answered 409");
  }

  @Test
  void aHandlerThatThrowsOrFailsGives500() throws Exception {
    devices.handle(DeviceModels.REACTOR, "scram", call -> {
      throw new IllegalStateException("broker down");
    });
    CommandRecord r = await(devices.invoke("r1", "scram"));
    assertThat(r.status()).hasValue(500);
    assertThat(r.error().orElseThrow()).contains("broker down");
    devices.handle(DeviceModels.REACTOR, "scram", call -> CompletableFuture.failedFuture(new RuntimeException("lost")));
    assertThat(await(devices.invoke("r1", "scram")).error().orElseThrow()).contains("lost");
    devices.handle(DeviceModels.REACTOR, "scram", call -> null);
    assertThat(await(devices.invoke("r1", "scram")).status()).hasValue(500);
    assertThat(devices.commandCounts().failed()).isEqualTo(3);
  }

  @Test
  void anInvalidResponseGives502NamingThePointer() throws Exception {
    devices.handle(DeviceModels.REACTOR, "setPower", replying(CommandReply.ok(Map.of("megawatts", "twelve"))));
    CommandRecord r = await(devices.invoke("r1", "setPower", Map.of("megawatts", 12.0, "rampSeconds", 3)));
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.status()).hasValue(502);
    assertThat(r.error().orElseThrow()).startsWith("r1: setPower (request ")
        .contains("the response does not fit 'accepted'").contains("/response/megawatts");
    assertThat(r.response().orElseThrow().get("megawatts").asString()).as("the bad payload is kept").isEqualTo("twelve");

    devices.handle(DeviceModels.REACTOR, "scram", replying(CommandReply.ok("done")));
    assertThat(await(devices.invoke("r1", "scram")).error().orElseThrow()).contains("declares no response");
    devices.handle(DeviceModels.VALVE, "open", replying(CommandReply.ok()));
    assertThat(await(devices.invoke("r1", "coolingValve/open", 5)).error().orElseThrow())
        .contains("the payload 'position' is missing");
  }

  // ------------------------------------------------------------------------------------ timeouts

  @Test
  void aPendingCommandTimesOutWith504AndALateReplyIsKept() throws Exception {
    CompletableFuture<CommandReply> device = new CompletableFuture<>();
    devices.handle(DeviceModels.VALVE, "open", call -> device);
    CompletionStage<CommandRecord> stage = devices.invoke("r1", "coolingValve/open", 50, Duration.ofMillis(20));
    assertThat(devices.commandLog("r1")).singleElement().satisfies(p -> {
      assertThat(p.outcome()).isIn(Outcome.PENDING, Outcome.TIMED_OUT);
      assertThat(p.request().orElseThrow().intValue()).isEqualTo(50);
    });
    CommandRecord r = await(stage);
    assertThat(r.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(r.status()).hasValue(504);
    assertThat(r.error().orElseThrow()).startsWith("r1: coolingValve/open (request ").contains("no reply within PT0.02S");
    assertThat(r.late()).isEmpty();

    device.complete(CommandReply.ok(50.0));
    CommandRecord logged = devices.commandLog("r1").get(0);
    assertThat(logged.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(logged.status()).hasValue(504);
    assertThat(logged.late()).hasValueSatisfying(late -> {
      assertThat(late.reply().status()).isEqualTo(200);
      assertThat(late.reply().payload().orElseThrow().doubleValue()).isEqualTo(50.0);
      assertThat(late.problem()).isEmpty();
    });
    assertThat(devices.commandCounts()).isEqualTo(new CommandCounts(1, 0, 0, 1, 1, 0));
    assertThat(logged.toString()).endsWith("TIMED_OUT 504, late reply]");
  }

  @Test
  void aLateInvalidReplyIsKeptWithItsProblem() throws Exception {
    CompletableFuture<CommandReply> device = new CompletableFuture<>();
    devices.handle(DeviceModels.VALVE, "open", call -> device);
    await(devices.invoke("r1", "coolingValve/open", 50, Duration.ofMillis(10)));
    device.complete(CommandReply.ok("wide open"));
    assertThat(devices.commandLog("r1").get(0).late().orElseThrow().problem().orElseThrow())
        .contains("the response does not fit 'position'");
  }

  @Test
  void aReplyInTimeCancelsTheTimeout() throws Exception {
    CompletableFuture<CommandReply> device = new CompletableFuture<>();
    devices.handle(DeviceModels.VALVE, "open", call -> device);
    CompletionStage<CommandRecord> stage = devices.invoke("r1", "coolingValve/open", 50, Duration.ofMinutes(10));
    assertThat(devices.commandLog("r1").get(0).outcome()).isEqualTo(Outcome.PENDING);
    assertThat(devices.commandCounts().pending()).isEqualTo(1);
    device.complete(CommandReply.ok(50.0));
    assertThat(await(stage).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(devices.commandCounts().pending()).isZero();
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> devices.invoke("r1", "coolingValve/open", 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> Devices.builder(twins).commandTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Devices.builder(twins).commandLogCapacity(0)).isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------------------------ log

  @Test
  void theLogKeepsTheLatestCommandsAndCountsTheOthers() throws Exception {
    Devices small = Devices.builder(twins).commandLogCapacity(3).build();
    small.handle(DeviceModels.REACTOR, "scram", replying(CommandReply.ok()));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) ids.add(await(small.invoke("r1", "scram")).requestId());
    await(small.invoke("r2", "scram"));
    assertThat(small.commandLog("r1")).extracting(CommandRecord::requestId).containsExactlyElementsOf(ids.subList(2, 5));
    assertThat(small.commandLog("r2")).hasSize(1);
    assertThat(small.commandLog("r3")).isEmpty();
    assertThat(small.commandCounts()).isEqualTo(new CommandCounts(6, 6, 0, 0, 0, 2));
    assertThat(small.toString()).isEqualTo("Devices[sent=6, pending=0, succeeded=6, failed=0, timedOut=0, late=0]");
  }

  // ------------------------------------------------------------------------------------ concurrency

  @Test
  void manyConcurrentCommandsAllEndAndAreAllLogged() throws Exception {
    int threads = 4;
    int perThread = 300;
    ExecutorService devicesSide = Executors.newFixedThreadPool(2);
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    Devices big = Devices.builder(twins).commandLogCapacity(threads * perThread).commandTimeout(LONG).build();
    try {
      // the valve answers on another thread; every tenth request is refused, every 17th breaks
      big.handle(DeviceModels.VALVE, "open", call -> CompletableFuture.supplyAsync(() -> {
        int percent = call.request().orElseThrow().intValue();
        if (percent % 17 == 0) throw new IllegalStateException("stuck");
        return percent % 10 == 0 ? CommandReply.of(400) : CommandReply.ok((double) percent);
      }, devicesSide));
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<List<CompletableFuture<CommandRecord>>>> sent = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        sent.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          List<CompletableFuture<CommandRecord>> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            String twin = "r" + (1 + (thread + i) % 3);
            mine.add(big.invoke(twin, "coolingValve/open", thread * perThread + i).toCompletableFuture());
          }
          return mine;
        }, callers));
      }
      start.countDown();
      int ok = 0;
      int refused = 0;
      int broken = 0;
      Set<Long> ids = new HashSet<>();
      for (CompletableFuture<List<CompletableFuture<CommandRecord>>> f : sent) {
        for (CompletableFuture<CommandRecord> c : f.get(1, TimeUnit.MINUTES)) {
          CommandRecord r = c.get(1, TimeUnit.MINUTES);
          ids.add(r.requestId());
          int percent = r.request().orElseThrow().intValue();
          int expected = percent % 17 == 0 ? 500 : percent % 10 == 0 ? 400 : 200;
          assertThat(r.status()).as("request %s", percent).hasValue(expected);
          if (expected == 200) {
            ok++;
            assertThat(r.response().orElseThrow().doubleValue()).isEqualTo(percent);
          } else if (expected == 400) {
            refused++;
          } else {
            broken++;
          }
        }
      }
      int total = threads * perThread;
      assertThat(ids).hasSize(total);
      assertThat(big.commandCounts()).isEqualTo(new CommandCounts(total, ok, refused + broken, 0, 0, 0));
      int logged = 0;
      for (String twin : List.of("r1", "r2", "r3")) {
        List<CommandRecord> log = big.commandLog(twin);
        assertThat(log).allSatisfy(r -> {
          assertThat(r.twinId()).isEqualTo(twin);
          assertThat(r.outcome()).isNotEqualTo(Outcome.PENDING);
        });
        logged += log.size();
      }
      assertThat(logged).isEqualTo(total);
    } finally {
      callers.shutdownNow();
      devicesSide.shutdownNow();
    }
  }

  @Test
  void requestsAreCopiedSoTheCallerCannotChangeThemLater() throws Exception {
    devices.handle(DeviceModels.REACTOR, "setPower", replying(CommandReply.ok(Map.of("megawatts", 2.0))));
    var request = JsonNodeFactory.instance.objectNode().put("megawatts", 2.0).put("rampSeconds", 1);
    CommandRecord r = await(devices.invoke("r1", "setPower", request));
    request.put("megawatts", 99.0);
    assertThat(r.request().orElseThrow().get("megawatts").doubleValue()).isEqualTo(2.0);
  }

  @Test
  void repliesRacingTimeoutsEndEachCommandExactlyOnce() throws Exception {
    int total = 200;
    ExecutorService devicesSide = Executors.newFixedThreadPool(2);
    Devices racing = Devices.builder(twins).commandLogCapacity(total).build();
    try {
      // each reply comes after a short, varying delay, some before and some after a 1 ms timeout
      racing.handle(DeviceModels.VALVE, "open", call -> CompletableFuture.supplyAsync(() -> {
        int percent = call.request().orElseThrow().intValue();
        long until = System.nanoTime() + (percent % 5) * 400_000L;
        while (System.nanoTime() < until) Thread.onSpinWait();
        return CommandReply.ok((double) percent);
      }, devicesSide));
      List<CompletableFuture<CommandRecord>> all = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        all.add(racing.invoke("r1", "coolingValve/open", i, Duration.ofMillis(1)).toCompletableFuture());
      }
      for (CompletableFuture<CommandRecord> f : all) {
        CommandRecord r = f.get(1, TimeUnit.MINUTES);
        assertThat(r.outcome()).isIn(Outcome.SUCCEEDED, Outcome.TIMED_OUT);
        assertThat(r.status()).hasValue(r.outcome() == Outcome.SUCCEEDED ? 200 : 504);
      }
      devicesSide.shutdown();
      assertThat(devicesSide.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
      List<CommandRecord> log = racing.commandLog("r1");
      assertThat(log).hasSize(total);
      long timedOut = log.stream().filter(r -> r.outcome() == Outcome.TIMED_OUT).count();
      assertThat(log).allSatisfy(r -> {
        assertThat(r.outcome()).isNotEqualTo(Outcome.PENDING);
        assertThat(r.late().isPresent()).as("a late reply exactly for each timed-out command")
            .isEqualTo(r.outcome() == Outcome.TIMED_OUT);
      });
      CommandCounts c = racing.commandCounts();
      assertThat(c.sent()).isEqualTo(total);
      assertThat(c.succeeded() + c.timedOut()).isEqualTo(total);
      assertThat(c.timedOut()).isEqualTo(timedOut);
      assertThat(c.late()).isEqualTo(timedOut);
      assertThat(c.pending()).isZero();
    } finally {
      devicesSide.shutdownNow();
    }
  }
}
