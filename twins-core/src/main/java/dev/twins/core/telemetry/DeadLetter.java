package dev.twins.core.telemetry;

import java.util.Objects;

/**
 * A rejected telemetry message and why it was rejected.
 *
 * @param source where the message came from: {@code api}, {@code batch}, or a file name given to
 *     {@link TelemetryHub#ingestNdjson} / {@link TelemetryHub#ingestCsv}
 * @param line the 1-based line of a file (or position in a batch); 0 for single API calls
 * @param field the column or member at fault (a CSV header name with its 1-based column, a JSON
 *     pointer, or a telemetry name); empty when the whole message is at fault
 * @param twinId the twin the message names; empty when it names none
 * @param reason what is wrong, in words that say what to change
 * @param text the message as received (a file line, or a rendering of the API call), cut to 500
 *     characters
 */
public record DeadLetter(String source, long line, String field, String twinId, String reason, String text) {
  /** Checks the fields. */
  public DeadLetter {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(text, "text");
    if (text.length() > 500) text = text.substring(0, 497) + "...";
  }

  /** Renders {@code source:line: [field] reason}, e.g. {@code feed.csv:12: [temp (column 3)] not a number: "abc"}. */
  @Override
  public String toString() {
    return source + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : "[" + field + "] ") + reason;
  }
}
