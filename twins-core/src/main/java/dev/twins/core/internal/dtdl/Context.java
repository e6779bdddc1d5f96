package dev.twins.core.internal.dtdl;

import dev.twins.core.internal.Vocabulary;
import dev.twins.core.model.DtdlVersion;
import java.util.List;

/**
 * The active context of an element: its DTDL version, the known extensions in scope, and whether
 * undefined co-types and members are accepted here.
 */
final class Context {
  final DtdlVersion version;
  final List<Vocabulary.Extension> extensions;
  final boolean openWorld;
  final boolean contextuallyIncomplete;

  Context(DtdlVersion version, List<Vocabulary.Extension> extensions, boolean openWorld, boolean contextuallyIncomplete) {
    this.version = version;
    this.extensions = List.copyOf(extensions);
    this.openWorld = openWorld;
    this.contextuallyIncomplete = contextuallyIncomplete;
  }

  /** Finds a co-type among the extensions in scope (and DTDL v2's native semantic types). */
  Vocabulary.AdjunctType adjunct(String term) {
    for (int i = extensions.size() - 1; i >= 0; i--) {
      Vocabulary.AdjunctType t = extensions.get(i).adjunctTypes().get(term);
      if (t != null) return t;
    }
    return null;
  }

  /** The context of the extension that defines a co-type, or null. */
  String contextOf(String term) {
    for (int i = extensions.size() - 1; i >= 0; i--) {
      if (extensions.get(i).adjunctTypes().containsKey(term)) return extensions.get(i).context();
    }
    return null;
  }

  /** The units of a unit type, from the extension that defines it, or null. */
  java.util.Set<String> units(String unitType) {
    for (int i = extensions.size() - 1; i >= 0; i--) {
      java.util.Set<String> u = extensions.get(i).unitTypes().get(unitType);
      if (u != null) return u;
    }
    return null;
  }

  boolean hasExtraSchema(String term) {
    for (Vocabulary.Extension e : extensions) if (e.extraSchemas().containsKey(term)) return true;
    return false;
  }

  boolean has(String contextPrefix) {
    for (Vocabulary.Extension e : extensions) if (e.context().startsWith(contextPrefix)) return true;
    return false;
  }
}
