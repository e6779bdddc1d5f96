package dev.twins.core.model;

/**
 * What the parser does with co-types, members and extension contexts that neither DTDL nor a
 * known extension defines.
 */
public enum UndefinedExtensions {
  /**
   * As each DTDL version says: allowed in DTDL v2 (its open world, recorded in
   * {@link ElementInfo#coTypes()} and {@link ElementInfo#otherProperties()}), rejected in v3 and
   * later.
   */
  BY_VERSION,
  /** Allowed in every version. */
  ALLOW,
  /** Rejected in every version. */
  DISALLOW
}
