package dev.twins.core.internal;

import dev.twins.core.model.ModelSource;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Reads model files and directories. */
public final class SourceFiles {
  private SourceFiles() {}

  /**
   * Reads files.
   *
   * @param paths files and directories
   * @return the sources
   */
  public static List<ModelSource> read(Collection<Path> paths) {
    throw new UnsupportedOperationException("not yet");
  }
}
