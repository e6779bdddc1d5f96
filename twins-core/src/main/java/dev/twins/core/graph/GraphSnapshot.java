package dev.twins.core.graph;

import java.util.List;

/**
 * Every twin and relationship of a graph at one point of its history, with the sequence number of
 * the last change before that point: what {@link Twins#snapshot()} reads and
 * {@link Twins.Builder#restore(GraphSnapshot)} restores. Together with the change events after
 * {@link #sequence()} (replayed with {@link Twins#apply(ChangeEvent)}) it gives back the graph
 * exactly, ETags and metadata included.
 *
 * @param sequence the sequence number of the last change the snapshot includes; 0 for an empty graph
 * @param twins the twins, in no particular order
 * @param relations the relationships, in no particular order
 */
public record GraphSnapshot(long sequence, List<Twin> twins, List<Relation> relations) {
  /** Checks the sequence number and copies the lists (unmodifiable). */
  public GraphSnapshot {
    if (sequence < 0) throw new IllegalArgumentException("sequence must not be negative: " + sequence);
    twins = List.copyOf(twins);
    relations = List.copyOf(relations);
  }

  /** Renders the sequence number and the counts only. */
  @Override
  public String toString() {
    return "GraphSnapshot[sequence=" + sequence + ", twins=" + twins.size() + ", relations=" + relations.size() + "]";
  }
}
