package dev.twins.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Any sequence of desired writes, device reports, acknowledgements and plain value writes or
 * removals leaves every writable property as a plain model of IoT Plug and Play computes it, and the
 * twin's JSON carries that state into a new graph unchanged.
 */
class DesiredStateProperties {
  /** The properties exercised: a double (the graph's fast path), an enum, and a component's double. */
  private static final List<String> PROPERTIES = List.of("coolingSetPoint", "mode", "coolingValve/position");

  /** One step; {@code value} is a number for the doubles and picks auto/manual for the enum. */
  record Step(int kind, int property, int value, int code) {}

  /** What a plain model expects of one property. */
  static final class Expected {
    Object desired;
    long desiredVersion;
    Object reported;
    Ack ack;

    SyncStatus status() {
      if (desired == null) return SyncStatus.NO_DESIRED_VALUE;
      if (ack == null || ack.version() < desiredVersion || ack.isInProgress()) return SyncStatus.PENDING;
      return ack.isSuccess() ? SyncStatus.IN_SYNC : SyncStatus.FAILED;
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, PROPERTIES.size() - 1), Arbitraries.integers().between(0, 300),
        Arbitraries.of(200, 202, 203, 400, 500)).as(Step::new);
    return step.list().ofMaxSize(25);
  }

  @Property(tries = 200)
  void writablePropertiesFollowTheModel(@ForAll("steps") @Size(max = 25) List<Step> steps) {
    Twins twins = DeviceModels.graph(1);
    Devices devices = Devices.attach(twins);
    Map<String, Expected> expected = new HashMap<>();
    for (String p : PROPERTIES) expected.put(p, new Expected());
    long version = 0;
    for (Step s : steps) {
      String p = PROPERTIES.get(s.property());
      Expected e = expected.get(p);
      Object value = p.equals("mode") ? (s.value() % 2 == 0 ? "auto" : "manual") : (double) s.value();
      switch (s.kind()) {
        case 0:
          devices.setDesired("r1", p, value);
          e.desired = value;
          e.desiredVersion = ++version;
          break;
        case 1: {
          Ack ack = Ack.of(s.code(), e.desiredVersion, s.code() >= 400 ? Optional.of("no " + s.value()) : Optional.empty());
          devices.report("r1", p, value, ack);
          e.reported = value;
          e.ack = ack;
          break;
        }
        case 2: {
          Ack ack = Ack.of(s.code(), Math.max(0, e.desiredVersion - s.value() % 2), Optional.empty());
          devices.acknowledge("r1", p, ack);
          e.ack = ack;
          break;
        }
        case 3:
          twins.set("r1", p, value);
          e.reported = value;
          break;
        default:
          if (e.reported != null) {
            twins.patch("r1", JsonPatch.builder().remove("/" + p).build());
            e.reported = null;
          }
      }
    }
    Twin twin = twins.twin("r1").orElseThrow();
    for (String p : PROPERTIES) {
      Expected e = expected.get(p);
      WritableProperty w = devices.writable("r1", p);
      assertThat(w.status()).as(p).isEqualTo(e.status());
      assertThat(w.desiredVersion().isPresent() ? w.desiredVersion().getAsLong() : 0).as(p).isEqualTo(e.desiredVersion);
      assertThat(w.desiredValue().map(DesiredStateProperties::plain).orElse(null)).as(p).isEqualTo(e.desired);
      assertThat(w.reportedValue().map(DesiredStateProperties::plain).orElse(null)).as(p).isEqualTo(e.reported);
      assertThat(w.ack().orElse(null)).as(p).isEqualTo(e.ack);
      assertThat(twin.metadata().containsKey(p)).as(p)
          .isEqualTo(e.reported != null || e.desired != null || e.ack != null);
    }
    Twins copy = Twins.create(DeviceModels.MODELS);
    Twin again = copy.createTwin(twin.toJson());
    assertThat(withoutTimes(again.metadata())).isEqualTo(withoutTimes(twin.metadata()));
    assertThat(again.document()).isEqualTo(twin.document());
  }

  private static Map<String, PropertyMetadata> withoutTimes(Map<String, PropertyMetadata> meta) {
    Map<String, PropertyMetadata> out = new HashMap<>();
    meta.forEach((k, v) -> out.put(k, v.withLastUpdateTime(Instant.EPOCH)));
    return out;
  }

  private static Object plain(tools.jackson.databind.JsonNode v) {
    return v.isString() ? v.asString() : (Object) v.doubleValue();
  }
}
