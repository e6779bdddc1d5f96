package dev.twins.core.adt;

/** The kinds of file that {@link AdtFiles#detect} tells apart. */
public enum AdtFormat {
  /**
   * ADT Import Jobs NDJSON: one JSON value per line, in sections introduced by
   * {@code {"Section": "Header"}}, {@code "Models"}, {@code "Twins"} and {@code "Relationships"}.
   */
  BULK_IMPORT,
  /**
   * ADT Explorer export/import JSON: one object with {@code digitalTwinsFileInfo},
   * {@code digitalTwinsGraph} ({@code digitalTwins}, {@code relationships}) and
   * {@code digitalTwinsModels}.
   */
  EXPLORER,
  /** A plain DTDL file: one Interface object, or a JSON array of Interfaces. */
  MODELS,
  /** Anything else: empty, not JSON, or JSON of another shape. */
  UNKNOWN
}
