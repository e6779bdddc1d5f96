package dev.twins.cli.internal;

import dev.twins.core.model.ErrorCode;
import dev.twins.core.model.ModelError;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one model set.
 *
 * @param paths the PATH arguments that make up the set, as given
 * @param interfaces the number of Interfaces of the valid set, 0 when invalid
 * @param errors the problems, sorted; empty when the set is valid
 * @param warnings findings that do not make the set invalid (see {@code Models.warnings()})
 */
public record SetResult(List<String> paths, int interfaces, List<ModelError> errors, List<ModelError> warnings) {

  /** Checks and copies the components. */
  public SetResult {
    paths = List.copyOf(paths);
    if (paths.isEmpty()) throw new IllegalArgumentException("a model set needs at least one path");
    if (interfaces < 0) throw new IllegalArgumentException("interfaces < 0: " + interfaces);
    errors = errors.stream().sorted().toList();
    warnings = warnings.stream().sorted().toList();
    if (!errors.isEmpty() && interfaces != 0) {
      throw new IllegalArgumentException("an invalid set has no interfaces");
    }
  }

  /**
   * @param paths the PATH arguments of the set
   * @param interfaces the number of Interfaces
   * @param warnings the warnings of the set
   * @return the result of a valid set
   */
  public static SetResult valid(List<String> paths, int interfaces, List<ModelError> warnings) {
    return new SetResult(paths, interfaces, List.of(), warnings);
  }

  /**
   * @param paths the PATH arguments of the set
   * @param errors the problems, at least one
   * @return the result of an invalid set
   */
  public static SetResult invalid(List<String> paths, List<ModelError> errors) {
    if (errors.isEmpty()) throw new IllegalArgumentException("an invalid set has errors");
    return new SetResult(paths, 0, errors, List.of());
  }

  /** @return the name of the set in reports: its paths joined with one space */
  public String label() {
    return String.join(" ", paths);
  }

  /** @return whether the set is valid */
  public boolean valid() {
    return errors.isEmpty();
  }

  /** @return whether a file could not be read, which makes the set neither valid nor invalid */
  public boolean ioFailure() {
    return errors.stream().anyMatch(e -> e.code() == ErrorCode.IO_ERROR);
  }

  /** @return 0 when valid, 2 when a file could not be read, 1 otherwise */
  public int exitStatus() {
    if (valid()) return ExitStatus.OK;
    return ioFailure() ? ExitStatus.USAGE : ExitStatus.INVALID;
  }

  /**
   * Tells where an error is, for a human: {@code file:line}, {@code file}, else the DTMI, else the
   * set's label.
   *
   * @param e an error of this set
   * @return the location text
   */
  public String location(ModelError e) {
    Objects.requireNonNull(e, "e");
    if (!e.source().isEmpty()) return e.line() > 0 ? e.source() + ":" + e.line() : e.source();
    if (!e.dtmi().isEmpty()) return e.dtmi();
    return label();
  }
}
