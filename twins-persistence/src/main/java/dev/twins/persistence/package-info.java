/**
 * Durable twin stores, and twin graphs in and out of files.
 *
 * <p>A tour:
 * <ul>
 *   <li>{@link dev.twins.persistence.TwinStore}: the entry point. {@code TwinStore.open(dir)} (or
 *       {@code TwinStore.builder(dir)...open()}) locks a directory, recovers the graph and its
 *       telemetry, and hands out {@link dev.twins.persistence.TwinStore#twins()} and
 *       {@link dev.twins.persistence.TwinStore#telemetry()}, whose writes are journaled and
 *       acknowledged once durable;
 *   <li>{@link dev.twins.persistence.Durability}: when writes reach the disk, and what a crash can
 *       lose;
 *   <li>{@link dev.twins.persistence.RecoveryReport}: what opening found (snapshot, records
 *       replayed, a torn tail cut off); {@link dev.twins.persistence.CorruptionPolicy}: what to do
 *       about damage before the tail; {@link dev.twins.persistence.StoreException}: every failure,
 *       with the file and byte offset;
 *   <li>{@link dev.twins.persistence.GraphFiles}: import of DTDL, bulk-import NDJSON and Explorer
 *       JSON files into a store, export as {@link dev.twins.persistence.ExportFormat NDJSON, JSON,
 *       DOT or GraphML}.
 * </ul>
 *
 * <p>Goals: every acknowledged write survives a crash, damage is never skipped silently, every
 * file format is versioned and documented ({@code docs/formats.md}). Non-goals: replication, and
 * stores shared by several processes at once.
 */
package dev.twins.persistence;
