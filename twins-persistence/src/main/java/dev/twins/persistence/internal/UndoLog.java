package dev.twins.persistence.internal;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.Twins;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The graph changes whose journal records are not yet known to be acknowledged, in commit order,
 * each with what it replaced: if the journal fails, the store takes them back
 * ({@link Twins#revert}), newest first. Entries at or before the journal's acknowledged record are
 * dropped as new ones come. Callers synchronise on the log.
 */
final class UndoLog {
  /** A change, its journal record and, for an update, the twin or relationship it replaced. */
  record Step(long lsn, ChangeEvent change, Optional<?> before) {}

  private final ArrayDeque<Step> steps = new ArrayDeque<>();
  private long acknowledged;
  /** Told of each change once acknowledged, in commit order; null for no one. */
  private java.util.function.Consumer<ChangeEvent> onAcknowledged;

  /**
   * Sets who is told of each change once it is acknowledged, in commit order (under the log's lock).
   *
   * @param listener the listener
   */
  void onAcknowledged(java.util.function.Consumer<ChangeEvent> listener) {
    onAcknowledged = listener;
  }

  /**
   * Records a change as it commits (inside the graph's commit: the graph still shows the state before it).
   *
   * @param lsn the change's journal record
   * @param change the change
   * @param graph the graph, read for the state the change replaces
   */
  void record(long lsn, ChangeEvent change, Twins graph) {
    Optional<?> before;
    if (change instanceof ChangeEvent.TwinUpdated) {
      before = graph.twin(change.twinId());
    } else if (change instanceof ChangeEvent.RelationUpdated) {
      ChangeEvent.RelationUpdated u = (ChangeEvent.RelationUpdated) change;
      before = graph.relation(u.relation().sourceId(), u.relation().id());
    } else {
      before = Optional.empty();
    }
    steps.addLast(new Step(lsn, change, before));
  }

  /**
   * Drops the entries the journal acknowledged.
   *
   * @param lsn the last acknowledged record
   */
  void acknowledged(long lsn) {
    if (lsn <= acknowledged) return;
    acknowledged = lsn;
    java.util.function.Consumer<ChangeEvent> l = onAcknowledged;
    while (!steps.isEmpty() && steps.peekFirst().lsn() <= lsn) {
      Step st = steps.removeFirst();
      if (l != null) l.accept(st.change());
    }
  }

  /**
   * Takes the entries after the last acknowledged record, oldest first, and empties the log.
   *
   * @param lsn the last acknowledged record
   * @return the entries after it
   */
  List<Step> after(long lsn) {
    acknowledged(lsn);
    List<Step> out = new ArrayList<>(steps);
    steps.clear();
    return out;
  }

  /** @return the number of entries held */
  int size() {
    return steps.size();
  }
}
