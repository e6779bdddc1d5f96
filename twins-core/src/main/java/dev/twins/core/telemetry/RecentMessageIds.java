package dev.twins.core.telemetry;

import java.util.List;
import java.util.Objects;

/**
 * The message ids one twin remembers to drop duplicates (its duplicate window): what a durable
 * store keeps in its snapshots so that a message sent again after a reopen is recognised as it
 * would be without one. Read with {@link TelemetryHub#forEachRecentMessageIds}, put back with
 * {@link TelemetryHub#restoreRecentMessageIds}.
 *
 * @param twinId the twin
 * @param newestEpochMillis the newest source time among the ids the twin was ever given (the window
 *     ends there); {@link Long#MIN_VALUE} if none
 * @param ids the remembered ids, in the order they were first seen (oldest first)
 */
public record RecentMessageIds(String twinId, long newestEpochMillis, List<Entry> ids) {
  /**
   * One remembered id.
   *
   * @param messageId the message id
   * @param epochMillis the source time of the message that carried it
   */
  public record Entry(String messageId, long epochMillis) {
    /** Checks for null. */
    public Entry {
      Objects.requireNonNull(messageId, "messageId");
    }
  }

  /** Checks for nulls and copies the list. */
  public RecentMessageIds {
    Objects.requireNonNull(twinId, "twinId");
    ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
  }
}
