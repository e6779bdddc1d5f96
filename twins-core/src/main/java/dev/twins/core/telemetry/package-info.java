/**
 * Telemetry for the twin graph: ingest, newest readings, and properties kept up to date from
 * telemetry and along relationships.
 *
 * <p>Start with {@link dev.twins.core.telemetry.TelemetryHub#attach}: it takes
 * {@link dev.twins.core.telemetry.TelemetryMessage}s one at a time, in batches, or as NDJSON or CSV
 * lines, and typed values through a resolved {@link dev.twins.core.telemetry.Channel} (the fast,
 * allocation-free path). Every call answers with an {@link dev.twins.core.telemetry.Outcome};
 * rejected messages are kept as {@link dev.twins.core.telemetry.DeadLetter}s and everything is
 * counted in {@link dev.twins.core.telemetry.IngestCounts}. {@link dev.twins.core.telemetry.Rule}s
 * (added through {@link dev.twins.core.telemetry.Rules}) derive properties from a twin's telemetry
 * ({@link dev.twins.core.telemetry.Derivation}) or from related twins
 * ({@link dev.twins.core.telemetry.Aggregate}), to any depth, incrementally and without cycles.
 */
package dev.twins.core.telemetry;
