package dev.twins.core.device;

import dev.twins.core.TwinsException;
import dev.twins.core.model.ValueError;
import java.util.List;
import java.util.Objects;

/**
 * A command that cannot be sent: the twin does not exist, its model has no such Command, or the
 * request does not fit the Command's request schema. Nothing was handed to a handler or logged.
 * The message starts with {@code twinId: command:}; {@link #problems()} name the JSON pointers
 * inside the request.
 */
public class CommandException extends TwinsException {
  private static final long serialVersionUID = 1L;

  /** Why a command was refused. */
  public enum Code {
    /** No twin has the id. */
    TWIN_NOT_FOUND,
    /** The twin's model (or the named component's Interface) declares no Command of the name. */
    COMMAND_NOT_FOUND,
    /** The request is missing, given to a Command without one, or does not fit its schema. */
    INVALID_REQUEST
  }

  private final Code code;
  private final String twinId;
  private final String command;
  private final transient List<ValueError> problems;

  /**
   * Creates the exception.
   *
   * @param code why
   * @param twinId the twin
   * @param command the command as given
   * @param message what is wrong and what to change
   * @param problems the request's mismatches, each with its JSON pointer (empty unless {@link Code#INVALID_REQUEST})
   */
  public CommandException(Code code, String twinId, String command, String message, List<ValueError> problems) {
    super(twinId + ": " + command + ": " + message);
    this.code = Objects.requireNonNull(code, "code");
    this.twinId = Objects.requireNonNull(twinId, "twinId");
    this.command = Objects.requireNonNull(command, "command");
    this.problems = List.copyOf(problems);
  }

  /** @return why the command was refused */
  public Code code() {
    return code;
  }

  /** @return the twin */
  public String twinId() {
    return twinId;
  }

  /** @return the command as given */
  public String command() {
    return command;
  }

  /** @return the request's mismatches, each with its JSON pointer inside the request */
  public List<ValueError> problems() {
    return problems;
  }
}
