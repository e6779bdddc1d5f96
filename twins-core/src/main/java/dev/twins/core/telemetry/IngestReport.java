package dev.twins.core.telemetry;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of ingesting a batch or a file: one count per message, and the rejections with their
 * line and field (the first {@value #MAX_REJECTIONS}; all of them are counted, and all are also in
 * {@link TelemetryHub#deadLetters()} within its capacity).
 *
 * @param source the batch or file name
 * @param messages messages read (for files: non-blank lines after the header)
 * @param accepted messages applied (late ones included)
 * @param late accepted messages placed behind a newer reading
 * @param duplicates messages dropped as duplicates
 * @param rejected messages rejected
 * @param rejections the first rejections, in order
 */
public record IngestReport(String source, long messages, long accepted, long late, long duplicates, long rejected,
    List<DeadLetter> rejections) {
  /** How many rejections a report lists. */
  public static final int MAX_REJECTIONS = 100;

  /** Checks and copies. */
  public IngestReport {
    Objects.requireNonNull(source, "source");
    rejections = List.copyOf(rejections);
  }

  /** Renders the counts, e.g. {@code IngestReport[feed.csv: 120 messages, 118 accepted (2 late), 1 duplicate, 1 rejected]}. */
  @Override
  public String toString() {
    return "IngestReport[" + source + ": " + messages + " messages, " + accepted + " accepted (" + late + " late), "
        + duplicates + " duplicate" + (duplicates == 1 ? "" : "s") + ", " + rejected + " rejected]";
  }
}
