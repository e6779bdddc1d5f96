package dev.twins.core.graph;

import java.util.Optional;

/**
 * A write whose {@link Condition} did not hold: the ETag expected and the ETag found (HTTP 412 in
 * Azure Digital Twins).
 */
public final class PreconditionFailedException extends GraphException {
  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String actual;

  /**
   * Creates the exception.
   *
   * @param twinId the twin (or {@code source/relationshipId})
   * @param condition the condition that failed
   * @param actual the current ETag, or empty when nothing exists
   * @param why the condition's explanation
   */
  public PreconditionFailedException(String twinId, Condition condition, Optional<String> actual, String why) {
    super(Code.PRECONDITION_FAILED, twinId, "precondition failed: " + why);
    this.expected = condition.expectedEtag().orElse(condition.toString());
    this.actual = actual.orElse("");
  }

  /** @return the ETag the condition expected ({@code *} for any), or the condition text */
  public String expectedEtag() {
    return expected;
  }

  /** @return the ETag found, {@code ""} when nothing exists */
  public String actualEtag() {
    return actual;
  }
}
