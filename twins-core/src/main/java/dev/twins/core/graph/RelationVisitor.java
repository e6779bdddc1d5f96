package dev.twins.core.graph;

/**
 * Visits relationships together with the twin at their other end, as
 * {@link Twins#forEachOutgoingTwin(String, String, RelationVisitor)} and its siblings walk them:
 * the graph hands over the relationship and the current state of the other twin (the target of an
 * outgoing relationship, the source of an incoming one) straight from its adjacency, without
 * looking the twin up by id and without allocating.
 *
 * <pre>{@code
 * twins.forEachOutgoingTwin("room-101", "contains", (rel, sensor) -> {
 *   sensor.number("value").ifPresent(v -> System.out.println(sensor.id() + " " + v));
 *   return true;                        // go on; false stops the visit
 * });
 * }</pre>
 */
@FunctionalInterface
public interface RelationVisitor {
  /**
   * Visits one relationship.
   *
   * @param relation the relationship
   * @param twin the current state of the twin at its other end: the target of an outgoing
   *     relationship, the source of an incoming one
   * @return true to go on, false to stop the visit
   */
  boolean visit(Relation relation, Twin twin);
}
