package dev.twins.persistence.internal;

import dev.twins.persistence.StoreException;
import dev.twins.persistence.StoreException.Code;
import java.io.IOException;
import java.nio.file.Path;

/** Builds the store's exceptions. */
public final class Errors {
  private Errors() {}

  /** @param file the file @param offset the offset @param message what @return the exception */
  public static StoreException corrupt(Path file, long offset, String message) {
    return new StoreException(Code.CORRUPT, file, offset, message, null);
  }

  /** @param file the file @param offset the offset @param message what @return the exception */
  public static StoreException version(Path file, long offset, String message) {
    return new StoreException(Code.UNSUPPORTED_VERSION, file, offset, message, null);
  }

  /** @param file the file @param what the action @param e the cause @return the exception */
  public static StoreException io(Path file, String what, IOException e) {
    return new StoreException(Code.IO, file, -1, what + " failed: " + e, e);
  }
}
