package dev.twins.core.graph;

import dev.twins.core.internal.graph.AdtJson;
import dev.twins.core.internal.graph.GraphStore;
import dev.twins.core.internal.graph.IndexRegistry;
import dev.twins.core.internal.graph.TwinGraphView;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.Models;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jgrapht.Graph;
import tools.jackson.databind.node.ObjectNode;

/**
 * A live twin graph: twins and relationships typed by DTDL models, validated on every write,
 * indexed, and observable through change events. The one mutable object of Twins; thread-safe.
 *
 * <pre>{@code
 * Twins twins = Twins.create(models);
 * twins.createTwin("room-101", "dtmi:com:example:Room;1", Map.of("temperature", 21.5));
 * twins.patch("room-101", JsonPatch.builder().replace("/temperature", 26.0).build());
 * twins.relate("floor-1", "contains-room-101", "contains", "room-101");
 * }</pre>
 *
 * <p><b>Consistency.</b> Writes to one twin are serialised; writes to different twins run in
 * parallel. Every write returns after its change is visible: a read after a write returns sees it.
 * Reads never block and never see half a write: they return immutable snapshots. Every change
 * gets a sequence number, strictly increasing in commit order, and synchronous subscribers see the
 * changes in that order.
 *
 * <p><b>Rules.</b> As Azure Digital Twins: properties must be declared by the twin's model and fit
 * their schemas; components must be initialised; a relationship's name must be a Relationship of
 * the source twin's model and its target must be of the declared target model (or extend it); a
 * twin with relationships cannot be deleted; a relationship cannot connect a twin to itself.
 * {@link Builder} relaxes or tightens these.
 *
 * <p><b>Persistence.</b> A graph with a {@link Builder#commitHook commit hook} (such as one of a
 * durable store) returns from a write only once the hook's completion has run; if the hook cannot
 * make the change durable, every write method throws {@link GraphException} with
 * {@link GraphException.Code#NOT_DURABLE}, carrying the cause.
 */
public final class Twins {
  static {
    dev.twins.core.internal.graph.TwinAccess.installStores(t -> t.store);
  }

  private final GraphStore store;
  private final IndexRegistry indexes;
  /** Model DTMIs parsed from the strings callers give, so that each is parsed once. */
  private final java.util.concurrent.ConcurrentHashMap<String, Dtmi> modelIds = new java.util.concurrent.ConcurrentHashMap<>();

  private Twins(GraphStore store) {
    this.store = store;
    this.indexes = IndexRegistry.attach(store);
  }

  /**
   * Creates an empty graph with the default options (the rules of Azure Digital Twins).
   *
   * @param models the models every twin must fit
   * @return the graph
   */
  public static Twins create(Models models) {
    return builder(models).build();
  }

  /**
   * Starts a graph with options.
   *
   * @param models the models every twin must fit
   * @return the builder
   */
  public static Builder builder(Models models) {
    return new Builder(models);
  }

  /**
   * Builds a small demo graph: one building, two floors, four rooms and two sensors typed by four
   * DTDL models ({@code dtmi:twins:demo:Building;1}, {@code Floor}, {@code Room}, {@code Sensor}),
   * for trying Twins out in JShell and in examples.
   *
   * @return a new graph
   */
  public static Twins demo() {
    return dev.twins.core.internal.graph.DemoGraph.create();
  }

  /**
   * Moves the graph to a larger model set: every model it has, unchanged, plus new ones. Existing
   * twins, relationships, indexes and subscriptions stay; from the next commit on, writes may use
   * the new models, {@link #twinsOfModel} and the indexes count twins of new subtypes, and a
   * telemetry hub of the graph takes their telemetry. (A JGraphT view made by {@link #asGraph}
   * before keeps the model filter it was made with.) This is how a durable store adds models.
   *
   * @param larger the larger model set, e.g. the union of {@link #models()} and the new models
   * @throws IllegalArgumentException if a model of the graph is missing from it or differs there
   */
  public void extendModels(Models larger) {
    store.extendModels(larger);
  }

  /** @return the models every twin must fit */
  public Models models() {
    return store.models();
  }

  // ------------------------------------------------------------------------------------ twins

  /**
   * Creates a twin from property values.
   *
   * @param id the twin id: 1 to 1024 characters, no control characters
   * @param model the model DTMI
   * @param properties property and component values; Java values are converted to JSON
   *     (numbers, strings, booleans, maps, lists, {@code JsonNode}s)
   * @return the twin
   * @throws GraphException if the twin exists, or does not fit its model
   */
  public Twin createTwin(String id, String model, Map<String, ?> properties) {
    ObjectNode doc = AdtJson.toDocument(properties);
    return store.put(id, parseModel(id, model), doc, Map.of(), Condition.ifNoneMatchAny());
  }

  /**
   * Creates a twin from its JSON in the format of Azure Digital Twins ({@code $dtId},
   * {@code $metadata.$model}, properties, components with {@code $metadata}; per-property
   * {@code sourceTime} and device members such as {@code desiredValue} are kept, see
   * {@link PropertyMetadata}).
   *
   * @param twinJson the twin
   * @return the twin
   * @throws GraphException if the JSON is malformed, the twin exists, or it does not fit its model
   */
  public Twin createTwin(ObjectNode twinJson) {
    AdtJson.TwinInput in = AdtJson.twin(null, twinJson);
    return store.put(in.id(), in.model(), in.document(), in.sourceTimes(), in.deviceMembers(),
        Condition.ifNoneMatchAny());
  }

  /**
   * Creates or replaces a twin from its JSON (like {@code PUT /digitaltwins/{id}}; the body's
   * {@code $dtId} and {@code $etag} are ignored).
   *
   * @param id the twin id
   * @param twinJson the twin
   * @param condition {@link Condition#ifNoneMatchAny()} to create only, {@link Condition#ifMatch} to
   *     replace only a known version
   * @return the twin
   * @throws GraphException if the JSON is malformed or does not fit its model
   * @throws PreconditionFailedException if the condition does not hold
   */
  public Twin putTwin(String id, ObjectNode twinJson, Condition condition) {
    AdtJson.TwinInput in = AdtJson.twin(id, twinJson);
    return store.put(id, in.model(), in.document(), in.sourceTimes(), in.deviceMembers(), condition);
  }

  /**
   * Reads a twin; never blocks.
   *
   * @param id the twin id
   * @return its latest snapshot, if it exists
   */
  public Optional<Twin> twin(String id) {
    return store.get(id);
  }

  /**
   * Updates a twin with a JSON Patch, atomically: all operations or none.
   *
   * @param id the twin id
   * @param patch operations on properties, components, {@code /$metadata/$model},
   *     {@code /$metadata/<property>/sourceTime} and the device members of a property's metadata
   *     ({@code /$metadata/<property>/desiredValue}, {@code desiredVersion}, {@code ackVersion},
   *     {@code ackCode}, {@code ackDescription}; see {@link PropertyMetadata})
   * @return the twin after the patch
   * @throws GraphException if the twin does not exist, the patch cannot apply, or the result
   *     does not fit the model
   */
  public Twin patch(String id, JsonPatch patch) {
    return store.patch(id, patch, Condition.none());
  }

  /**
   * Updates a twin with a JSON Patch if the condition holds.
   *
   * @param id the twin id
   * @param patch the patch
   * @param condition usually {@link Condition#ifMatch(String)} with the ETag last read
   * @return the twin after the patch
   * @throws GraphException if the twin does not exist, the patch cannot apply, or the result
   *     does not fit the model
   * @throws PreconditionFailedException if the condition does not hold
   */
  public Twin patch(String id, JsonPatch patch, Condition condition) {
    return store.patch(id, patch, condition);
  }

  /**
   * Sets one property (an {@code add} patch).
   *
   * @param id the twin id
   * @param property the property name, or {@code component/property}
   * @param value the value, converted to JSON like {@link #createTwin(String, String, Map)}'s
   * @return the twin after the update
   * @throws GraphException if the twin does not exist or the value does not fit
   */
  public Twin set(String id, String property, Object value) {
    return store.patch(id, JsonPatch.of(new JsonPatch.Operation(JsonPatch.Op.ADD, "/" + property,
        Optional.of(AdtJson.toJson(value)))), Condition.none());
  }

  /**
   * Sets one numeric property: the same write as {@link #set(String, String, Object)} with the
   * value as a {@code Double} (an {@code add} patch of {@code /property}: the same checks against
   * the model, the same new version, ETag and times, the same event with that patch), without
   * building the patch when the property is set and top-level; the event's patch is then made
   * only if a subscriber or the commit hook is there to receive it. (A name of its own rather than
   * an overload of {@code set}, which Java would also pick for {@code int}, {@code long} and
   * {@code float} values, widening them to doubles.)
   *
   * @param id the twin id
   * @param property the property name, or {@code component/property}
   * @param value the value
   * @return the twin after the update
   * @throws GraphException if the twin does not exist or the value does not fit
   * @throws IllegalArgumentException if the value is NaN or infinite (not JSON)
   */
  public Twin setNumber(String id, String property, double value) {
    return store.setNumber(id, property, value);
  }

  /**
   * Deletes a twin.
   *
   * @param id the twin id
   * @throws GraphException if it does not exist or still has relationships (unless cascade delete is on)
   */
  public void delete(String id) {
    store.delete(id, Condition.none());
  }

  /**
   * Deletes a twin if the condition holds.
   *
   * @param id the twin id
   * @param condition the condition
   * @throws GraphException if it does not exist or still has relationships (unless cascade delete is on)
   * @throws PreconditionFailedException if the condition does not hold
   */
  public void delete(String id, Condition condition) {
    store.delete(id, condition);
  }

  // ------------------------------------------------------------------------------------ relationships

  /**
   * Creates a relationship without properties.
   *
   * @param sourceId the source twin
   * @param relationshipId the relationship id, unique per source twin
   * @param name a Relationship name of the source twin's model
   * @param targetId the target twin
   * @return the relationship
   * @throws GraphException if a twin is missing, the relationship does not fit the model, or the id is taken
   */
  public Relation relate(String sourceId, String relationshipId, String name, String targetId) {
    return store.putRelation(sourceId, relationshipId, name, targetId, GraphStore.noProperties(),
        Condition.ifNoneMatchAny());
  }

  /**
   * Creates or replaces a relationship from its JSON ({@code $targetId}, {@code $relationshipName},
   * properties; {@code $relationshipId} and {@code $sourceId} in the body are ignored).
   *
   * @param sourceId the source twin
   * @param relationshipId the relationship id
   * @param relationJson the relationship
   * @param condition {@link Condition#ifNoneMatchAny()} to create only
   * @return the relationship
   * @throws GraphException if a twin is missing or the relationship does not fit the model
   * @throws PreconditionFailedException if the condition does not hold
   */
  public Relation putRelation(String sourceId, String relationshipId, ObjectNode relationJson, Condition condition) {
    AdtJson.RelationInput in = AdtJson.relation(sourceId, relationshipId, relationJson);
    return store.putRelation(sourceId, relationshipId, in.name(), in.targetId(), in.properties(), condition);
  }

  /**
   * Creates a relationship from its JSON with {@code $sourceId} (or {@code $dtId}),
   * {@code $relationshipId}, {@code $targetId}, {@code $relationshipName} and properties.
   *
   * @param relationJson the relationship
   * @return the relationship
   * @throws GraphException if the JSON is malformed, a twin is missing or the relationship does not fit
   */
  public Relation createRelation(ObjectNode relationJson) {
    AdtJson.RelationInput in = AdtJson.relation(null, null, relationJson);
    return store.putRelation(in.sourceId(), in.relationshipId(), in.name(), in.targetId(), in.properties(),
        Condition.ifNoneMatchAny());
  }

  /**
   * Reads a relationship.
   *
   * @param sourceId the source twin
   * @param relationshipId the relationship id
   * @return the relationship, if it exists
   */
  public Optional<Relation> relation(String sourceId, String relationshipId) {
    return store.relation(sourceId, relationshipId);
  }

  /**
   * Updates a relationship's properties with a JSON Patch.
   *
   * @param sourceId the source twin
   * @param relationshipId the relationship id
   * @param patch the patch on its properties
   * @param condition the condition, {@link Condition#none()} for none
   * @return the relationship after the patch
   * @throws GraphException if it does not exist, the patch cannot apply or the result does not fit
   * @throws PreconditionFailedException if the condition does not hold
   */
  public Relation patchRelation(String sourceId, String relationshipId, JsonPatch patch, Condition condition) {
    return store.patchRelation(sourceId, relationshipId, patch, condition);
  }

  /**
   * Deletes a relationship.
   *
   * @param sourceId the source twin
   * @param relationshipId the relationship id
   * @param condition the condition, {@link Condition#none()} for none
   * @throws GraphException if it does not exist
   * @throws PreconditionFailedException if the condition does not hold
   */
  public void deleteRelation(String sourceId, String relationshipId, Condition condition) {
    store.deleteRelation(sourceId, relationshipId, condition);
  }

  /**
   * Lists a twin's outgoing relationships.
   *
   * @param id the source twin
   * @return the relationships, by id
   * @throws GraphException if the twin does not exist
   */
  public List<Relation> outgoing(String id) {
    return store.outgoing(id, null);
  }

  /**
   * Lists a twin's outgoing relationships of one name.
   *
   * @param id the source twin
   * @param name the Relationship name
   * @return the relationships, by id
   * @throws GraphException if the twin does not exist
   */
  public List<Relation> outgoing(String id, String name) {
    return store.outgoing(id, Objects.requireNonNull(name, "name"));
  }

  /**
   * Lists a twin's incoming relationships.
   *
   * @param id the target twin
   * @return the relationships, by source and id
   * @throws GraphException if the twin does not exist
   */
  public List<Relation> incoming(String id) {
    return store.incoming(id, null);
  }

  /**
   * Lists a twin's incoming relationships of one name.
   *
   * @param id the target twin
   * @param name the Relationship name
   * @return the relationships, by source and id
   * @throws GraphException if the twin does not exist
   */
  public List<Relation> incoming(String id, String name) {
    return store.incoming(id, Objects.requireNonNull(name, "name"));
  }

  /**
   * Visits a twin's outgoing relationships without copying or sorting them: the allocation-free
   * read for traversals. Lock-free; it sees every write that returned before the call (the twin's
   * adjacency as of one moment for most twins, a weakly consistent view of it for a twin with very
   * many relationships), each relationship at most once, in no particular order. The action must
   * not write to this graph.
   *
   * @param id the source twin
   * @param action called with each relationship
   * @return whether the twin exists; false (and nothing visited) when it does not, so that a
   *     traversal racing a delete needs no exception
   */
  public boolean forEachOutgoing(String id, Consumer<? super Relation> action) {
    return visit(id, null, action, true);
  }

  /**
   * Visits a twin's outgoing relationships of one name without copying or sorting them (see
   * {@link #forEachOutgoing(String, Consumer)}).
   *
   * @param id the source twin
   * @param name the Relationship name
   * @param action called with each relationship of that name
   * @return whether the twin exists (false: nothing visited)
   */
  public boolean forEachOutgoing(String id, String name, Consumer<? super Relation> action) {
    return visit(id, Objects.requireNonNull(name, "name"), action, true);
  }

  /**
   * Visits a twin's incoming relationships without copying or sorting them (see {@link
   * #forEachOutgoing(String, Consumer)}).
   *
   * @param id the target twin
   * @param action called with each relationship
   * @return whether the twin exists (false: nothing visited)
   */
  public boolean forEachIncoming(String id, Consumer<? super Relation> action) {
    return visit(id, null, action, false);
  }

  /**
   * Visits a twin's incoming relationships of one name without copying or sorting them (see
   * {@link #forEachOutgoing(String, Consumer)}).
   *
   * @param id the target twin
   * @param name the Relationship name
   * @param action called with each relationship of that name
   * @return whether the twin exists (false: nothing visited)
   */
  public boolean forEachIncoming(String id, String name, Consumer<? super Relation> action) {
    return visit(id, Objects.requireNonNull(name, "name"), action, false);
  }

  /**
   * Visits a twin's outgoing relationships together with the current state of each one's target
   * twin, without looking the targets up by id: each relationship stored in the graph references
   * its target's slot, so the visit reads the adjacency and the targets' latest snapshots in place,
   * unsorted, and allocates nothing. Lock-free like {@link #forEachOutgoing(String, Consumer)}: it
   * sees every write that returned before the call; a relationship or target changed during the
   * visit is seen in one of its states (a relationship deleted meanwhile possibly still, a
   * relationship whose target twin is already deleted not at all). The visitor must not write to
   * this graph.
   *
   * <pre>{@code
   * // the temperature sensors of a room, stopping at the first one above 30
   * boolean none = twins.forEachOutgoingTwin("room-101", "contains",
   *     (rel, sensor) -> !(sensor.number("value").orElse(0) > 30));
   * }</pre>
   *
   * @param id the source twin
   * @param name the Relationship name
   * @param visitor called with each relationship of that name and its target twin; returns false
   *     to stop
   * @return false if the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachOutgoingTwin(String id, String name, RelationVisitor visitor) {
    return store.forEachTwin(Objects.requireNonNull(id, "id"), Objects.requireNonNull(name, "name"), true,
        Objects.requireNonNull(visitor, "visitor"));
  }

  /**
   * Visits all of a twin's outgoing relationships with their target twins (see
   * {@link #forEachOutgoingTwin(String, String, RelationVisitor)}).
   *
   * @param id the source twin
   * @param visitor called with each relationship and its target twin; returns false to stop
   * @return false if the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachOutgoingTwin(String id, RelationVisitor visitor) {
    return store.forEachTwin(Objects.requireNonNull(id, "id"), null, true, Objects.requireNonNull(visitor, "visitor"));
  }

  /**
   * Visits a twin's incoming relationships of one name together with the current state of each
   * one's source twin, without lookups by id (see
   * {@link #forEachOutgoingTwin(String, String, RelationVisitor)}).
   *
   * @param id the target twin
   * @param name the Relationship name
   * @param visitor called with each relationship of that name and its source twin; returns false
   *     to stop
   * @return false if the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachIncomingTwin(String id, String name, RelationVisitor visitor) {
    return store.forEachTwin(Objects.requireNonNull(id, "id"), Objects.requireNonNull(name, "name"), false,
        Objects.requireNonNull(visitor, "visitor"));
  }

  /**
   * Visits all of a twin's incoming relationships with their source twins (see
   * {@link #forEachOutgoingTwin(String, String, RelationVisitor)}).
   *
   * @param id the target twin
   * @param visitor called with each relationship and its source twin; returns false to stop
   * @return false if the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachIncomingTwin(String id, RelationVisitor visitor) {
    return store.forEachTwin(Objects.requireNonNull(id, "id"), null, false, Objects.requireNonNull(visitor, "visitor"));
  }

  /**
   * Visits the outgoing relationships of one name of the twin a snapshot is of, with their target
   * twins, like {@link #forEachOutgoingTwin(String, String, RelationVisitor)} but without even the
   * lookup of the start twin when the snapshot was handed out by this graph (by a read or a visit):
   * a multi-hop traversal that continues from the twins its visitor receives looks up no id at
   * all. The twin's current relationships are visited, however old the snapshot; a snapshot of
   * another graph, one made with the {@code Twin} constructor, or one whose twin was deleted since
   * (and perhaps created again) is looked up by its id.
   *
   * @param from a snapshot of the source twin
   * @param name the Relationship name
   * @param visitor called with each relationship of that name and its target twin; returns false
   *     to stop
   * @return false if the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachOutgoingTwin(Twin from, String name, RelationVisitor visitor) {
    return store.forEachTwin(Objects.requireNonNull(from, "from"), Objects.requireNonNull(name, "name"), true,
        Objects.requireNonNull(visitor, "visitor"));
  }

  /**
   * Visits all outgoing relationships of the twin a snapshot is of, with their target twins (see
   * {@link #forEachOutgoingTwin(Twin, String, RelationVisitor)}).
   *
   * @param from a snapshot of the source twin
   * @param visitor called with each relationship and its target twin; returns false to stop
   * @return false if the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachOutgoingTwin(Twin from, RelationVisitor visitor) {
    return store.forEachTwin(Objects.requireNonNull(from, "from"), null, true, Objects.requireNonNull(visitor, "visitor"));
  }

  /**
   * Visits the incoming relationships of one name of the twin a snapshot is of, with their source
   * twins (see {@link #forEachOutgoingTwin(Twin, String, RelationVisitor)}).
   *
   * @param from a snapshot of the target twin
   * @param name the Relationship name
   * @param visitor called with each relationship of that name and its source twin; returns false
   *     to stop
   * @return false if the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachIncomingTwin(Twin from, String name, RelationVisitor visitor) {
    return store.forEachTwin(Objects.requireNonNull(from, "from"), Objects.requireNonNull(name, "name"), false,
        Objects.requireNonNull(visitor, "visitor"));
  }

  /**
   * Visits all incoming relationships of the twin a snapshot is of, with their source twins (see
   * {@link #forEachOutgoingTwin(Twin, String, RelationVisitor)}).
   *
   * @param from a snapshot of the target twin
   * @param visitor called with each relationship and its source twin; returns false to stop
   * @return false if the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachIncomingTwin(Twin from, RelationVisitor visitor) {
    return store.forEachTwin(Objects.requireNonNull(from, "from"), null, false, Objects.requireNonNull(visitor, "visitor"));
  }

  /**
   * Visits the target twins of the outgoing relationships of one name of the twin a snapshot is
   * of, like {@link #forEachOutgoingTwin(Twin, String, RelationVisitor)} but handing over only the
   * twins: the graph keeps each twin's relationships grouped by name with the other ends beside
   * them, so this visit reads neither the relationships of other names nor the relationship
   * objects themselves (the fastest hop when the relationships are not needed). A target reached
   * by two relationships of the name is visited twice.
   *
   * @param from a snapshot of the source twin
   * @param name the Relationship name
   * @param visitor called with the target twin of each relationship of that name; returns false to
   *     stop
   * @return false if the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachOutgoingTarget(Twin from, String name, Predicate<? super Twin> visitor) {
    return store.forEachOther(Objects.requireNonNull(from, "from"), Objects.requireNonNull(name, "name"), true,
        Objects.requireNonNull(visitor, "visitor"));
  }

  /**
   * Visits the source twins of the incoming relationships of one name of the twin a snapshot is of
   * (see {@link #forEachOutgoingTarget(Twin, String, Predicate)}).
   *
   * @param from a snapshot of the target twin
   * @param name the Relationship name
   * @param visitor called with the source twin of each relationship of that name; returns false to
   *     stop
   * @return false if the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachIncomingSource(Twin from, String name, Predicate<? super Twin> visitor) {
    return store.forEachOther(Objects.requireNonNull(from, "from"), Objects.requireNonNull(name, "name"), false,
        Objects.requireNonNull(visitor, "visitor"));
  }

  private boolean visit(String id, String name, Consumer<? super Relation> action, boolean outgoing) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(action, "action");
    return outgoing ? store.forEachOutgoing(id, name, action) : store.forEachIncoming(id, name, action);
  }

  // ------------------------------------------------------------------------------------ views

  /**
   * Returns the twins that are of a model or of a model that extends it, from the model index.
   *
   * @param model an Interface DTMI
   * @return the twins, in no particular order
   */
  public List<Twin> twinsOfModel(String model) {
    return store.twinsOfModel(Dtmi.of(model));
  }

  /**
   * Returns the twins that are of a model or, unless {@code exact}, of a model that extends it, from
   * the model index.
   *
   * @param model an Interface DTMI
   * @param exact only twins of exactly this model
   * @return the twins, in no particular order
   */
  public List<Twin> twinsOfModel(Dtmi model, boolean exact) {
    List<Twin> out = new ArrayList<>();
    store.forEachOfModel(Objects.requireNonNull(model, "model"), exact, out::add);
    return out;
  }

  /**
   * Counts the twins that are of a model or, unless {@code exact}, of a model that extends it, from
   * the model index's sizes without reading a twin: O(number of models that extend it).
   *
   * @param model an Interface DTMI
   * @param exact only twins of exactly this model
   * @return the number of twins; 0 for a model that is not loaded
   */
  public long countOfModel(Dtmi model, boolean exact) {
    return store.countOfModel(Objects.requireNonNull(model, "model"), exact);
  }

  /**
   * Counts the twins that are of a model or, unless {@code exact}, of a model that extends it (see
   * {@link #countOfModel(Dtmi, boolean)}).
   *
   * @param model an Interface DTMI
   * @param exact only twins of exactly this model
   * @return the number of twins
   * @throws IllegalArgumentException if {@code model} is not a DTMI
   */
  public long countOfModel(String model, boolean exact) {
    return countOfModel(Dtmi.of(model), exact);
  }

  /**
   * Visits the twins that are of a model or, unless {@code exact}, of a model that extends it,
   * from the model index without building a list. Lock-free; it sees every write that returned
   * before the call, in no particular order, each twin once. A twin changed or deleted during the
   * visit is seen in one of its states or not at all (one whose model changes, possibly in both).
   * The action must not write to this graph.
   *
   * @param model an Interface DTMI
   * @param exact only twins of exactly this model
   * @param action called with each twin
   */
  public void forEachOfModel(Dtmi model, boolean exact, Consumer<? super Twin> action) {
    store.forEachOfModel(Objects.requireNonNull(model, "model"), exact, Objects.requireNonNull(action, "action"));
  }

  /** @return every twin, in no particular order */
  public List<Twin> twins() {
    return store.twins();
  }

  /** @return the number of twins */
  public int twinCount() {
    return store.twinCount();
  }

  /** @return the number of relationships */
  public long relationCount() {
    return store.relationCount();
  }

  /** @return the sequence number of the last change; 0 for a new graph */
  public long version() {
    return store.lastSequence();
  }

  /**
   * Returns the property-value indexes of this graph: declare them per model and property, or let
   * the first lookup build them; every write keeps them up to date.
   *
   * <pre>{@code
   * twins.indexes().declare("dtmi:com:example:Room;1", "temperature");
   * List<String> warm = twins.indexes().range("dtmi:com:example:Room;1", "temperature", 22, true, 26, false);
   * }</pre>
   *
   * @return the indexes (always the same object)
   */
  public Indexes indexes() {
    return indexes;
  }

  /**
   * Returns a read-only JGraphT view of the whole graph, for running JGraphT algorithms on the live
   * graph without copying it: vertices are twin ids, edges are relationships from source to
   * target (a directed multigraph; a pseudograph when self relationships are allowed).
   *
   * <pre>{@code
   * GraphPath<String, Relation> path = new DijkstraShortestPath<>(twins.asGraph()).getPath("building-1", "sensor-7");
   * }</pre>
   *
   * <p>The view reads the current state on every call, so it sees later writes; its vertex and
   * edge sets are live unmodifiable views, a vertex's edge sets are snapshots, and its mutators
   * throw {@link UnsupportedOperationException}. An algorithm that runs while the graph is written
   * sees some writes and not others; copy the view (for example with
   * {@code org.jgrapht.Graphs.addGraph}) to work on a fixed state.
   *
   * @return the view
   */
  public Graph<String, Relation> asGraph() {
    return TwinGraphView.of(store, GraphFilter.all());
  }

  /**
   * Returns a read-only JGraphT view of part of the graph: the twins of some models (and of the
   * models that extend them) and the relationships of some names between them. Otherwise like
   * {@link #asGraph()}.
   *
   * <pre>{@code
   * Graph<String, Relation> spaces = twins.asGraph(GraphFilter.models("dtmi:ex:Space;1").withRelationships("contains"));
   * }</pre>
   *
   * @param filter the models and relationship names to keep
   * @return the view
   * @throws IllegalArgumentException if a model of the filter is not in the graph's models, or no
   *     model declares a Relationship of one of its names
   */
  public Graph<String, Relation> asGraph(GraphFilter filter) {
    return TwinGraphView.of(store, filter);
  }

  // ------------------------------------------------------------------------------------ replay and snapshots

  /**
   * Takes back the graph's latest change exactly, for a journal that could not make it durable
   * (the persistence side of {@link CommitHook}): the twin or relationship becomes what it was
   * before (ETag, version, times and metadata included), the indexes follow, and {@link #version()}
   * goes back by one. Called newest first, it takes back a run of changes. Neither subscribers nor
   * the commit hook are told. The hook should refuse writes meanwhile (a write committing between
   * two reverts makes the next one fail).
   *
   * @param latest the graph's latest change, as the commit hook received it
   * @param before for {@link ChangeEvent.TwinUpdated} the {@link Twin}, for
   *     {@link ChangeEvent.RelationUpdated} the {@link Relation}, as it was before the change (read
   *     in {@link CommitHook#committing}); for the other kinds, ignored (pass {@link Optional#empty()})
   * @throws IllegalStateException if {@code latest} is not the graph's latest change or the graph
   *     is not in the state it left
   * @throws IllegalArgumentException if {@code before} is missing or not the same twin or relationship
   */
  public void revert(ChangeEvent latest, Optional<?> before) {
    Objects.requireNonNull(before, "before");
    store.revert(latest, before.orElse(null));
  }

  /**
   * Replays a recorded change: the one way a journal (or another graph's subscription) brings a
   * graph forward. The change goes through the same apply step as a live write (the same
   * validation against the models, index updates and commit), but keeps what was recorded: its
   * sequence number, its time, and the ETag, version and per-property metadata of its result. So
   * replaying every event of a graph, in order, onto an empty graph with the same models and
   * options (or onto a {@link Builder#restore restored snapshot} with the events after its
   * sequence) gives a graph equal to the original, twin by twin and relationship by relationship.
   *
   * <ul>
   *   <li>{@link ChangeEvent.TwinCreated}, {@link ChangeEvent.TwinUpdated}: the twin becomes the
   *       event's twin (which must not exist, respectively must exist at the version before);
   *   <li>{@link ChangeEvent.TwinDeleted}: the twin, which must still have the recorded ETag, is deleted;
   *   <li>{@link ChangeEvent.RelationCreated}, {@link ChangeEvent.RelationUpdated}: the relationship
   *       becomes the event's (which must not exist, respectively must exist);
   *   <li>{@link ChangeEvent.RelationDeleted}: the relationship, which must still have the
   *       recorded ETag, is deleted.
   * </ul>
   *
   * <p>The event is delivered to this graph's subscribers and its {@link Builder#commitHook commit
   * hook} as it is (the same object). Changes must
   * be applied in order, from one thread or otherwise serialised: a change whose sequence number
   * is not after the graph's {@link #version() last} is refused.
   *
   * @param event the recorded change
   * @throws GraphException with {@link GraphException.Code#REPLAY_CONFLICT} if the sequence number
   *     is not after the last change or the recorded version does not follow; with another code
   *     (or {@link PreconditionFailedException}) if the change does not apply to this graph, as the
   *     live write would fail
   */
  public void apply(ChangeEvent event) {
    Objects.requireNonNull(event, "event");
    long last = store.lastSequence();
    if (event.sequence() <= last) {
      throw new GraphException(GraphException.Code.REPLAY_CONFLICT, event.twinId(), "change " + event.sequence()
          + " cannot be replayed: it is not after the graph's last change " + last);
    }
    event.accept(new ChangeEvent.Visitor<Void>() {
      @Override
      public Void twinCreated(ChangeEvent.TwinCreated e) {
        Twin t = e.twin();
        store.put(t.id(), t.model(), t.document(), Map.of(), Condition.ifNoneMatchAny(), e);
        return null;
      }

      @Override
      public Void twinUpdated(ChangeEvent.TwinUpdated e) {
        Twin t = e.twin();
        store.put(t.id(), t.model(), t.document(), Map.of(), Condition.ifMatchAny(), e);
        return null;
      }

      @Override
      public Void twinDeleted(ChangeEvent.TwinDeleted e) {
        store.delete(e.twin().id(), Condition.ifMatch(e.twin().etag()), e);
        return null;
      }

      @Override
      public Void relationCreated(ChangeEvent.RelationCreated e) {
        Relation r = e.relation();
        store.putRelation(r.sourceId(), r.id(), r.name(), r.targetId(), r.properties(), Condition.ifNoneMatchAny(), e);
        return null;
      }

      @Override
      public Void relationUpdated(ChangeEvent.RelationUpdated e) {
        Relation r = e.relation();
        store.putRelation(r.sourceId(), r.id(), r.name(), r.targetId(), r.properties(), Condition.ifMatchAny(), e);
        return null;
      }

      @Override
      public Void relationDeleted(ChangeEvent.RelationDeleted e) {
        Relation r = e.relation();
        store.deleteRelation(r.sourceId(), r.id(), Condition.ifMatch(r.etag()), e);
        return null;
      }
    });
  }

  /**
   * Reads the whole graph at one point of its history: every twin and relationship, and the
   * sequence number of the last change they include. Changes wait while the snapshot is read (their
   * commit pauses; reads go on), so the three agree: replaying the events after
   * {@link GraphSnapshot#sequence()} onto the {@link Builder#restore restored} snapshot gives this
   * graph back.
   *
   * @return the snapshot (immutable twins and relationships, shared with the graph)
   */
  public GraphSnapshot snapshot() {
    return store.snapshot();
  }

  // ------------------------------------------------------------------------------------ events

  /**
   * Subscribes synchronously: the listener runs in the writing thread, in commit order, before the
   * write returns. It must be quick and must not write to this graph (use an executor for that).
   * An exception it throws is counted and logged; the write stands.
   *
   * @param filter which events to deliver, e.g. {@link ChangeFilters#patchSets}
   * @param listener the listener
   * @return the subscription
   */
  public Subscription subscribe(Predicate<? super ChangeEvent> filter, Consumer<? super ChangeEvent> listener) {
    return store.subscribe(filter, listener, null);
  }

  /**
   * Subscribes asynchronously: events are queued per subscription and delivered in commit order on
   * the executor.
   *
   * @param filter which events to deliver
   * @param listener the listener
   * @param executor where the listener runs
   * @return the subscription
   */
  public Subscription subscribe(Predicate<? super ChangeEvent> filter, Consumer<? super ChangeEvent> listener,
      Executor executor) {
    return store.subscribe(filter, listener, Objects.requireNonNull(executor, "executor"));
  }

  /** Renders the counts only, e.g. {@code Twins[twins=9, relationships=8, models=4, version=17]}. */
  @Override
  public String toString() {
    return store.toString();
  }

  private Dtmi parseModel(String id, String model) {
    Dtmi d = modelIds.get(model);
    if (d != null) return d;
    if (!Dtmi.isValid(model)) {
      throw new GraphException(GraphException.Code.MODEL_NOT_FOUND, id, "'" + model + "' is not a model DTMI");
    }
    d = Dtmi.of(model);
    if (modelIds.size() < 1024) modelIds.put(model, d);
    return d;
  }

  /** Options of a graph, each checked as it is set. Defaults follow Azure Digital Twins. */
  public static final class Builder {
    private final Models models;
    private boolean cascadeDelete;
    private boolean enforceMaxMultiplicity;
    private boolean enforceWritable;
    private boolean allowSelfRelationships;
    private Clock clock = Clock.systemUTC();
    private CommitHook commitHook;

    private Builder(Models models) {
      this.models = Objects.requireNonNull(models, "models");
    }

    /**
     * Deleting a twin deletes its relationships first (default: refuse, as Azure Digital Twins).
     *
     * @param on whether to cascade
     * @return this builder
     */
    public Builder cascadeDelete(boolean on) {
      this.cascadeDelete = on;
      return this;
    }

    /**
     * Refuse relationships beyond a Relationship's {@code maxMultiplicity} (default: allow, as ADT).
     *
     * @param on whether to enforce
     * @return this builder
     */
    public Builder enforceMaxMultiplicity(boolean on) {
      this.enforceMaxMultiplicity = on;
      return this;
    }

    /**
     * Refuse writes to properties that are not {@code writable} (default: allow, as ADT).
     *
     * @param on whether to enforce
     * @return this builder
     */
    public Builder enforceWritable(boolean on) {
      this.enforceWritable = on;
      return this;
    }

    /**
     * Allow a relationship from a twin to itself (default: refuse, as ADT).
     *
     * @param on whether to allow
     * @return this builder
     */
    public Builder allowSelfRelationships(boolean on) {
      this.allowSelfRelationships = on;
      return this;
    }

    /**
     * Sets the clock of metadata times (default: the UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the graph's persistence SPI (default: none): a hook told of every change, live or
     * {@link Twins#apply applied}, in commit order, whose completion runs before the write returns
     * and can fail it with {@link GraphException.Code#NOT_DURABLE}. See {@link CommitHook}; a durable
     * store sets its own.
     *
     * @param hook the hook
     * @return this builder
     */
    public Builder commitHook(CommitHook hook) {
      this.commitHook = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** @return the graph */
    public Twins build() {
      return new Twins(new GraphStore(models, new GraphStore.Options(cascadeDelete, enforceMaxMultiplicity,
          enforceWritable, allowSelfRelationships, clock), commitHook));
    }

    /**
     * Builds the graph holding a snapshot's twins and relationships as they were (ETags, versions,
     * times, per-property metadata), with the snapshot's sequence number as its
     * {@link Twins#version() last change}, so that the changes after it can be
     * {@link Twins#apply replayed}. Each twin and relationship is validated against the models as a
     * write would be (except a relationship's name and target model: the models of its twins may
     * have changed since it was made); no change events are delivered (there are no subscribers yet).
     *
     * @param snapshot the snapshot, e.g. from {@link Twins#snapshot()} or read back from storage
     * @return the graph
     * @throws GraphException if a twin or relationship does not fit the models, a relationship's
     *     twin is missing, or an id repeats
     */
    public Twins restore(GraphSnapshot snapshot) {
      Objects.requireNonNull(snapshot, "snapshot");
      Twins t = build();
      t.store.restore(snapshot);
      return t;
    }
  }
}
