package dev.twins.core.graph;

import dev.twins.core.TwinsException;
import java.util.List;
import java.util.Objects;

/**
 * A rejected operation on the twin graph. {@link #code()} says why in a machine-readable way;
 * {@link #problems()} lists, for a value that does not fit its model, each JSON path with the schema
 * expected and the value given.
 */
public class GraphException extends TwinsException {
  private static final long serialVersionUID = 1L;

  /** Why an operation was rejected. */
  public enum Code {
    /** No twin has the id. */
    TWIN_NOT_FOUND,
    /** No relationship has the id on the source twin. */
    RELATIONSHIP_NOT_FOUND,
    /** The relationship's target twin does not exist. */
    TARGET_NOT_FOUND,
    /** The twin's model is not in the graph's model set. */
    MODEL_NOT_FOUND,
    /** The id is empty, too long, or has control characters. */
    INVALID_ID,
    /** The twin or relationship JSON is malformed (not an object, no {@code $metadata.$model}, ...). */
    INVALID_DOCUMENT,
    /** A value does not fit its model: see {@link #problems()}. */
    VALIDATION_FAILED,
    /** A JSON Patch cannot be applied (path not found, unsupported operation, ...). */
    INVALID_PATCH,
    /** The relationship does not fit the source twin's model (unknown name, wrong target model). */
    INVALID_RELATIONSHIP,
    /** A relationship from a twin to itself, which Azure Digital Twins refuses (an option allows it). */
    SELF_RELATIONSHIP,
    /** The relationship would exceed its {@code maxMultiplicity} (only when enforced). */
    MULTIPLICITY_EXCEEDED,
    /** A write to a property that is not {@code writable} (only when enforced). */
    NOT_WRITABLE,
    /** The twin still has relationships and cascade delete is off. */
    HAS_RELATIONSHIPS,
    /**
     * An {@code If-Match} or {@code If-None-Match} condition did not hold, including a create of an
     * id that exists: see {@link PreconditionFailedException}.
     */
    PRECONDITION_FAILED,
    /**
     * A replayed change ({@link Twins#apply(ChangeEvent)}) does not follow from the graph's state:
     * its sequence number is not after the last change, or its recorded result is not the version
     * that applying it makes.
     */
    REPLAY_CONFLICT,
    /**
     * The graph's {@link CommitHook} (its persistence, such as a durable store's journal) could not
     * record the change: see {@link #getCause()}. When the hook refused the change as it committed,
     * nothing changed; when waiting for durability failed, the change is visible in memory but was
     * not acknowledged (it may be lost on a crash), and the store refuses later writes.
     */
    NOT_DURABLE
  }

  /**
   * One way a value does not fit its model.
   *
   * @param path the JSON path in the twin or relationship document, e.g. {@code /thermostat/setPoint}
   * @param expected what the model expects there, e.g. {@code double}
   * @param given what was given, abbreviated
   * @param message the explanation
   */
  public record Problem(String path, String expected, String given, String message) {
    /** Checks for nulls. */
    public Problem {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(given, "given");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  private final Code code;
  private final String twinId;
  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param code why
   * @param twinId the twin the operation was about ({@code source/relationshipId} for relationships);
   *     the message starts with it
   * @param message what is wrong and what to change
   * @param problems the value problems, empty unless {@code code} is {@link Code#VALIDATION_FAILED}
   */
  public GraphException(Code code, String twinId, String message, List<Problem> problems) {
    super(twinId.isEmpty() ? message : twinId + ": " + message);
    this.code = Objects.requireNonNull(code, "code");
    this.twinId = twinId;
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates the exception without value problems.
   *
   * @param code why
   * @param twinId the twin the operation was about
   * @param message what is wrong and what to change
   */
  public GraphException(Code code, String twinId, String message) {
    this(code, twinId, message, List.of());
  }

  /**
   * Creates the exception for a failure of something the operation depends on.
   *
   * @param code why
   * @param twinId the twin the operation was about
   * @param message what is wrong and what to change
   * @param cause the underlying failure
   */
  public GraphException(Code code, String twinId, String message, Throwable cause) {
    super(twinId.isEmpty() ? message : twinId + ": " + message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.twinId = twinId;
    this.problems = List.of();
  }

  /** @return why the operation was rejected */
  public Code code() {
    return code;
  }

  /** @return the twin the operation was about */
  public String twinId() {
    return twinId;
  }

  /** @return for {@link Code#VALIDATION_FAILED}: every path whose value does not fit, else empty */
  public List<Problem> problems() {
    return problems;
  }
}
