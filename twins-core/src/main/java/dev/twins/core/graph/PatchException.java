package dev.twins.core.graph;

import dev.twins.core.TwinsException;

/** Placeholder until the JSON Patch engine lands. */
public final class PatchException extends TwinsException {
  private static final long serialVersionUID = 1L;

  /** @param message message */
  public PatchException(String message) {
    super(message);
  }
}
