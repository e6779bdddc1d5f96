package dev.twins.core.device;

import dev.twins.core.model.Command;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A command on its way to a device, as a {@link CommandHandler} receives it; the request has been
 * validated against the Command's request schema.
 *
 * @param requestId the id of this invocation, unique per {@link Devices}, increasing
 * @param twinId the twin
 * @param component the component whose Interface declares the command, empty for the twin's own
 * @param command the command as the twin knows it: {@code name} or {@code component/name}
 * @param definition the DTDL Command
 * @param request the request payload; empty when the Command has no request (a nullable request may be a JSON null)
 * @param deadline when the command times out
 */
public record CommandCall(long requestId, String twinId, Optional<String> component, String command,
    Command definition, Optional<JsonNode> request, Instant deadline) {
  /** Checks for nulls. */
  public CommandCall {
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(deadline, "deadline");
  }

  /** @return the request payload, if any (a copy, for objects and arrays) */
  @Override
  public Optional<JsonNode> request() {
    return request.map(v -> v.isContainer() ? v.deepCopy() : v);
  }

  /** @return the Command's own name, without the component */
  public String name() {
    return definition.name();
  }

  /** Renders id, twin and command only. */
  @Override
  public String toString() {
    return "CommandCall[" + requestId + ", " + twinId + ", " + command + "]";
  }
}
