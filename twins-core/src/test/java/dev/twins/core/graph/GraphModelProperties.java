package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.BUILDING;
import static dev.twins.core.graph.DemoModels.FLOOR;
import static dev.twins.core.graph.DemoModels.ROOM;
import static dev.twins.core.graph.DemoModels.SENSOR;
import static dev.twins.core.graph.DemoModels.SPACE;
import static dev.twins.core.graph.DemoModels.THERMOSTAT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.GraphException.Code;
import dev.twins.core.graph.ReferenceGraph.Cond;
import dev.twins.core.graph.ReferenceGraph.CondKind;
import dev.twins.core.graph.ReferenceGraph.Kind;
import dev.twins.core.graph.ReferenceGraph.Rel;
import dev.twins.core.graph.ReferenceGraph.TwinState;
import dev.twins.core.model.Models;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random sequences of writes (valid and invalid creates, patches, replaces with fresh and stale
 * ETags, relationships, deletes) run against {@link Twins} and against {@link ReferenceGraph}, a
 * model of the rules written with plain maps. After each write the outcome (success, or the
 * {@link GraphException.Code}) must be one the reference allows, and the twins the write touched
 * must agree; at the end the whole graph must agree (twins, properties, metadata keys, source
 * times, versions, relationships both ways, counts, the model index), every ETag handed out must
 * be new, and the change events seen by a synchronous subscriber must number the writes
 * 1..N without gaps and, replayed onto an empty graph, rebuild the same state.
 */
class GraphModelProperties {
  private static final Models MODELS = DemoModels.models();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Ids with a slash, so that {@code t0} + {@code x/r0} and {@code t0/x} + {@code r0} can meet. */
  private static final List<String> TWIN_IDS = List.of("t0", "t1", "t2", "t3", "t4", "t5", "t0/x");
  private static final List<String> REL_IDS = List.of("r0", "r1", "r2", "x/r0");
  private static final List<String> ALL_MODELS = List.of(SPACE, BUILDING, FLOOR, ROOM, SENSOR, THERMOSTAT);
  /** Every property name the generators use, with its schema (each name has one schema in the demo models). */
  private static final Map<String, Kind> NAMES = new TreeMap<>(Map.of("name", Kind.STRING, "level", Kind.INTEGER,
      "temperature", Kind.DOUBLE, "area", Kind.DOUBLE, "tags", Kind.STRING_MAP, "address", Kind.ADDRESS,
      "value", Kind.DOUBLE, "setPoint", Kind.DOUBLE, "colour", Kind.STRING, "reading", Kind.DOUBLE));

  // ------------------------------------------------------------------------------------ the property

  @Property(tries = 300)
  void theGraphBehavesLikeTheReference(@ForAll("scenarios") Scenario scenario) {
    Twins g = scenario.options().build(MODELS);
    Run run = new Run(g, new ReferenceGraph(scenario.options()));
    List<ChangeEvent> events = new ArrayList<>();
    Subscription sub = g.subscribe(ChangeFilters.all(), events::add);

    for (Action a : scenario.actions()) {
      run.trace.add(a.toString());
      a.run(run);
    }

    run.checkWholeGraph();
    assertThat(sub.failures()).as("subscriber failures").isZero();
    assertThat(events).extracting(ChangeEvent::sequence).as("event sequence numbers")
        .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().collect(Collectors.toList()));
    assertThat(events).as("one event per successful write").hasSize(run.expectedEvents);
    assertThat(g.version()).isEqualTo(events.size());
    Replay replay = new Replay();
    for (ChangeEvent e : events) e.accept(replay);
    replay.assertSameAs(run.ref);

    // the events, applied to a fresh graph, give the same graph: ETags, versions, times, metadata
    Twins replayed = scenario.options().build(MODELS);
    List<ChangeEvent> redelivered = new ArrayList<>();
    replayed.subscribe(ChangeFilters.all(), redelivered::add);
    for (ChangeEvent e : events) replayed.apply(e);
    assertSameGraph(replayed, g);
    assertThat(redelivered).as("replayed events are delivered as recorded").containsExactlyElementsOf(events);

    // a snapshot taken half way, restored, and the events after it: the same graph again
    int half = events.size() / 2;
    Twins first = scenario.options().build(MODELS);
    for (ChangeEvent e : events.subList(0, half)) first.apply(e);
    GraphSnapshot snap = first.snapshot();
    assertThat(snap.sequence()).isEqualTo(half);
    Twins restored = scenario.options().builder(MODELS).restore(snap);
    assertSameGraph(restored, first);
    for (ChangeEvent e : events.subList(half, events.size())) restored.apply(e);
    assertSameGraph(restored, g);
    assertSameGraph(scenario.options().builder(MODELS).restore(g.snapshot()), g);
  }

  /** Asserts two graphs hold equal twins (ETags, versions, times, metadata) and relationships, and the same version. */
  static void assertSameGraph(Twins actual, Twins expected) {
    Map<String, Twin> a = new TreeMap<>();
    for (Twin t : actual.twins()) a.put(t.id(), t);
    Map<String, Twin> e = new TreeMap<>();
    for (Twin t : expected.twins()) e.put(t.id(), t);
    assertThat(a).as("twins").isEqualTo(e);
    for (String id : e.keySet()) {
      assertThat(actual.twin(id).orElseThrow().toJson()).as("JSON of " + id).isEqualTo(e.get(id).toJson());
      assertThat(actual.outgoing(id)).as("outgoing of " + id).containsExactlyElementsOf(expected.outgoing(id));
      assertThat(actual.incoming(id)).as("incoming of " + id).containsExactlyElementsOf(expected.incoming(id));
    }
    for (String m : ALL_MODELS) {
      assertThat(actual.twinsOfModel(m)).as("twins of " + m).containsExactlyInAnyOrderElementsOf(expected.twinsOfModel(m));
    }
    assertThat(actual.relationCount()).isEqualTo(expected.relationCount());
    assertThat(actual.version()).as("last sequence").isEqualTo(expected.version());
  }

  // ------------------------------------------------------------------------------------ actions

  /** A scenario: graph options and a sequence of writes. */
  record Scenario(ReferenceGraph.Options options, List<Action> actions) {}

  /** How an action's condition is chosen when it runs (ETags are known only then). */
  enum CondSpec { NONE, CURRENT, STALE, ANY, NONE_MATCH }

  /** One write. */
  interface Action {
    void run(Run run);
  }

  record Create(String id, String model, Map<String, JsonNode> props) implements Action {
    @Override
    public void run(Run run) {
      ObjectNode doc = document(props);
      Cond cond = new Cond(CondKind.IF_NONE_MATCH_ANY, null);
      Set<Code> expected = run.ref.checkPut(id, model, doc, cond, false);
      Outcome<Twin> o = Outcome.of(() -> run.g.createTwin(id, model, props));
      run.expect("create", expected, o);
      if (o.ok()) {
        run.etag(o.value().etag());
        run.ref.put(id, model, doc, o.value().etag());
      }
      run.checkTwin(id);
    }
  }

  record Put(String id, String model, Map<String, JsonNode> props, CondSpec spec, boolean withMetadata)
      implements Action {
    @Override
    public void run(Run run) {
      ObjectNode doc = document(props);
      ObjectNode json = NODES.objectNode();
      if (withMetadata) json.putObject("$metadata").put("$model", model);
      for (Map.Entry<String, JsonNode> e : props.entrySet()) {
        if (e.getKey().equals("thermostat") && e.getValue().isObject()) {
          ObjectNode c = json.putObject(e.getKey());
          c.putObject("$metadata");
          c.setAll((ObjectNode) e.getValue().deepCopy());
        } else {
          json.set(e.getKey(), e.getValue().deepCopy());
        }
      }
      Cond cond = run.resolve(spec, run.ref.etagOf(id));
      Set<Code> expected;
      if (withMetadata) {
        expected = run.ref.checkPut(id, model, doc, cond, true);
      } else {
        expected = java.util.EnumSet.of(Code.INVALID_DOCUMENT);
        if (!ReferenceGraph.validId(id)) expected.add(Code.INVALID_ID);
      }
      Outcome<Twin> o = Outcome.of(() -> run.g.putTwin(id, json, cond.toCondition()));
      run.expect("put " + cond, expected, o);
      if (o.ok()) {
        run.etag(o.value().etag());
        run.ref.put(id, model, doc, o.value().etag());
      }
      run.checkTwin(id);
    }
  }

  record Patch(String id, JsonPatch patch, CondSpec spec) implements Action {
    @Override
    public void run(Run run) {
      Cond cond = run.resolve(spec, run.ref.etagOf(id));
      ReferenceGraph.PatchResult expected = run.ref.checkPatch(id, patch, cond);
      Outcome<Twin> o = Outcome.of(() -> run.g.patch(id, patch, cond.toCondition()));
      run.expect("patch " + cond, expected.codes(), o);
      if (o.ok()) {
        run.etag(o.value().etag());
        run.ref.patch(id, expected, o.value().etag());
      }
      run.checkTwin(id);
    }
  }

  record Delete(String id, CondSpec spec) implements Action {
    @Override
    public void run(Run run) {
      Cond cond = run.resolve(spec, run.ref.etagOf(id));
      Set<Code> expected = run.ref.checkDelete(id, cond);
      List<Rel> gone = new ArrayList<>(run.ref.outgoing(id));
      for (Rel r : run.ref.incoming(id)) if (!r.source().equals(id)) gone.add(r);
      Outcome<Void> o = Outcome.of(() -> {
        run.g.delete(id, cond.toCondition());
        return null;
      });
      run.expect("delete " + cond, expected, o);
      if (o.ok()) {
        run.expectedEvents += gone.size() + 1;
        run.ref.delete(id);
      }
      run.checkTwin(id);
      for (Rel r : gone) run.checkRelations(r.source(), r.target());
    }
  }

  record Relate(String source, String relId, String name, String target, ObjectNode props, CondSpec spec,
      boolean viaRelate) implements Action {
    @Override
    public void run(Run run) {
      Cond cond = viaRelate ? new Cond(CondKind.IF_NONE_MATCH_ANY, null)
          : run.resolve(spec, run.ref.relationEtag(source, relId));
      Set<Code> expected = run.ref.checkRelate(source, relId, name, target, props, cond);
      Optional<Rel> before = run.ref.out.getOrDefault(source, Map.of()).values().stream()
          .filter(r -> r.id().equals(relId)).findFirst();
      Outcome<Relation> o = Outcome.of(() -> {
        if (viaRelate) return run.g.relate(source, relId, name, target);
        ObjectNode json = props.deepCopy();
        json.put("$targetId", target);
        json.put("$relationshipName", name);
        return run.g.putRelation(source, relId, json, cond.toCondition());
      });
      run.expect((viaRelate ? "relate " : "putRelation ") + cond, expected, o);
      if (o.ok()) {
        run.etag(o.value().etag());
        run.ref.relate(source, relId, name, target, props, o.value().etag());
      }
      run.checkRelations(source, target);
      before.ifPresent(r -> run.checkRelations(source, r.target()));
    }
  }

  record PatchRelation(String source, String relId, JsonPatch patch, CondSpec spec) implements Action {
    @Override
    public void run(Run run) {
      Cond cond = run.resolve(spec, run.ref.relationEtag(source, relId));
      ReferenceGraph.RelPatchResult expected = run.ref.checkPatchRelation(source, relId, patch, cond);
      Outcome<Relation> o = Outcome.of(() -> run.g.patchRelation(source, relId, patch, cond.toCondition()));
      run.expect("patchRelation " + cond, expected.codes(), o);
      if (o.ok()) {
        run.etag(o.value().etag());
        Rel old = run.ref.out.get(source).get(relId);
        run.ref.relate(source, relId, old.name(), old.target(), expected.props(), o.value().etag());
      }
      run.checkRelations(source, null);
    }
  }

  record DeleteRelation(String source, String relId, CondSpec spec) implements Action {
    @Override
    public void run(Run run) {
      Cond cond = run.resolve(spec, run.ref.relationEtag(source, relId));
      Set<Code> expected = run.ref.checkDeleteRelation(source, relId, cond);
      Optional<String> target = Optional.ofNullable(run.ref.out.getOrDefault(source, Map.of()).get(relId))
          .map(Rel::target);
      Outcome<Void> o = Outcome.of(() -> {
        run.g.deleteRelation(source, relId, cond.toCondition());
        return null;
      });
      run.expect("deleteRelation " + cond, expected, o);
      if (o.ok()) {
        run.expectedEvents++;
        run.ref.deleteRelation(source, relId);
      }
      run.checkRelations(source, target.orElse(null));
    }
  }

  static ObjectNode document(Map<String, JsonNode> props) {
    ObjectNode doc = NODES.objectNode();
    props.forEach((k, v) -> doc.set(k, v.deepCopy()));
    return doc;
  }

  /** The result of calling Twins: a value, or the code of the GraphException. */
  record Outcome<T>(T value, Code code) {
    static <T> Outcome<T> of(java.util.function.Supplier<T> call) {
      try {
        return new Outcome<>(call.get(), null);
      } catch (GraphException e) {
        return new Outcome<>(null, e.code());
      }
    }

    boolean ok() {
      return code == null;
    }
  }

  // ------------------------------------------------------------------------------------ one run

  /** The graph under test, the reference, and what was seen so far. */
  static final class Run {
    final Twins g;
    final ReferenceGraph ref;
    final List<String> trace = new ArrayList<>();
    final Set<String> etags = new HashSet<>();
    final List<String> etagHistory = new ArrayList<>();
    int expectedEvents;

    Run(Twins g, ReferenceGraph ref) {
      this.g = g;
      this.ref = ref;
    }

    Cond resolve(CondSpec spec, Optional<String> current) {
      switch (spec) {
        case CURRENT:
          return new Cond(CondKind.IF_MATCH, current.orElseGet(this::stale));
        case STALE: {
          for (int i = etagHistory.size() - 1; i >= 0; i--) {
            if (!current.equals(Optional.of(etagHistory.get(i)))) return new Cond(CondKind.IF_MATCH, etagHistory.get(i));
          }
          return new Cond(CondKind.IF_MATCH, stale());
        }
        case ANY:
          return new Cond(CondKind.IF_MATCH_ANY, null);
        case NONE_MATCH:
          return new Cond(CondKind.IF_NONE_MATCH_ANY, null);
        default:
          return new Cond(CondKind.NONE, null);
      }
    }

    private String stale() {
      return etagHistory.isEmpty() ? "W/\"never-issued\"" : etagHistory.get(0);
    }

    void etag(String etag) {
      assertThat(etags.add(etag)).as("ETag %s is new; trace:%n%s", etag, trace()).isTrue();
      etagHistory.add(etag);
      expectedEvents++;
    }

    void expect(String what, Set<Code> allowed, Outcome<?> o) {
      Statistics.label("outcome").collect(what.split(" ")[0], allowed.isEmpty() ? "ok" : "rejected");
      int last = trace.size() - 1;
      trace.set(last, trace.get(last) + " -> " + (o.ok() ? "ok" : o.code()) + (allowed.isEmpty() ? "" : ", reference: "
          + allowed) + (what.contains(" ") ? " (" + what.substring(what.indexOf(' ') + 1) + ")" : ""));
      if (allowed.isEmpty()) {
        assertThat(o.code()).as("%s must succeed; trace:%n%s", what, trace()).isNull();
      } else {
        assertThat(o.code()).as("%s must fail with one of %s; trace:%n%s", what, allowed, trace())
            .isNotNull().isIn(allowed);
      }
    }

    String trace() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < trace.size(); i++) sb.append("  ").append(i).append(": ").append(trace.get(i)).append('\n');
      return sb.toString();
    }

    void checkTwin(String id) {
      TwinState want = ref.twins.get(id);
      Optional<Twin> got = g.twin(id);
      if (want == null) {
        assertThat(got).as("twin %s must not exist; trace:%n%s", id, trace()).isEmpty();
        return;
      }
      assertThat(got).as("twin %s must exist; trace:%n%s", id, trace()).isPresent();
      Twin t = got.get();
      String why = "twin " + id + "; trace:\n" + trace();
      assertThat(t.id()).as(why).isEqualTo(id);
      assertThat(t.model().value()).as("model of " + why).isEqualTo(want.model);
      assertThat(t.document()).as("document of " + why).isEqualTo(want.doc);
      assertThat(t.etag()).as("ETag of " + why).isEqualTo(want.etag);
      assertThat(t.version()).as("version (writes since created) of " + why).isEqualTo(want.version);
      assertThat(new TreeSet<>(t.metadata().keySet())).as("metadata keys of " + why)
          .isEqualTo(ReferenceGraph.propertyKeys(want.model, want.doc));
      assertThat(sourceTimes(t)).as("source times of " + why).isEqualTo(want.sourceTimes);
    }

    /** Checks the relationships of a source twin and of a target twin (either may be null). */
    void checkRelations(String source, String target) {
      for (String id : new String[] {source, target}) {
        if (id == null || !ref.twins.containsKey(id)) continue;
        String why = "relationships of " + id + "; trace:\n" + trace();
        assertThat(g.outgoing(id)).extracting(GraphModelProperties::rel).as("outgoing " + why)
            .containsExactlyElementsOf(ref.outgoing(id));
        assertThat(g.incoming(id)).extracting(GraphModelProperties::rel).as("incoming " + why)
            .containsExactlyElementsOf(ref.incoming(id));
      }
      assertThat(g.relationCount()).as("relationship count; trace:%n%s", trace()).isEqualTo(ref.relationCount());
    }

    void checkWholeGraph() {
      assertThat(g.twinCount()).as("twin count").isEqualTo(ref.twins.size());
      assertThat(g.twins()).extracting(Twin::id).containsExactlyInAnyOrderElementsOf(ref.twins.keySet());
      for (String id : TWIN_IDS) checkTwin(id);
      for (String id : ref.twins.keySet()) {
        checkTwin(id);
        checkRelations(id, null);
        for (Rel r : ref.outgoing(id)) {
          assertThat(g.relation(id, r.id()).map(GraphModelProperties::rel)).contains(r);
        }
        for (String name : List.of("contains", "hasSensor")) {
          assertThat(g.outgoing(id, name)).extracting(GraphModelProperties::rel)
              .containsExactlyElementsOf(ref.outgoing(id).stream().filter(r -> r.name().equals(name)).toList());
          assertThat(g.incoming(id, name)).extracting(GraphModelProperties::rel)
              .containsExactlyElementsOf(ref.incoming(id).stream().filter(r -> r.name().equals(name)).toList());
        }
      }
      assertThat(g.relationCount()).as("relationship count").isEqualTo(ref.relationCount());
      // every twin's JSON in the format of ADT reads back to the same twin
      Twins copy = Twins.create(MODELS);
      for (Twin t : g.twins()) {
        Twin back = copy.createTwin(t.toJson());
        assertThat(back.id()).isEqualTo(t.id());
        assertThat(back.model()).isEqualTo(t.model());
        assertThat(back.document()).as("%s read back from %s", t.id(), t.toJson()).isEqualTo(t.document());
        assertThat(sourceTimes(back)).as("%s read back from %s", t.id(), t.toJson()).isEqualTo(sourceTimes(t));
      }
      assertThat(g.asGraph().vertexSet()).as("graph view vertices").isEqualTo(ref.twins.keySet());
      assertThat(g.asGraph().edgeSet()).extracting(GraphModelProperties::rel).as("graph view edges")
          .containsExactlyInAnyOrderElementsOf(ref.out.values().stream().flatMap(m -> m.values().stream()).toList());
      for (String model : ALL_MODELS) {
        Set<String> scan = g.twins().stream().filter(t -> MODELS.isOfModel(t.model(), dev.twins.core.model.Dtmi.of(model)))
            .map(Twin::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> want = ref.twins.entrySet().stream().filter(e -> ReferenceGraph.isA(e.getValue().model, model))
            .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(scan).as("scan for %s", model).isEqualTo(want);
        assertThat(g.twinsOfModel(model)).extracting(Twin::id).as("twinsOfModel(%s)", model)
            .containsExactlyInAnyOrderElementsOf(want);
      }
    }
  }

  static Map<String, Instant> sourceTimes(Twin t) {
    Map<String, Instant> sourceTimes = new TreeMap<>();
    t.metadata().forEach((k, m) -> m.sourceTime().ifPresent(st -> sourceTimes.put(k, st)));
    return sourceTimes;
  }

  static Rel rel(Relation r) {
    return new Rel(r.sourceId(), r.id(), r.name(), r.targetId(), r.properties(), r.etag());
  }

  // ------------------------------------------------------------------------------------ replay

  /** Rebuilds the graph from change events alone, applying each update's patch. */
  static final class Replay implements ChangeEvent.Visitor<Void> {
    final Map<String, String> models = new TreeMap<>();
    final Map<String, ObjectNode> docs = new TreeMap<>();
    final Map<String, Map<String, Rel>> out = new TreeMap<>();

    @Override
    public Void twinCreated(ChangeEvent.TwinCreated e) {
      assertThat(docs).as("created twice: %s", e).doesNotContainKey(e.twinId());
      models.put(e.twinId(), e.twin().model().value());
      docs.put(e.twinId(), e.twin().document());
      return null;
    }

    @Override
    public Void twinUpdated(ChangeEvent.TwinUpdated e) {
      assertThat(docs).as("updated before created: %s", e).containsKey(e.twinId());
      ObjectNode doc = docs.get(e.twinId()).deepCopy();
      for (JsonPatch.Operation op : e.patch().operations()) {
        if (ReferenceGraph.isSystemPath(op.path())) continue;
        assertThat(ReferenceGraph.apply(doc, op)).as("event %s: %s applies", e.sequence(), op).isTrue();
      }
      assertThat(doc).as("event %s: its patch gives the twin it carries", e.sequence()).isEqualTo(e.twin().document());
      assertThat(e.modelId()).isEqualTo(e.twin().model());
      docs.put(e.twinId(), doc);
      models.put(e.twinId(), e.modelId().value());
      return null;
    }

    @Override
    public Void twinDeleted(ChangeEvent.TwinDeleted e) {
      assertThat(docs).as("deleted before created: %s", e).containsKey(e.twinId());
      assertThat(out.getOrDefault(e.twinId(), Map.of())).as("deleted with outgoing relationships").isEmpty();
      for (Map<String, Rel> m : out.values()) {
        assertThat(m.values()).as("deleted with incoming relationships")
            .noneMatch(r -> r.target().equals(e.twinId()));
      }
      docs.remove(e.twinId());
      models.remove(e.twinId());
      out.remove(e.twinId());
      return null;
    }

    @Override
    public Void relationCreated(ChangeEvent.RelationCreated e) {
      Relation r = e.relation();
      assertThat(out.getOrDefault(r.sourceId(), Map.of())).doesNotContainKey(r.id());
      assertThat(docs).as("relationship between existing twins").containsKeys(r.sourceId(), r.targetId());
      out.computeIfAbsent(r.sourceId(), k -> new TreeMap<>()).put(r.id(), rel(r));
      return null;
    }

    @Override
    public Void relationUpdated(ChangeEvent.RelationUpdated e) {
      Relation r = e.relation();
      Rel old = out.getOrDefault(r.sourceId(), Map.of()).get(r.id());
      assertThat(old).as("updated before created: %s", e).isNotNull();
      assertThat(docs).containsKey(r.targetId());
      ObjectNode props = old.props().deepCopy();
      for (JsonPatch.Operation op : e.patch().operations()) {
        assertThat(ReferenceGraph.apply(props, op)).as("event %s: %s applies", e.sequence(), op).isTrue();
      }
      assertThat(props).as("event %s: its patch gives the relationship it carries", e.sequence())
          .isEqualTo(r.properties());
      out.get(r.sourceId()).put(r.id(), rel(r));
      return null;
    }

    @Override
    public Void relationDeleted(ChangeEvent.RelationDeleted e) {
      Relation r = e.relation();
      assertThat(out.getOrDefault(r.sourceId(), Map.of())).containsKey(r.id());
      out.get(r.sourceId()).remove(r.id());
      return null;
    }

    void assertSameAs(ReferenceGraph ref) {
      assertThat(docs.keySet()).as("replayed twins").isEqualTo(ref.twins.keySet());
      for (Map.Entry<String, TwinState> e : ref.twins.entrySet()) {
        assertThat(models.get(e.getKey())).as("replayed model of %s", e.getKey()).isEqualTo(e.getValue().model);
        assertThat(docs.get(e.getKey())).as("replayed document of %s", e.getKey()).isEqualTo(e.getValue().doc);
      }
      List<Rel> replayed = new ArrayList<>();
      out.values().forEach(m -> replayed.addAll(m.values()));
      List<Rel> want = new ArrayList<>();
      ref.out.values().forEach(m -> want.addAll(m.values()));
      assertThat(replayed).as("replayed relationships").containsExactlyElementsOf(want);
    }
  }

  // ------------------------------------------------------------------------------------ generators

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Boolean> flag = Arbitraries.frequency(Tuple.of(7, false), Tuple.of(3, true));
    Arbitrary<ReferenceGraph.Options> options = Combinators.combine(flag, flag, flag, flag)
        .as(ReferenceGraph.Options::new);
    Arbitrary<List<Action>> actions = Arbitraries.longs().map(Step::new).map(s -> (Action) s).list()
        .ofMinSize(10).ofMaxSize(80).withSizeDistribution(RandomDistribution.uniform());
    return Combinators.combine(options, actions).as(Scenario::new);
  }

  /**
   * A write chosen when it runs, from its seed and the reference state: mostly about twins and
   * relationships that exist and properties their models declare, so that most writes get far
   * enough to meet the interesting rules. The trace shows the write chosen.
   */
  record Step(long seed) implements Action {
    @Override
    public void run(Run run) {
      Action a = new Gen(new Random(seed), run.ref).action();
      run.trace.set(run.trace.size() - 1, a.toString());
      a.run(run);
    }
  }

  /** Chooses writes, biased towards what exists. */
  static final class Gen {
    final Random r;
    final ReferenceGraph ref;

    Gen(Random r, ReferenceGraph ref) {
      this.r = r;
      this.ref = ref;
    }

    Action action() {
      int k = ref.twins.size() < 3 && r.nextBoolean() ? 0 : r.nextInt(100);
      if (k < 16) {
        String model = model();
        return new Create(r.nextInt(4) == 0 ? createId() : freshTwinId(), model, props(model));
      }
      if (k < 24) {
        String model = r.nextInt(3) == 0 ? model() : modelOf(existingTwinId());
        return new Put(createId(), model, props(model), pick(CondSpec.NONE, CondSpec.NONE, CondSpec.CURRENT,
            CondSpec.CURRENT, CondSpec.STALE, CondSpec.NONE_MATCH, CondSpec.ANY), r.nextInt(20) != 0);
      }
      if (k < 52) {
        String id = existingTwinId();
        List<JsonPatch.Operation> ops = new ArrayList<>();
        int n = r.nextInt(10) < 6 ? 1 : r.nextInt(3) == 0 ? 3 : 2;
        for (int i = 0; i < n; i++) ops.add(patchOp(id));
        return new Patch(id, JsonPatch.of(ops), pick(CondSpec.NONE, CondSpec.NONE, CondSpec.NONE,
            CondSpec.CURRENT, CondSpec.CURRENT, CondSpec.STALE, CondSpec.ANY));
      }
      if (k < 74 || (k < 90 && ref.relationCount() == 0 && r.nextInt(4) != 0)) return relate();
      if (k < 82) {
        String[] rel = existingRelation(r.nextInt(4) != 0 ? "hasSensor" : null);
        List<JsonPatch.Operation> ops = new ArrayList<>();
        int n = r.nextInt(3) == 0 ? 2 : 1;
        Rel existing = ref.out.getOrDefault(rel[0], Map.of()).get(rel[1]);
        for (int i = 0; i < n; i++) ops.add(relationPatchOp(existing));
        return new PatchRelation(rel[0], rel[1], JsonPatch.of(ops), pick(CondSpec.NONE, CondSpec.NONE,
            CondSpec.NONE, CondSpec.CURRENT, CondSpec.STALE));
      }
      if (k < 90) {
        String[] rel = existingRelation(null);
        return new DeleteRelation(rel[0], rel[1], pick(CondSpec.NONE, CondSpec.NONE, CondSpec.NONE,
            CondSpec.CURRENT, CondSpec.STALE));
      }
      return new Delete(existingTwinId(), pick(CondSpec.NONE, CondSpec.NONE, CondSpec.NONE, CondSpec.CURRENT,
          CondSpec.STALE, CondSpec.ANY));
    }

    @SafeVarargs
    final <T> T pick(T... options) {
      return options[r.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
      return options.get(r.nextInt(options.size()));
    }

    String anyTwinId() {
      return pick(TWIN_IDS);
    }

    String existingTwinId() {
      return ref.twins.isEmpty() || r.nextInt(8) == 0 ? anyTwinId() : pick(new ArrayList<>(ref.twins.keySet()));
    }

    String freshTwinId() {
      List<String> fresh = new ArrayList<>(TWIN_IDS);
      fresh.removeAll(ref.twins.keySet());
      return fresh.isEmpty() ? anyTwinId() : pick(fresh);
    }

    String createId() {
      return r.nextInt(25) == 0 ? pick("", "bad\u0007id") : anyTwinId();
    }

    String modelOf(String id) {
      TwinState t = ref.twins.get(id);
      return t == null ? model() : t.model;
    }

    String model() {
      int k = r.nextInt(24);
      if (k < 8) return ROOM;
      if (k < 12) return FLOOR;
      if (k < 16) return SENSOR;
      if (k < 18) return BUILDING;
      if (k < 20) return SPACE;
      if (k < 22) return THERMOSTAT;
      return k == 22 ? "dtmi:ex:Nothing;1" : "not a model";
    }

    /** Properties for a model: mostly declared and valid, sometimes not. */
    Map<String, JsonNode> props(String model) {
      ReferenceGraph.ModelInfo m = ReferenceGraph.MODELS.get(model);
      if (m == null || r.nextInt(8) == 0) m = ReferenceGraph.MODELS.get(pick(ALL_MODELS));
      Map<String, JsonNode> props = new LinkedHashMap<>();
      for (Map.Entry<String, Kind> e : new TreeMap<>(m.properties()).entrySet()) {
        if (r.nextBoolean()) props.put(e.getKey(), value(e.getValue(), r.nextInt(10) != 0));
      }
      for (String c : new TreeSet<>(m.components().keySet())) {
        if (r.nextInt(12) != 0) props.put(c, componentValue());
      }
      if (r.nextInt(12) == 0) {
        String extra = pick("colour", "reading", "setPoint", "level", "thermostat");
        props.put(extra, extra.equals("thermostat") ? componentValue() : value(NAMES.get(extra), true));
      }
      return props;
    }

    JsonNode componentValue() {
      int k = r.nextInt(10);
      if (k < 4) return NODES.objectNode();
      if (k < 8) return NODES.objectNode().set("setPoint", value(Kind.DOUBLE, true));
      return pick(NODES.numberNode(5), NODES.objectNode().put("setPoint", "hot"), NODES.objectNode().put("bogus", 1));
    }

    JsonNode value(Kind kind, boolean valid) {
      switch (kind) {
        case STRING:
          return valid ? NODES.stringNode(pick("a", "Lobby", "Zimmer Süd", "")) : pick(NODES.numberNode(5),
              NODES.booleanNode(true), NODES.nullNode(), NODES.objectNode().put("x", 1));
        case INTEGER:
          return valid ? pick(NODES.numberNode(0), NODES.numberNode(3), NODES.numberNode(-7),
              NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(4.0))
              : pick(NODES.numberNode(2.5), NODES.stringNode("3"), NODES.numberNode(3_000_000_000L), NODES.nullNode());
        case DOUBLE:
          return valid ? pick(NODES.numberNode(21.5), NODES.numberNode(-3.0), NODES.numberNode(20),
              NODES.numberNode(1e300), NODES.numberNode(0.1))
              : pick(NODES.stringNode("hot"), NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode().add(1));
        case DATE_TIME:
          return valid ? NODES.stringNode(pick(ReferenceGraph.VALID_DATE_TIMES.stream().sorted().toList()))
              : pick(NODES.stringNode("yesterday"), NODES.stringNode("2024-13-01T00:00:00Z"), NODES.numberNode(5));
        case STRING_MAP:
          return valid ? pick(NODES.objectNode(), NODES.objectNode().put("k1", "a"),
              NODES.objectNode().put("k1", "a").put("a/b", "c"))
              : pick(NODES.objectNode().put("k1", 5), NODES.stringNode("x"), NODES.arrayNode());
        case ADDRESS:
          return valid ? pick(NODES.objectNode(), NODES.objectNode().put("street", "Main"),
              NODES.objectNode().put("street", "Main").put("number", 5))
              : pick(NODES.objectNode().put("street", 5), NODES.objectNode().put("floor", 1),
                  NODES.stringNode("Main St"));
        default:
          throw new AssertionError(kind);
      }
    }

    JsonPatch.Op writeOp() {
      int k = r.nextInt(10);
      return k < 5 ? JsonPatch.Op.ADD : k < 8 ? JsonPatch.Op.REPLACE : JsonPatch.Op.REMOVE;
    }

    /** Mostly an operation that RFC 6902 can apply: add where nothing is, anything where something is. */
    JsonPatch.Op writeOp(JsonNode container, String member) {
      boolean present = container != null && container.has(member);
      return present || r.nextInt(6) == 0 ? writeOp() : JsonPatch.Op.ADD;
    }

    JsonNode doc(String id) {
      TwinState t = ref.twins.get(id);
      return t == null ? null : t.doc;
    }

    /** An operation on a twin: mostly on what its model declares. */
    JsonPatch.Operation patchOp(String id) {
      ReferenceGraph.ModelInfo m = ReferenceGraph.MODELS.getOrDefault(modelOf(id), ReferenceGraph.MODELS.get(ROOM));
      int k = r.nextInt(100);
      boolean valid = r.nextInt(8) != 0;
      if (k < 40) {
        List<String> names = new ArrayList<>(r.nextInt(4) == 0 || m.properties().isEmpty() ? NAMES.keySet()
            : new TreeSet<>(m.properties().keySet()));
        String name = pick(names);
        return op(writeOp(doc(id), name), "/" + name, value(NAMES.get(name), valid));
      }
      JsonNode doc = doc(id);
      if (k < 58) {
        String member = k < 50 ? "address" : "tags";
        if (doc != null && !doc.has(member) && r.nextBoolean()) {
          return op(JsonPatch.Op.ADD, "/" + member, value(NAMES.get(member), valid));
        }
        JsonNode container = doc == null ? null : doc.get(member);
        if (k < 50) {
          String field = pick("street", "number", "floor");
          Kind kind = field.equals("street") ? Kind.STRING : Kind.INTEGER;
          return op(writeOp(container, field), "/address/" + field, value(kind, valid));
        }
        String key = pick("k1", "a/b");
        return op(writeOp(container, key), "/tags/" + key.replace("/", "~1"), value(Kind.STRING, valid));
      }
      if (k < 70) {
        int c = r.nextInt(10);
        if (c < 6) {
          return op(writeOp(doc == null ? null : doc.get("thermostat"), "setPoint"), "/thermostat/setPoint",
              value(Kind.DOUBLE, valid));
        }
        if (c < 9) return op(r.nextBoolean() ? JsonPatch.Op.ADD : JsonPatch.Op.REPLACE, "/thermostat", componentValue());
        return op(JsonPatch.Op.REMOVE, "/thermostat", null);
      }
      if (k < 80) {
        return r.nextInt(15) == 0 ? op(JsonPatch.Op.REMOVE, "/$metadata/$model", null)
            : op(JsonPatch.Op.REPLACE, "/$metadata/$model", NODES.stringNode(model()));
      }
      if (k < 95) {
        List<String> keys = doc == null ? List.of()
            : new ArrayList<>(ReferenceGraph.propertyKeys(modelOf(id), (ObjectNode) doc));
        String key = keys.isEmpty() || r.nextInt(5) == 0 ? pick("name", "temperature", "value", "thermostat/setPoint")
            : pick(keys);
        int slash = key.indexOf('/');
        String path = slash < 0 ? "/$metadata/" + key + "/sourceTime"
            : "/" + key.substring(0, slash) + "/$metadata/" + key.substring(slash + 1) + "/sourceTime";
        return op(JsonPatch.Op.ADD, path, NODES.stringNode(valid ? pick("2024-02-03T04:05:06Z",
            "2025-06-01T00:00:00.500Z") : "soon"));
      }
      return op(JsonPatch.Op.REPLACE, pick("/$dtId", "/$etag"), NODES.stringNode("x"));
    }

    /** A relationship: mostly from an existing twin, by a name of its model, to a twin that fits. */
    Action relate() {
      List<String> rooms = new ArrayList<>();
      ref.twins.forEach((id, t) -> {
        if (t.model.equals(ROOM)) rooms.add(id);
      });
      String source = rooms.isEmpty() || r.nextBoolean() ? existingTwinId() : pick(rooms);
      TwinState src = ref.twins.get(source);
      List<String> names = src == null ? List.of() : new ArrayList<>(new TreeSet<>(
          ReferenceGraph.MODELS.get(src.model).relationships().keySet()));
      if (names.contains("hasSensor") && r.nextBoolean()) names = List.of("hasSensor");
      String name = names.isEmpty() || r.nextInt(8) == 0 ? pick("contains", "hasSensor", "reading", "thermostat",
          "feeds") : pick(names);
      ReferenceGraph.RelInfo info = src == null ? null : ReferenceGraph.MODELS.get(src.model).relationships().get(name);
      String target;
      List<String> fitting = new ArrayList<>();
      if (info != null) {
        ref.twins.forEach((id, t) -> {
          if (ReferenceGraph.isA(t.model, info.target()) && !id.equals(source)) fitting.add(id);
        });
      }
      List<String> others = new ArrayList<>(ref.twins.keySet());
      others.remove(source);
      if (fitting.isEmpty() || r.nextInt(6) == 0) {
        target = others.isEmpty() || r.nextInt(6) == 0 ? existingTwinId() : pick(others);
      } else {
        target = pick(fitting);
      }
      ObjectNode props = NODES.objectNode();
      int p = r.nextInt(20);
      if (name.equals("hasSensor") ? p >= 10 : p >= 18) {
        if (p >= 18) {
          props.set(pick("since", "bogus"), value(Kind.DATE_TIME, false));
        } else {
          props.set("since", value(Kind.DATE_TIME, true));
        }
      }
      CondSpec spec = pick(CondSpec.NONE_MATCH, CondSpec.NONE_MATCH, CondSpec.NONE_MATCH, CondSpec.NONE,
          CondSpec.NONE, CondSpec.CURRENT, CondSpec.STALE);
      String relId;
      if (r.nextInt(25) == 0) {
        relId = pick("", "bad\nid");
      } else {
        List<String> free = new ArrayList<>(REL_IDS);
        free.removeAll(ref.out.getOrDefault(source, Map.of()).keySet());
        relId = spec == CondSpec.NONE_MATCH && !free.isEmpty() && r.nextInt(4) != 0 ? pick(free) : pick(REL_IDS);
      }
      boolean viaRelate = props.isEmpty() && spec == CondSpec.NONE_MATCH && r.nextBoolean();
      return new Relate(source, relId, name, target, props, spec, viaRelate);
    }

    /** An existing relationship (source, id), mostly. */
    String[] existingRelation(String preferredName) {
      List<String[]> all = new ArrayList<>();
      ref.out.forEach((s, m) -> m.values().forEach(x -> {
        if (preferredName == null || x.name().equals(preferredName)) all.add(new String[] {s, x.id()});
      }));
      if (all.isEmpty()) ref.out.forEach((s, m) -> m.keySet().forEach(id -> all.add(new String[] {s, id})));
      return all.isEmpty() || r.nextInt(6) == 0 ? new String[] {existingTwinId(), pick(REL_IDS)} : pick(all);
    }

    JsonPatch.Operation relationPatchOp(Rel existing) {
      int k = r.nextInt(10);
      if (k < 7) {
        return op(writeOp(existing == null ? null : existing.props(), "since"), "/since",
            value(Kind.DATE_TIME, r.nextInt(6) != 0));
      }
      if (k < 9) return op(JsonPatch.Op.ADD, "/bogus", NODES.numberNode(1));
      return op(JsonPatch.Op.REPLACE, "/$targetId", NODES.stringNode("t1"));
    }
  }

  static JsonPatch.Operation op(JsonPatch.Op op, String path, JsonNode value) {
    return new JsonPatch.Operation(op, path, op == JsonPatch.Op.REMOVE ? Optional.empty() : Optional.of(value));
  }
}
