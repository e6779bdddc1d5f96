package dev.twins.core.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * An optimistic-concurrency precondition of a write, as the HTTP headers {@code If-Match} and
 * {@code If-None-Match} express it in Azure Digital Twins.
 */
public final class Condition {
  private static final Condition NONE = new Condition(Kind.NONE, null);
  private static final Condition IF_MATCH_ANY = new Condition(Kind.IF_MATCH_ANY, null);
  private static final Condition IF_NONE_MATCH_ANY = new Condition(Kind.IF_NONE_MATCH_ANY, null);

  private enum Kind { NONE, IF_MATCH, IF_MATCH_ANY, IF_NONE_MATCH_ANY }

  private final Kind kind;
  private final String etag;

  private Condition(Kind kind, String etag) {
    this.kind = kind;
    this.etag = etag;
  }

  /** @return no precondition */
  public static Condition none() {
    return NONE;
  }

  /**
   * {@code If-Match: etag}: the write applies only if the current ETag is this one.
   *
   * @param etag the expected ETag
   * @return the condition
   */
  public static Condition ifMatch(String etag) {
    Objects.requireNonNull(etag, "etag");
    return etag.equals("*") ? IF_MATCH_ANY : new Condition(Kind.IF_MATCH, etag);
  }

  /** @return {@code If-Match: *}: the write applies only if the twin or relationship exists */
  public static Condition ifMatchAny() {
    return IF_MATCH_ANY;
  }

  /** @return {@code If-None-Match: *}: a create applies only if nothing exists under the id */
  public static Condition ifNoneMatchAny() {
    return IF_NONE_MATCH_ANY;
  }

  /**
   * Checks the condition against the current ETag.
   *
   * @param current the current ETag, empty when nothing exists
   * @return the problem, empty when the condition holds
   */
  public Optional<String> check(Optional<String> current) {
    switch (kind) {
      case IF_MATCH:
        if (current.isEmpty()) return Optional.of("If-Match " + etag + ": nothing exists");
        return current.get().equals(etag) ? Optional.empty() : Optional.of("If-Match " + etag + ": the ETag is " + current.get());
      case IF_MATCH_ANY:
        return current.isPresent() ? Optional.empty() : Optional.of("If-Match *: nothing exists");
      case IF_NONE_MATCH_ANY:
        return current.isEmpty() ? Optional.empty() : Optional.of("If-None-Match *: it already exists");
      default:
        return Optional.empty();
    }
  }

  /** @return the ETag an {@code If-Match} expects, or {@code *}, or empty */
  public Optional<String> expectedEtag() {
    return kind == Kind.IF_MATCH ? Optional.of(etag) : kind == Kind.IF_MATCH_ANY ? Optional.of("*") : Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Condition && ((Condition) o).kind == kind && Objects.equals(((Condition) o).etag, etag);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, etag);
  }

  @Override
  public String toString() {
    switch (kind) {
      case IF_MATCH: return "If-Match: " + etag;
      case IF_MATCH_ANY: return "If-Match: *";
      case IF_NONE_MATCH_ANY: return "If-None-Match: *";
      default: return "no condition";
    }
  }
}
