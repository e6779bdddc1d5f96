package dev.twins.core.graph;

import dev.twins.core.model.Dtmi;
import java.time.Instant;
import java.util.Objects;

/**
 * A change of the twin graph. Every write produces exactly one event; its {@link #sequence()} is
 * strictly increasing across the whole graph, in commit order.
 */
public sealed interface ChangeEvent {
  /** @return the position of the change in the graph's history, strictly increasing */
  long sequence();

  /** @return when the change was committed */
  Instant time();

  /** @return the twin the change is about (the source twin, for relationships) */
  String twinId();

  /**
   * Calls the visitor method for this kind of event.
   *
   * @param visitor the visitor
   * @param <R> the result type
   * @return what the visitor returns
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * A function over the kinds of change.
   *
   * @param <R> the result type
   */
  interface Visitor<R> {
    /** @param e the event @return the result */
    R twinCreated(TwinCreated e);

    /** @param e the event @return the result */
    R twinUpdated(TwinUpdated e);

    /** @param e the event @return the result */
    R twinDeleted(TwinDeleted e);

    /** @param e the event @return the result */
    R relationCreated(RelationCreated e);

    /** @param e the event @return the result */
    R relationUpdated(RelationUpdated e);

    /** @param e the event @return the result */
    R relationDeleted(RelationDeleted e);
  }

  /**
   * A twin was created.
   *
   * @param sequence the position in the graph's history
   * @param time when
   * @param twin the twin as created
   */
  record TwinCreated(long sequence, Instant time, Twin twin) implements ChangeEvent {
    /** Checks for nulls. */
    public TwinCreated {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(twin, "twin");
    }

    @Override
    public String twinId() {
      return twin.id();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.twinCreated(this);
    }
  }

  /**
   * A twin was updated: by a JSON Patch, or replaced as a whole (then {@code patch} is the
   * difference between the two states).
   *
   * @param sequence the position in the graph's history
   * @param time when
   * @param modelId the twin's model after the change
   * @param patch the change, as JSON Patch on the twin's JSON
   * @param twin the twin after the change
   */
  record TwinUpdated(long sequence, Instant time, Dtmi modelId, JsonPatch patch, Twin twin) implements ChangeEvent {
    /** Checks for nulls. */
    public TwinUpdated {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(modelId, "modelId");
      Objects.requireNonNull(patch, "patch");
      Objects.requireNonNull(twin, "twin");
    }

    @Override
    public String twinId() {
      return twin.id();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.twinUpdated(this);
    }
  }

  /**
   * A twin was deleted.
   *
   * @param sequence the position in the graph's history
   * @param time when
   * @param twin the twin as it was last
   */
  record TwinDeleted(long sequence, Instant time, Twin twin) implements ChangeEvent {
    /** Checks for nulls. */
    public TwinDeleted {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(twin, "twin");
    }

    @Override
    public String twinId() {
      return twin.id();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.twinDeleted(this);
    }
  }

  /**
   * A relationship was created.
   *
   * @param sequence the position in the graph's history
   * @param time when
   * @param relation the relationship as created
   */
  record RelationCreated(long sequence, Instant time, Relation relation) implements ChangeEvent {
    /** Checks for nulls. */
    public RelationCreated {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(relation, "relation");
    }

    @Override
    public String twinId() {
      return relation.sourceId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.relationCreated(this);
    }
  }

  /**
   * A relationship's properties changed, or it was replaced.
   *
   * @param sequence the position in the graph's history
   * @param time when
   * @param patch the change, as JSON Patch on the relationship's properties
   * @param relation the relationship after the change
   */
  record RelationUpdated(long sequence, Instant time, JsonPatch patch, Relation relation) implements ChangeEvent {
    /** Checks for nulls. */
    public RelationUpdated {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(patch, "patch");
      Objects.requireNonNull(relation, "relation");
    }

    @Override
    public String twinId() {
      return relation.sourceId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.relationUpdated(this);
    }
  }

  /**
   * A relationship was deleted.
   *
   * @param sequence the position in the graph's history
   * @param time when
   * @param relation the relationship as it was last
   */
  record RelationDeleted(long sequence, Instant time, Relation relation) implements ChangeEvent {
    /** Checks for nulls. */
    public RelationDeleted {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(relation, "relation");
    }

    @Override
    public String twinId() {
      return relation.sourceId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.relationDeleted(this);
    }
  }
}
