package dev.twins.core.adt;

import java.util.Objects;

/**
 * What one read of an ADT file delivered to its {@link AdtRecordHandler}.
 *
 * @param format the format the file was read as
 * @param models the model texts delivered: one per Interface line or array element of a
 *     bulk-import or Explorer file, one per file for a plain DTDL file
 * @param twins the twin records delivered
 * @param relationships the relationship records delivered
 * @param errors the errors reported
 */
public record ReadSummary(AdtFormat format, int models, long twins, long relationships, long errors) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code format} is null
   * @throws IllegalArgumentException if a count is negative
   */
  public ReadSummary {
    Objects.requireNonNull(format, "format");
    if (models < 0 || twins < 0 || relationships < 0 || errors < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
