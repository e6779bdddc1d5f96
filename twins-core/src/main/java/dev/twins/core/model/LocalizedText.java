package dev.twins.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A localizable string of a model ({@code displayName}, {@code description}): values by language
 * tag. A plain string in the model is stored under the language {@code "en"}, DTDL's default.
 *
 * @param values the values by language tag, in model order
 */
public record LocalizedText(Map<String, String> values) {
  /** The text with no values. */
  public static final LocalizedText EMPTY = new LocalizedText(Map.of());

  /** Copies the map, keeping its order. */
  public LocalizedText {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Creates a text in the default language.
   *
   * @param text the English text
   * @return the localized text
   */
  public static LocalizedText of(String text) {
    return new LocalizedText(Map.of("en", text));
  }

  /** @return whether there is no value */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * Returns the value for a language, falling back to the language without region.
   *
   * @param language a language tag such as {@code en} or {@code de-CH}
   * @return the value, if any
   */
  public Optional<String> get(String language) {
    String v = values.get(language);
    if (v == null && language.contains("-")) v = values.get(language.substring(0, language.indexOf('-')));
    return Optional.ofNullable(v);
  }

  /** @return the English value, else the first value, else empty */
  public Optional<String> get() {
    Optional<String> en = get("en");
    if (en.isPresent()) return en;
    return values.values().stream().findFirst();
  }

  @Override
  public String toString() {
    return get().orElse("");
  }
}
