/**
 * Implementation of telemetry ingest: per-twin state with a slot per telemetry, the rule engine
 * that propagates derived properties, and the NDJSON and CSV readers.
 */
package dev.twins.core.internal.telemetry;
