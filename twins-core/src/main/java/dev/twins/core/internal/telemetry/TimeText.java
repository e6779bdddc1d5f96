package dev.twins.core.internal.telemetry;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** Reads source times: RFC 3339 with an offset, epoch milliseconds, or local date-times in a configured zone. */
final class TimeText {
  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .toFormatter();
  private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral('t').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .parseCaseInsensitive()
      .appendOffset("+HH:MM", "Z")
      .toFormatter();

  private TimeText() {}

  /**
   * Parses a time.
   *
   * @param text the text
   * @param zone the zone of local times, or null
   * @return epoch milliseconds
   * @throws IllegalArgumentException naming what is wrong
   */
  static long parse(String text, ZoneId zone) {
    String s = text.trim();
    if (s.isEmpty()) throw new IllegalArgumentException("the source time is empty");
    if (isDigits(s)) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("source time " + quote(text) + " is out of range for epoch milliseconds");
      }
    }
    try {
      return OffsetDateTime.parse(s, OFFSET).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      // try local
    }
    try {
      LocalDateTime local = LocalDateTime.parse(s, LOCAL);
      if (zone == null) {
        throw new IllegalArgumentException("source time " + quote(text)
            + " has no offset; write it with one (2024-05-01T12:00:00Z) or set the hub's localTimeZone");
      }
      return local.atZone(zone).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("source time " + quote(text)
          + " is not a time: expected RFC 3339 (2024-05-01T12:00:00Z) or epoch milliseconds");
    }
  }

  private static boolean isDigits(String s) {
    int start = s.charAt(0) == '-' ? 1 : 0;
    if (start == s.length()) return false;
    for (int i = start; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    return true;
  }

  static String quote(String s) {
    return "\"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"";
  }

}
