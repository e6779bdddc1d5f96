/**
 * Twins persistence: durable twin stores in a directory (journal, snapshots, recovery) and import
 * and export of twin graphs (ADT bulk-import NDJSON, plain JSON, DOT, GraphML).
 *
 * <p>Entry point: {@link dev.twins.persistence.TwinStore}.
 */
module dev.twins.persistence {
  requires transitive dev.twins.core;
  requires org.jgrapht.io;

  exports dev.twins.persistence;
}
