package dev.twins.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What opening a store found and did: the snapshot it started from, how many journal records it
 * replayed, and anything it cut off.
 *
 * @param snapshot the snapshot loaded, if any
 * @param snapshotSequence the graph version the snapshot holds (0 without one)
 * @param recordsReplayed the journal records applied after the snapshot
 * @param telemetryRefused telemetry samples or messages the restored hub did not accept again
 *     (duplicates, or readings of twins deleted meanwhile); normally zero
 * @param graphVersion the graph's version after recovery
 * @param tornTail a torn record at the journal's tail that was cut off (the normal trace of a crash)
 * @param truncatedCorruption damage in the journal that was cut off, with everything after it,
 *     because the store was opened with {@link CorruptionPolicy#TRUNCATE}
 * @param skippedSnapshots damaged snapshots that were passed over for an older one
 * @param took how long recovery took
 */
public record RecoveryReport(Optional<Path> snapshot, long snapshotSequence, long recordsReplayed, long telemetryRefused,
    long graphVersion,
    Optional<Truncation> tornTail, Optional<Truncation> truncatedCorruption, List<String> skippedSnapshots,
    Duration took) {
  /** Checks for nulls and copies the list. */
  public RecoveryReport {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(tornTail, "tornTail");
    Objects.requireNonNull(truncatedCorruption, "truncatedCorruption");
    skippedSnapshots = List.copyOf(skippedSnapshots);
    Objects.requireNonNull(took, "took");
  }

  /**
   * Bytes cut off the end of the journal.
   *
   * @param file the segment
   * @param offset where the cut was made
   * @param bytesDropped how many bytes were removed (later segments included)
   * @param reason what was wrong at {@code offset}
   */
  public record Truncation(Path file, long offset, long bytesDropped, String reason) {
    /** Checks for nulls. */
    public Truncation {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Renders e.g. {@code RecoveryReport[snapshot=snapshot-…, replayed=120, version=4711, tornTail=…]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RecoveryReport[");
    sb.append("snapshot=").append(snapshot.map(p -> p.getFileName().toString()).orElse("none"));
    sb.append(", replayed=").append(recordsReplayed).append(", version=").append(graphVersion);
    tornTail.ifPresent(t -> sb.append(", tornTail=").append(t.file().getFileName()).append('@').append(t.offset()));
    truncatedCorruption.ifPresent(t -> sb.append(", truncated=").append(t.file().getFileName()).append('@')
        .append(t.offset()));
    if (!skippedSnapshots.isEmpty()) sb.append(", skippedSnapshots=").append(skippedSnapshots.size());
    return sb.append(", took=").append(took.toMillis()).append("ms]").toString();
  }
}
