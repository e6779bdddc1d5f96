package dev.twins.core.internal.graph;

/** Placeholder until the JSON Patch engine lands: JSON pointer tokens. */
public final class JsonPointers {
  private JsonPointers() {}

  /**
   * Escapes a key as a JSON pointer token.
   *
   * @param key the key
   * @return the token
   */
  public static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return key;
    return key.replace("~", "~0").replace("/", "~1");
  }
}
