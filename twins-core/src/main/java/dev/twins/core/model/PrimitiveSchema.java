package dev.twins.core.model;

import java.util.Optional;

/** The primitive schemas of DTDL (v2 and v3; the v4 additions are marked). */
public enum PrimitiveSchema implements Schema {
  /** {@code true} or {@code false}. */
  BOOLEAN("boolean", false, 2),
  /** A full date, RFC 3339 {@code 2024-05-01}. */
  DATE("date", false, 2),
  /** A date and time with offset, RFC 3339. */
  DATE_TIME("dateTime", false, 2),
  /** An IEEE 754 double. */
  DOUBLE("double", true, 2),
  /** An ISO 8601 duration such as {@code P1DT2H}. */
  DURATION("duration", false, 2),
  /** An IEEE 754 single-precision number. */
  FLOAT("float", true, 2),
  /** A 32-bit signed integer. */
  INTEGER("integer", true, 2),
  /** A 64-bit signed integer. */
  LONG("long", true, 2),
  /** A UTF-8 string. */
  STRING("string", false, 2),
  /** A time of day, RFC 3339 {@code 13:45:00}. */
  TIME("time", false, 2),
  /** v4: an 8-bit signed integer. */
  BYTE("byte", true, 4),
  /** v4: base64-encoded bytes. */
  BYTES("bytes", false, 4),
  /** v4: a decimal number written as a string. */
  DECIMAL("decimal", true, 4),
  /** v4: a 16-bit signed integer. */
  SHORT("short", true, 4),
  /** v4: an 8-bit unsigned integer. */
  UNSIGNED_BYTE("unsignedByte", true, 4),
  /** v4: a 32-bit unsigned integer. */
  UNSIGNED_INTEGER("unsignedInteger", true, 4),
  /** v4: a 64-bit unsigned integer. */
  UNSIGNED_LONG("unsignedLong", true, 4),
  /** v4: a 16-bit unsigned integer. */
  UNSIGNED_SHORT("unsignedShort", true, 4),
  /** v4: a UUID string. */
  UUID("uuid", false, 4);

  private final String term;
  private final boolean numeric;
  private final int since;

  PrimitiveSchema(String term, boolean numeric, int since) {
    this.term = term;
    this.numeric = numeric;
    this.since = since;
  }

  /** @return the DTDL term, e.g. {@code dateTime} */
  public String term() {
    return term;
  }

  /** @return the first DTDL version with this schema */
  public DtdlVersion since() {
    return DtdlVersion.of(since);
  }

  @Override
  public boolean isNumeric() {
    return numeric;
  }

  @Override
  public String describe() {
    return term;
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitPrimitive(this);
  }

  /**
   * Finds a primitive schema by its DTDL term.
   *
   * @param term e.g. {@code double}
   * @return the schema, if the term names one
   */
  public static Optional<PrimitiveSchema> ofTerm(String term) {
    for (PrimitiveSchema s : values()) if (s.term.equals(term)) return Optional.of(s);
    return Optional.empty();
  }
}
