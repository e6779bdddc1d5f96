package dev.twins.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A Command: a function a twin can be asked to run.
 *
 * @param info identifier and descriptive members
 * @param name the command name
 * @param request the input, if any
 * @param response the output, if any
 */
public record Command(ElementInfo info, String name, Optional<CommandPayload> request, Optional<CommandPayload> response)
    implements Content {
  /** Checks for nulls. */
  public Command {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
  }

  @Override
  public <R> R accept(ContentVisitor<R> visitor) {
    return visitor.visitCommand(this);
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "Command[" + name + (request.isPresent() ? "(" + request.get().name() + ")" : "()")
        + (response.isPresent() ? " -> " + response.get().name() : "") + "]";
  }
}
