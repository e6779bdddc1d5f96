package dev.twins.core.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Placeholder until the vocabulary tables land: what DTDL extensions define. */
public final class Vocabulary {
  private Vocabulary() {}

  /** How the value of an extension member is checked. */
  public enum MemberKind { STRING, INTEGER, BOOLEAN, DTMI, UNIT, CONTENT_NAME, PROPERTY_NAME }

  /**
   * An adjunct type.
   *
   * @param term term
   * @param appliesTo classes
   * @param unitType unit type
   * @param requiresNumericSchema numeric
   * @param members members
   * @param requiredMembers required
   * @param requiresCoTypes co-types required
   */
  public record AdjunctType(String term, Set<String> appliesTo, Optional<String> unitType, boolean requiresNumericSchema,
      Map<String, MemberKind> members, Set<String> requiredMembers, Set<String> requiresCoTypes) {}

  /**
   * An extension.
   *
   * @param context context
   * @param dtdlVersions versions
   * @param adjunctTypes types
   * @param unitTypes units
   * @param extraSchemas schemas
   */
  public record Extension(String context, Set<Integer> dtdlVersions, Map<String, AdjunctType> adjunctTypes,
      Map<String, Set<String>> unitTypes, Map<String, String> extraSchemas) {}

  /** @param context c @return e */
  public static Optional<Extension> extension(String context) {
    return Optional.empty();
  }

  /** @return contexts */
  public static Set<String> knownContexts() {
    return Set.of();
  }

  /** @return v2 */
  public static Extension v2SemanticTypes() {
    return new Extension("dtmi:dtdl:context;2", Set.of(2), Map.of(), Map.of(), Map.of());
  }
}
