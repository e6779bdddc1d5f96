package dev.twins.core.internal;

import dev.twins.core.model.DtmiResolver;
import dev.twins.core.model.ModelSource;
import dev.twins.core.model.Models;
import dev.twins.core.model.UndefinedExtensions;
import java.util.Collection;
import java.util.Optional;

/** The DTDL parser. */
public final class DtdlParser {
  private final UndefinedExtensions undefinedExtensions;
  private final Optional<DtmiResolver> resolver;

  /**
   * Creates a parser.
   *
   * @param undefinedExtensions policy
   * @param resolver resolver
   */
  public DtdlParser(UndefinedExtensions undefinedExtensions, Optional<DtmiResolver> resolver) {
    this.undefinedExtensions = undefinedExtensions;
    this.resolver = resolver;
  }

  /**
   * Parses.
   *
   * @param sources texts
   * @return models
   */
  public Models parse(Collection<ModelSource> sources) {
    throw new UnsupportedOperationException("not yet " + undefinedExtensions + resolver);
  }
}
