package dev.twins.core.model;

/** The DTDL language versions Twins reads. */
public enum DtdlVersion {
  /** DTDL v2, context {@code dtmi:dtdl:context;2}. */
  V2(2, 64, 64, 5, 10),
  /** DTDL v3, context {@code dtmi:dtdl:context;3}. */
  V3(3, 512, 512, 5, 10),
  /** DTDL v4, context {@code dtmi:dtdl:context;4}. */
  V4(4, 512, 512, 8, 12);

  private final int number;
  private final int maxNameLength;
  private final int maxDisplayNameLength;
  private final int maxSchemaDepth;
  private final int maxExtendsDepth;

  DtdlVersion(int number, int maxNameLength, int maxDisplayNameLength, int maxSchemaDepth, int maxExtendsDepth) {
    this.number = number;
    this.maxNameLength = maxNameLength;
    this.maxDisplayNameLength = maxDisplayNameLength;
    this.maxSchemaDepth = maxSchemaDepth;
    this.maxExtendsDepth = maxExtendsDepth;
  }

  /** @return the version number, 2, 3 or 4 */
  public int number() {
    return number;
  }

  /** @return the context DTMI of this version, e.g. {@code dtmi:dtdl:context;3} */
  public String context() {
    return "dtmi:dtdl:context;" + number;
  }

  /** @return the longest {@code name} allowed */
  public int maxNameLength() {
    return maxNameLength;
  }

  /** @return the longest {@code displayName} value allowed */
  public int maxDisplayNameLength() {
    return maxDisplayNameLength;
  }

  /** @return how many levels complex schemas may nest */
  public int maxSchemaDepth() {
    return maxSchemaDepth;
  }

  /** @return how many levels an {@code extends} hierarchy may have */
  public int maxExtendsDepth() {
    return maxExtendsDepth;
  }

  /**
   * Returns the version with a number.
   *
   * @param number 2, 3 or 4
   * @return the version
   * @throws IllegalArgumentException for any other number
   */
  public static DtdlVersion of(int number) {
    for (DtdlVersion v : values()) if (v.number == number) return v;
    throw new IllegalArgumentException("unsupported DTDL version " + number + "; supported are 2, 3 and 4");
  }
}
