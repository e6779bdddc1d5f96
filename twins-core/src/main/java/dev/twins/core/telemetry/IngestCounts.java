package dev.twins.core.telemetry;

/**
 * Counters of a {@link TelemetryHub} since it was created, one per message.
 *
 * @param accepted messages applied (late ones included)
 * @param late accepted messages older than the newest reading they joined (a subset of {@code accepted})
 * @param duplicates messages dropped because their id was seen for the same twin within the window
 * @param rejected messages rejected (see {@link TelemetryHub#deadLetters()})
 * @param derivedWrites property writes made by rules
 * @param ruleFailures rule evaluations or derived writes that failed (see {@link Rules#lastFailure()})
 */
public record IngestCounts(long accepted, long late, long duplicates, long rejected, long derivedWrites,
    long ruleFailures) {
  /** @return every message counted: accepted, duplicates and rejected */
  public long received() {
    return accepted + duplicates + rejected;
  }
}
