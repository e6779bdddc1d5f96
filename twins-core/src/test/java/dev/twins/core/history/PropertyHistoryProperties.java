package dev.twins.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.Twins;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Random sequences of writes, removals, deletions and re-creations, some before the history is
 * attached: {@code valueAt(t)} equals a naive replay of the graph's states at every moment.
 */
class PropertyHistoryProperties {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  private static final JsonNodeFactory N = JsonNodeFactory.instance;
  private static final List<String> PROPS = List.of("temperature", "count", "on", "mode", "label", "address");
  private static final List<String> TWINS = List.of("a", "b", "c");

  /** One step: what to do, to which twin and property, which value, and how far the clock moves first. */
  record Step(int kind, int twin, int prop, int value, int dt) {}

  private static Object value(int prop, int v) {
    switch (PROPS.get(prop)) {
      case "temperature": return new double[] {20.0, 20.5, 21.25, -3.0}[v % 4];
      case "count": return v % 3 - 1;
      case "on": return v % 2 == 0;
      case "mode": return v % 2 == 0 ? "eco" : "comfort";
      case "label": return "label " + (v % 3);
      default: return Map.of("street", "s" + (v % 2), "number", v % 3);
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, PROPS.size() - 1), Arbitraries.integers().between(0, 11),
        Arbitraries.of(0, 1, 1, 1000)).as(Step::new).list().ofMaxSize(40);
  }

  @Property(tries = 200)
  void valueAtEqualsANaiveReplay(@ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 0, max = 40) int attachAfter) {
    HistoryModels.SetClock clock = new HistoryModels.SetClock(T0);
    Twins twins = Twins.builder(HistoryModels.models()).clock(clock).build();
    // the naive replay: each twin's properties after each step, with the step's time (null while deleted)
    Map<String, Map<String, JsonNode>> now = new HashMap<>();
    Map<String, List<Map.Entry<Instant, Map<String, JsonNode>>>> log = new HashMap<>();
    PropertyHistory history = null;
    Instant attached = null;
    for (int i = 0; i <= steps.size(); i++) {
      if (i == Math.min(attachAfter, steps.size())) {
        history = PropertyHistory.builder().trackAll().attach(twins);
        attached = clock.now;
      }
      if (i == steps.size()) break;
      Step s = steps.get(i);
      clock.advance(s.dt());
      String id = TWINS.get(s.twin());
      String prop = PROPS.get(s.prop());
      Map<String, JsonNode> state = now.get(id);
      if (state == null || s.kind() == 3) {
        if (state != null) continue;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(prop, value(s.prop(), s.value()));
        props.put("thermostat", Map.of("$metadata", Map.of()));
        twins.createTwin(id, HistoryModels.ROOM, props);
      } else if (s.kind() == 2) {
        twins.delete(id);
      } else if (s.kind() == 1) {
        if (!state.containsKey(prop)) continue;
        twins.patch(id, JsonPatch.of(new JsonPatch.Operation(JsonPatch.Op.REMOVE, "/" + prop, Optional.empty())));
      } else {
        twins.set(id, prop, value(s.prop(), s.value()));
      }
      Map<String, JsonNode> after = twins.twin(id).map(t -> {
        Map<String, JsonNode> m = new HashMap<>();
        for (String p : PROPS) t.property(p).ifPresent(v -> m.put(p, v));
        return m;
      }).orElse(null);
      if (after == null) now.remove(id);
      else now.put(id, after);
      log.computeIfAbsent(id, k -> new ArrayList<>()).add(Map.entry(clock.now, after == null ? Map.of() : after));
    }
    Instant end = clock.now.plusMillis(2);
    for (String id : TWINS) {
      List<Map.Entry<Instant, Map<String, JsonNode>>> states = log.getOrDefault(id, List.of());
      for (Instant t = T0.minusMillis(1); !t.isAfter(end); t = next(t, states, end)) {
        for (String p : PROPS) {
          JsonNode expected = null;
          for (Map.Entry<Instant, Map<String, JsonNode>> e : states) if (!e.getKey().isAfter(t)) expected = e.getValue().get(p);
          Optional<JsonNode> got = history.valueAt(id, p, t);
          if (!t.isBefore(attached)) {
            assertThat(got).as("%s.%s at %s", id, p, t).isEqualTo(Optional.ofNullable(expected));
          } else if (got.isPresent()) {
            assertThat(got.get()).as("%s.%s at %s, before the attach", id, p, t).isEqualTo(expected);
          }
        }
      }
    }
  }

  /** The next moment to check: each step's time, the millisecond before it, and the end. */
  private static Instant next(Instant t, List<Map.Entry<Instant, Map<String, JsonNode>>> states, Instant end) {
    Instant best = end.plusMillis(1);
    for (Map.Entry<Instant, Map<String, JsonNode>> e : states) {
      for (Instant c : new Instant[] {e.getKey().minusMillis(1), e.getKey()}) {
        if (c.isAfter(t) && c.isBefore(best)) best = c;
      }
    }
    if (end.isAfter(t) && end.isBefore(best)) best = end;
    return best;
  }
}
