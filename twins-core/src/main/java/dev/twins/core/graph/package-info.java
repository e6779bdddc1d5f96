/**
 * The twin graph: {@link dev.twins.core.graph.Twins} holds twins and relationships typed by DTDL
 * models, validates every write, keeps ADT's metadata and ETags, and publishes ordered
 * {@link dev.twins.core.graph.ChangeEvent}s that {@link dev.twins.core.graph.ChangeFilters} select.
 * Snapshots ({@link dev.twins.core.graph.Twin}, {@link dev.twins.core.graph.Relation}) are
 * immutable. Updates are {@link dev.twins.core.graph.JsonPatch}es. Power features sit behind one
 * accessor each: {@link dev.twins.core.graph.Twins#indexes()} for property-value indexes
 * (equality and ranges), {@link dev.twins.core.graph.Twins#asGraph()} for a read-only JGraphT view
 * on which every JGraphT algorithm runs without copying.
 */
package dev.twins.core.graph;
