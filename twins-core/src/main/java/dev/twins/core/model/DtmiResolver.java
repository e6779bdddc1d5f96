package dev.twins.core.model;

import java.util.Collection;
import java.util.Set;

/**
 * Supplies model texts for DTMIs that a model set references but does not define, such as a
 * component's Interface kept in a model repository.
 *
 * <p>The parser calls the resolver with all DTMIs still unresolved, repeatedly, until every
 * dependent reference is defined or the resolver returns nothing new.
 */
@FunctionalInterface
public interface DtmiResolver {
  /**
   * Returns texts that define some or all of the given DTMIs.
   *
   * @param unresolved the DTMIs referenced but not defined so far
   * @return texts to add to the model set, empty when none can be found
   */
  Collection<ModelSource> resolve(Set<Dtmi> unresolved);
}
