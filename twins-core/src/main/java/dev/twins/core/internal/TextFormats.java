package dev.twins.core.internal;

/**
 * Syntax checks for the DTDL primitive schemas that are written as JSON strings: {@code date},
 * {@code time}, {@code dateTime}, {@code duration}, {@code uuid}, {@code bytes} and the string
 * form of {@code decimal}.
 *
 * <p>Each check is a hand-written scanner: no regular expression, no allocation and no exception
 * when the text is valid. Each returns {@code null} when the text is valid and otherwise a short
 * reason that completes the sentence "... is not a valid X: <i>reason</i>".
 *
 * <p>Decisions where the standards leave room (documented on {@link InstanceValidator}):
 *
 * <ul>
 *   <li>Times follow the RFC 3339 grammar: hour 00-23 (so {@code 24:00:00} is rejected),
 *       seconds are required, any number of fraction digits. A leap second (second {@code 60})
 *       is rejected although the grammar allows it, because {@code java.time} cannot represent
 *       it and every accepted value must be convertible.
 *   <li>Durations follow ISO 8601 {@code PnYnMnDTnHnMnS} or {@code PnW}: at least one
 *       component, components in that order and at most once each, {@code T} only before time
 *       components and never last, a fraction ({@code .} or {@code ,}) only on the last
 *       component, no sign.
 *   <li>Base64 is the standard alphabet of RFC 4648 section 4; padding is optional but, when
 *       present, must be correct. Whitespace and the URL-safe alphabet are rejected.
 * </ul>
 */
public final class TextFormats {
  private TextFormats() {}

  // ---------------------------------------------------------------- dates and times

  /**
   * Checks an RFC 3339 {@code full-date}, a real day of the proleptic Gregorian calendar.
   *
   * @param s the text
   * @return {@code null} when valid, otherwise the reason
   */
  static String date(String s) {
    if (s.length() != 10) {
      return "expected the form yyyy-MM-dd";
    }
    return dateAt(s, 0);
  }

  /**
   * Checks an RFC 3339 {@code partial-time} or {@code full-time}: {@code HH:mm:ss}, an optional
   * fraction and an optional offset.
   *
   * @param s the text
   * @return {@code null} when valid, otherwise the reason
   */
  static String time(String s) {
    return timeAt(s, 0, false);
  }

  /**
   * Checks an RFC 3339 {@code date-time}: a full date, {@code T} (or {@code t}), a time and a
   * required offset ({@code Z}, {@code z} or {@code ±hh:mm}).
   *
   * @param s the text
   * @return {@code null} when valid, otherwise the reason
   */
  static String dateTime(String s) {
    if (s.length() < 10) {
      return "expected the form yyyy-MM-ddTHH:mm:ssZ or yyyy-MM-ddTHH:mm:ss+hh:mm";
    }
    String problem = dateAt(s, 0);
    if (problem != null) {
      return problem;
    }
    if (s.length() == 10) {
      return "the time is missing (expected T and HH:mm:ss with an offset after the date)";
    }
    char sep = s.charAt(10);
    if (sep != 'T' && sep != 't') {
      return sep == ' '
          ? "the date and the time must be separated by T, not a space"
          : "expected T between the date and the time, found '" + sep + "'";
    }
    return timeAt(s, 11, true);
  }

  private static String dateAt(String s, int at) {
    if (s.length() < at + 10
        || !digits(s, at, 4)
        || s.charAt(at + 4) != '-'
        || !digits(s, at + 5, 2)
        || s.charAt(at + 7) != '-'
        || !digits(s, at + 8, 2)) {
      return "expected the form yyyy-MM-dd";
    }
    int year = number(s, at, 4);
    int month = number(s, at + 5, 2);
    int day = number(s, at + 8, 2);
    if (month < 1 || month > 12) {
      return "month " + s.substring(at + 5, at + 7) + " does not exist";
    }
    if (day < 1 || day > daysInMonth(year, month)) {
      return "day " + s.substring(at + 8, at + 10) + " does not exist in " + s.substring(at, at + 7);
    }
    return null;
  }

  private static String timeAt(String s, int at, boolean offsetRequired) {
    int n = s.length();
    if (n < at + 8
        || !digits(s, at, 2)
        || s.charAt(at + 2) != ':'
        || !digits(s, at + 3, 2)
        || s.charAt(at + 5) != ':'
        || !digits(s, at + 6, 2)) {
      return n >= at + 5 && n < at + 8 && digits(s, at, 2) && s.charAt(at + 2) == ':'
          ? "seconds are required (HH:mm:ss)"
          : "expected the time as HH:mm:ss";
    }
    int hour = number(s, at, 2);
    int minute = number(s, at + 3, 2);
    int second = number(s, at + 6, 2);
    if (hour > 23) {
      return "hour " + s.substring(at, at + 2) + " is out of range 00-23";
    }
    if (minute > 59) {
      return "minute " + s.substring(at + 3, at + 5) + " is out of range 00-59";
    }
    if (second == 60) {
      return "leap seconds (second 60) are not supported";
    }
    if (second > 59) {
      return "second " + s.substring(at + 6, at + 8) + " is out of range 00-59";
    }
    int i = at + 8;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return "expected digits after the decimal point";
      }
    }
    if (i == n) {
      return offsetRequired ? "the offset is missing (Z or ±hh:mm)" : null;
    }
    char c = s.charAt(i);
    if (c == 'Z' || c == 'z') {
      return i + 1 == n ? null : "unexpected text after the offset Z";
    }
    if (c == '+' || c == '-') {
      if (n != i + 6 || !digits(s, i + 1, 2) || s.charAt(i + 3) != ':' || !digits(s, i + 4, 2)) {
        return "expected the offset as ±hh:mm";
      }
      if (number(s, i + 1, 2) > 23) {
        return "offset hour " + s.substring(i + 1, i + 3) + " is out of range 00-23";
      }
      if (number(s, i + 4, 2) > 59) {
        return "offset minute " + s.substring(i + 4, i + 6) + " is out of range 00-59";
      }
      return null;
    }
    return "unexpected '" + c + "' after the seconds (expected a fraction or an offset)";
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  // ---------------------------------------------------------------- duration

  private static final int NO_COMPONENT = -1;

  /**
   * Checks an ISO 8601 duration: {@code PnYnMnDTnHnMnS} (any non-empty subset, in that order) or
   * {@code PnW}; the last component may have a fraction.
   *
   * @param s the text
   * @return {@code null} when valid, otherwise the reason
   */
  public static String duration(String s) {
    int n = s.length();
    if (n == 0 || s.charAt(0) != 'P') {
      if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
        return "ISO 8601 durations have no sign";
      }
      if (n > 0 && s.charAt(0) == 'p') {
        return "the designators must be upper case (P, Y, M, W, D, T, H, M, S)";
      }
      return "expected the form PnYnMnDTnHnMnS or PnW, starting with P";
    }
    int i = 1;
    boolean inTime = false;
    boolean timeComponent = false;
    boolean fractionSeen = false;
    int last = NO_COMPONENT;
    int components = 0;
    boolean weeks = false;
    while (i < n) {
      char c = s.charAt(i);
      if (c == 'T') {
        if (inTime) {
          return "T appears twice";
        }
        inTime = true;
        i++;
        continue;
      }
      if (fractionSeen) {
        return "only the last component may have a fraction";
      }
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return "expected a number at position " + i + ", found '" + c + "'";
      }
      boolean fraction = false;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        int fractionStart = ++i;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
        if (i == fractionStart) {
          return "expected digits after the decimal mark";
        }
        fraction = true;
      }
      if (i == n) {
        return "the number at the end has no designator";
      }
      char designator = s.charAt(i++);
      int order = inTime ? timeOrder(designator) : dateOrder(designator);
      if (order == NO_COMPONENT) {
        if (!inTime && (designator == 'H' || designator == 'S')) {
          return "hours, minutes and seconds must follow T (e.g. PT1H)";
        }
        return "unexpected '" + designator + "' in the " + (inTime ? "time" : "date") + " part";
      }
      if (order <= last) {
        return "'" + designator + "' is repeated or out of order (order: Y M W D T H M S)";
      }
      last = order;
      components++;
      weeks |= designator == 'W' && !inTime;
      timeComponent |= inTime;
      fractionSeen = fraction;
    }
    if (components == 0) {
      return "it has no components (e.g. P1D or PT0S)";
    }
    if (inTime && !timeComponent) {
      return "T must be followed by hours, minutes or seconds";
    }
    if (weeks && components > 1) {
      return "weeks (W) cannot be combined with other components";
    }
    return null;
  }

  private static int dateOrder(char c) {
    switch (c) {
      case 'Y':
        return 0;
      case 'M':
        return 1;
      case 'W':
        return 2;
      case 'D':
        return 3;
      default:
        return NO_COMPONENT;
    }
  }

  private static int timeOrder(char c) {
    switch (c) {
      case 'H':
        return 4;
      case 'M':
        return 5;
      case 'S':
        return 6;
      default:
        return NO_COMPONENT;
    }
  }

  // ---------------------------------------------------------------- uuid, base64, decimal

  /**
   * Checks a UUID in the canonical 8-4-4-4-12 form of RFC 9562 (hex digits of either case).
   *
   * @param s the text
   * @return {@code null} when valid, otherwise the reason
   */
  static String uuid(String s) {
    if (s.length() != 36) {
      return "expected 32 hex digits as 8-4-4-4-12, e.g. 123e4567-e89b-12d3-a456-426614174000";
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return "expected '-' at position " + i;
        }
      } else if (!isHex(c)) {
        return "'" + c + "' at position " + i + " is not a hex digit";
      }
    }
    return null;
  }

  /**
   * Checks base64 text (RFC 4648 section 4, standard alphabet, padding optional).
   *
   * @param s the text
   * @return {@code null} when valid, otherwise the reason
   */
  static String base64(String s) {
    int n = s.length();
    int padding = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '=') {
        padding++;
      } else if (padding > 0) {
        return "'=' padding may only appear at the end";
      } else if (!isBase64(c)) {
        if (c == '-' || c == '_') {
          return "'" + c + "' at position " + i + " belongs to base64url; use the standard alphabet (+ and /)";
        }
        return "'" + printable(c) + "' at position " + i + " is not a base64 character";
      }
    }
    if (padding > 2) {
      return "at most two '=' may pad the end";
    }
    if (padding > 0 && n % 4 != 0) {
      return "padded base64 must have a length that is a multiple of 4";
    }
    if ((n - padding) % 4 == 1) {
      return "a length of 4k+1 characters cannot encode whole bytes";
    }
    return null;
  }

  /**
   * Checks the string form of a DTDL {@code decimal}: decimal digits with an optional decimal
   * point and fraction, optionally preceded by a sign (no exponent).
   *
   * @param s the text
   * @return {@code null} when valid, otherwise the reason
   */
  static String decimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int start = i;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    if (i == start) {
      return "expected digits, e.g. -12.50";
    }
    if (i < n && s.charAt(i) == '.') {
      int fractionStart = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == fractionStart) {
        return "expected digits after the decimal point";
      }
    }
    if (i < n) {
      char c = s.charAt(i);
      return c == 'e' || c == 'E'
          ? "exponents are not allowed; write all the digits"
          : "unexpected '" + printable(c) + "' at position " + i;
    }
    return null;
  }

  /**
   * Finds an unpaired UTF-16 surrogate, which no UTF-8 string can contain.
   *
   * @param s the text
   * @return the index of the first unpaired surrogate, or {@code -1}
   */
  static int unpairedSurrogate(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- characters

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isBase64(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  }

  private static boolean digits(String s, int at, int count) {
    if (s.length() < at + count) {
      return false;
    }
    for (int i = at; i < at + count; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
