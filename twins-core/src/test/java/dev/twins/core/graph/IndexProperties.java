package dev.twins.core.graph;

import static dev.twins.core.graph.IndexModels.FLOOR;
import static dev.twins.core.graph.IndexModels.MEETING_ROOM;
import static dev.twins.core.graph.IndexModels.ROOM;
import static dev.twins.core.graph.IndexModels.SPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.model.Dtmi;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * After any sequence of creates, replacements, patches (of properties, component properties and
 * the model) and deletes, every index
 * (declared up front or built by a lookup in the middle) answers exactly what a full scan of the
 * twins answers, in the same order.
 */
class IndexProperties {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The indexes under test: model, property, and the pool of values looked up. */
  private record Target(String model, String property, List<Object> pool) {}

  private static final List<Object> NUMBERS = List.of(20, 20.0, 20.5, 21, 21L, -3, 1e6, 0, -0.0,
      new BigDecimal("20.50"), 19.999);
  private static final List<Object> NAMES = List.of("a", "B", "b", "ab", "é", "", "a b");
  private static final List<Object> TIMES = List.of("2024-05-01T09:00:00Z", "2024-05-01T11:00:00+02:00",
      "2024-05-01T09:00:00.5Z", "2024-05-01T06:00:00-04:00", "2023-12-31T23:59:59.999z");
  private static final List<Object> BOOLEANS = List.of(true, false);
  private static final List<Object> LEVELS = List.of(-1, 0, 1, 2, 10);

  private static final List<Target> TARGETS = List.of(
      new Target(ROOM, "temperature", NUMBERS),
      new Target(MEETING_ROOM, "temperature", NUMBERS),
      new Target(SPACE, "name", NAMES),
      new Target(ROOM, "occupied", BOOLEANS),
      new Target(ROOM, "lastSeen", TIMES),
      new Target(ROOM, "thermostat/setPoint", NUMBERS),
      new Target(FLOOR, "level", LEVELS));

  /** One step of a random history. */
  sealed interface Action permits Put, Patch, Retype, Delete, Lookup {}

  /** Creates or replaces a twin; null values are left out. */
  record Put(String id, String model, Object temperature, Object name, Object occupied, Object lastSeen,
      Object setPoint, Object level) implements Action {}

  /** Sets or removes one property of a twin if it exists and has it. */
  record Patch(String id, String property, Object value) implements Action {}

  /** Changes a room's model to a meeting room or back, by a patch of {@code /$metadata/$model}. */
  record Retype(String id, boolean meeting) implements Action {}

  /** Deletes a twin if it exists. */
  record Delete(String id) implements Action {}

  /** Looks an index up in the middle of the history (building it if undeclared) and checks it. */
  record Lookup(int target) implements Action {}

  private static <T> Arbitrary<T> orNull(List<T> values) {
    return Arbitraries.of(values).injectNull(0.25);
  }

  @Provide
  Arbitrary<List<Action>> histories() {
    Arbitrary<String> ids = Arbitraries.of("t0", "t1", "t2", "t3", "t4", "t5");
    Arbitrary<Action> put = Combinators.combine(ids, Arbitraries.of(ROOM, MEETING_ROOM, FLOOR),
        orNull(NUMBERS), orNull(NAMES), orNull(BOOLEANS), orNull(TIMES), orNull(NUMBERS), orNull(LEVELS))
        .as((id, m, t, n, o, l, s, lv) -> new Put(id, m, t, n, o, l, s, lv));
    Arbitrary<Action> patch = Combinators.combine(ids, Arbitraries.of("temperature", "name", "occupied", "lastSeen",
        "thermostat/setPoint"), Arbitraries.integers().between(0, 20))
        .as((id, p, i) -> new Patch(id, p, pick(p, i)));
    Arbitrary<Action> retype = Combinators.combine(ids, Arbitraries.of(true, false)).as(Retype::new);
    Arbitrary<Action> delete = ids.map(Delete::new);
    Arbitrary<Action> lookup = Arbitraries.integers().between(0, TARGETS.size() - 1).map(Lookup::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, put), net.jqwik.api.Tuple.of(5, patch), net.jqwik.api.Tuple.of(1, retype),
        net.jqwik.api.Tuple.of(2, delete),
        net.jqwik.api.Tuple.of(1, lookup)).list().ofMaxSize(40);
  }

  /** A value for a patch: one of the property's pool, or null (remove) one time in seven. */
  private static Object pick(String property, int i) {
    if (i % 7 == 6) return null;
    List<Object> pool = property.equals("name") ? NAMES : property.equals("occupied") ? BOOLEANS
        : property.equals("lastSeen") ? TIMES : NUMBERS;
    return pool.get(i % pool.size());
  }

  @Property(tries = 200)
  void indexesAgreeWithAFullScan(@ForAll("histories") List<Action> history,
      @ForAll @Size(value = 7) List<Boolean> declaredUpFront) {
    Twins g = Twins.create(IndexModels.models());
    for (int i = 0; i < TARGETS.size(); i++) {
      if (declaredUpFront.get(i)) g.indexes().declare(TARGETS.get(i).model(), TARGETS.get(i).property());
    }
    for (Action a : history) {
      apply(g, a);
      if (a instanceof Lookup) check(g, TARGETS.get(((Lookup) a).target()));
    }
    for (Target t : TARGETS) check(g, t);
    for (Indexes.Info info : g.indexes().list()) {
      assertThat(info.twins()).as("twin count of %s", info).isEqualTo(scan(g, target(info)).size());
    }
  }

  private static Target target(Indexes.Info info) {
    for (Target t : TARGETS) if (t.model().equals(info.model()) && t.property().equals(info.property())) return t;
    throw new AssertionError(info);
  }

  private static void apply(Twins g, Action a) {
    if (a instanceof Put) {
      Put p = (Put) a;
      ObjectNode o = JSON.objectNode();
      o.putObject("$metadata").put("$model", p.model());
      put(o, "name", p.name());
      if (p.model().equals(FLOOR)) {
        put(o, "level", p.level());
      } else {
        put(o, "temperature", p.temperature());
        put(o, "occupied", p.occupied());
        put(o, "lastSeen", p.lastSeen());
        ObjectNode th = o.putObject("thermostat");
        th.putObject("$metadata");
        put(th, "setPoint", p.setPoint());
      }
      g.putTwin(p.id(), o, Condition.none());
    } else if (a instanceof Patch) {
      Patch p = (Patch) a;
      Optional<Twin> t = g.twin(p.id());
      if (t.isEmpty() || t.get().model().value().equals(FLOOR) && !p.property().equals("name")) return;
      if (p.value() == null && t.get().property(p.property()).isEmpty()) return;
      g.patch(p.id(), patch(p.property(), p.value()));
    } else if (a instanceof Retype) {
      Retype r = (Retype) a;
      Optional<Twin> t = g.twin(r.id());
      if (t.isEmpty() || t.get().model().value().equals(FLOOR)) return;
      g.patch(r.id(), JsonPatch.builder().replace("/$metadata/$model", r.meeting() ? MEETING_ROOM : ROOM).build());
    } else if (a instanceof Delete) {
      if (g.twin(((Delete) a).id()).isPresent()) g.delete(((Delete) a).id());
    }
  }

  private static void put(ObjectNode o, String name, Object v) {
    if (v == null) return;
    if (v instanceof String) o.put(name, (String) v);
    else if (v instanceof Boolean) o.put(name, (Boolean) v);
    else if (v instanceof Integer) o.put(name, (Integer) v);
    else if (v instanceof Long) o.put(name, (Long) v);
    else if (v instanceof Double) o.put(name, (Double) v);
    else if (v instanceof BigDecimal) o.put(name, (BigDecimal) v);
    else throw new AssertionError(v);
  }

  // ------------------------------------------------------------------------------------ the reference

  /** A twin in the reference answer: its value's reference key and its id. */
  private record Hit(Object key, String id) {}

  /** The reference key of a value, with plain JDK comparisons: BigDecimal, Instant, String, Boolean. */
  private static Object ref(Target t, Object v) {
    if (v instanceof JsonNode) {
      JsonNode n = (JsonNode) v;
      if (n.isNumber()) return new BigDecimal(n.asString());
      if (n.isBoolean()) return n.booleanValue();
      v = n.asString();
    }
    if (v instanceof Number) return new BigDecimal(v.toString());
    if (v instanceof Boolean) return v;
    if (t.property().equals("lastSeen")) return OffsetDateTime.parse((String) v).toInstant();
    return v;
  }

  @SuppressWarnings("unchecked")
  private static int cmp(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }

  /** The twins of the target's model (subtypes included) with the property, sorted by value then id. */
  private static List<Hit> scan(Twins g, Target t) {
    List<Hit> out = new ArrayList<>();
    for (Twin twin : g.twins()) {
      if (!g.models().isOfModel(twin.model(), Dtmi.of(t.model()))) continue;
      Optional<JsonNode> v = twin.property(t.property());
      if (v.isPresent()) out.add(new Hit(ref(t, v.get()), twin.id()));
    }
    out.sort((a, b) -> {
      int c = cmp(a.key(), b.key());
      return c != 0 ? c : a.id().compareTo(b.id());
    });
    return out;
  }

  private static void check(Twins g, Target t) {
    List<Hit> all = scan(g, t);
    Indexes ix = g.indexes();
    assertThat(ix.ids(t.model(), t.property(), ValueRange.any())).as("%s any", t.property())
        .isEqualTo(ids(all, e -> true));
    for (Object v : t.pool()) {
      Object k = ref(t, v);
      assertThat(ix.equal(t.model(), t.property(), v)).as("%s = %s", t.property(), v)
          .isEqualTo(ids(all, e -> cmp(e.key(), k) == 0));
    }
    for (Object lo : t.pool()) {
      for (Object hi : t.pool()) {
        Object l = ref(t, lo);
        Object h = ref(t, hi);
        for (int flags = 0; flags < 4; flags++) {
          boolean li = (flags & 1) != 0;
          boolean hiIn = (flags & 2) != 0;
          List<String> expected = ids(all, e -> {
            int a = cmp(e.key(), l);
            int b = cmp(e.key(), h);
            return (a > 0 || a == 0 && li) && (b < 0 || b == 0 && hiIn);
          });
          assertThat(ix.range(t.model(), t.property(), lo, li, hi, hiIn))
              .as("%s in %s", t.property(), ValueRange.between(lo, li, hi, hiIn)).isEqualTo(expected);
        }
      }
    }
    Object pivot = t.pool().get(0);
    Object p = ref(t, pivot);
    assertThat(ix.twins(t.model(), t.property(), ValueRange.atLeast(pivot))).extracting(Twin::id)
        .isEqualTo(ids(all, e -> cmp(e.key(), p) >= 0));
    assertThat(ix.ids(t.model(), t.property(), ValueRange.lessThan(pivot)))
        .isEqualTo(ids(all, e -> cmp(e.key(), p) < 0));
  }

  private static List<String> ids(List<Hit> all, java.util.function.Predicate<Hit> keep) {
    List<String> out = new ArrayList<>();
    for (Hit h : all) if (keep.test(h)) out.add(h.id());
    return out;
  }

  /** An {@code add} of the value, or a {@code remove} when it is null. */
  private static JsonPatch patch(String property, Object value) {
    ObjectNode holder = JSON.objectNode();
    if (value != null) put(holder, "v", value);
    return JsonPatch.of(new JsonPatch.Operation(value == null ? JsonPatch.Op.REMOVE : JsonPatch.Op.ADD,
        "/" + property, Optional.ofNullable(holder.get("v"))));
  }
}
