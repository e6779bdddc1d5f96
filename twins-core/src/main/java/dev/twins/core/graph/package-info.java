/**
 * The twin graph: {@link dev.twins.core.graph.Twins} holds twins and relationships typed by DTDL
 * models, validates every write, keeps ADT's metadata and ETags, indexes twins by model, and
 * publishes {@link dev.twins.core.graph.ChangeEvent}s. Snapshots ({@link dev.twins.core.graph.Twin},
 * {@link dev.twins.core.graph.Relation}) are immutable.
 */
package dev.twins.core.graph;
