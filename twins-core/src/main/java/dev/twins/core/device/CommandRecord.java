package dev.twins.core.device;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * One command invocation as the per-twin command log keeps it: what was asked, what came back, and
 * when. Immutable: the log hands out a new record when the invocation moves on.
 *
 * <p>Statuses are HTTP-like, as IoT Plug and Play uses them: the device's own status when it
 * replied, else 404 (no handler registered: the device is not connected), 500 (the handler threw
 * or its stage failed), 502 (a 2xx reply whose payload does not fit the response schema) or 504
 * (no reply within the timeout).
 *
 * @param requestId the invocation id, increasing
 * @param twinId the twin
 * @param command {@code name} or {@code component/name}
 * @param request the validated request payload, if any
 * @param outcome where the invocation stands
 * @param status the status, once the invocation is over
 * @param response the reply payload, if the device sent one in time
 * @param error what went wrong, naming twin, command and JSON pointer, for a failed or timed-out invocation
 * @param sent when it was handed to the handler
 * @param finished when it got its status
 * @param late the reply that came after the timeout, if one did
 */
public record CommandRecord(long requestId, String twinId, String command, Optional<JsonNode> request,
    Outcome outcome, OptionalInt status, Optional<JsonNode> response, Optional<String> error, Instant sent,
    Optional<Instant> finished, Optional<LateReply> late) {
  /** Checks for nulls. */
  public CommandRecord {
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(late, "late");
  }

  /** @return the request payload, if any (a copy, for objects and arrays) */
  @Override
  public Optional<JsonNode> request() {
    return request.map(v -> v.isContainer() ? v.deepCopy() : v);
  }

  /** @return the reply payload, if any (a copy, for objects and arrays) */
  @Override
  public Optional<JsonNode> response() {
    return response.map(v -> v.isContainer() ? v.deepCopy() : v);
  }

  /** Where an invocation stands. */
  public enum Outcome {
    /** Handed to the handler, no reply yet. */
    PENDING,
    /** The device replied 2xx with a response that fits the schema. */
    SUCCEEDED,
    /** The device replied with a failure status, sent an invalid response, or could not be reached. */
    FAILED,
    /** No reply within the timeout (status 504); a reply after it is kept as {@link #late()}. */
    TIMED_OUT
  }

  /**
   * A reply that came after the invocation had timed out.
   *
   * @param reply the reply
   * @param time when it came
   * @param problem why it would have been refused in time (invalid response, failed stage), if so
   */
  public record LateReply(CommandReply reply, Instant time, Optional<String> problem) {
    /** Checks for nulls. */
    public LateReply {
      Objects.requireNonNull(reply, "reply");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(problem, "problem");
    }
  }

  /** @return whether the invocation succeeded */
  public boolean succeeded() {
    return outcome == Outcome.SUCCEEDED;
  }

  /** Renders id, twin, command, outcome and status only. */
  @Override
  public String toString() {
    return "CommandRecord[" + requestId + ", " + twinId + ", " + command + ", " + outcome
        + (status.isPresent() ? " " + status.getAsInt() : "") + (late.isPresent() ? ", late reply" : "") + "]";
  }
}
