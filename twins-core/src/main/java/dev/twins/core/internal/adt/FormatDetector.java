package dev.twins.core.internal.adt;

import dev.twins.core.adt.AdtFormat;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Tells the ADT formats apart from the first JSON value of a file, reading no further than needed:
 * an Explorer file is recognised by its first member name, a bulk-import file by a first object
 * that is a {@code Section} marker or is followed by another value, a DTDL file by an object (or
 * an array whose first element is an object) with {@code @context}, {@code @id} or {@code @type}.
 */
public final class FormatDetector {
  private FormatDetector() {}

  /**
   * Detects the format of the text a parser reads. I/O failures propagate as Jackson's
   * {@code JacksonIOException}; malformed JSON makes the format {@link AdtFormat#UNKNOWN}.
   *
   * @param p a parser at the start of the text; not closed
   * @return the format
   */
  public static AdtFormat detect(JsonParser p) {
    try {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        return p.nextToken() == JsonToken.START_OBJECT && dtdlKeys(p) ? AdtFormat.MODELS : AdtFormat.UNKNOWN;
      }
      if (t != JsonToken.START_OBJECT) return AdtFormat.UNKNOWN;
      boolean dtdl = false;
      boolean first = true;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        if (name.equals(ExplorerReader.FILE_INFO) || name.equals(ExplorerReader.GRAPH)
            || name.equals(ExplorerReader.MODELS)) {
          return AdtFormat.EXPLORER;
        }
        if (first && name.toLowerCase(Locale.ROOT).equals("section")) return AdtFormat.BULK_IMPORT;
        if (name.equals("@context") || name.equals("@type") || name.equals("@id")) dtdl = true;
        first = false;
        p.nextToken();
        p.skipChildren();
      }
      if (p.nextToken() != null) return AdtFormat.BULK_IMPORT;
      return dtdl ? AdtFormat.MODELS : AdtFormat.UNKNOWN;
    } catch (JacksonException e) {
      if (e instanceof tools.jackson.core.exc.JacksonIOException) throw e;
      return AdtFormat.UNKNOWN;
    }
  }

  private static boolean dtdlKeys(JsonParser p) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      if (name.equals("@context") || name.equals("@type") || name.equals("@id")) return true;
      p.nextToken();
      p.skipChildren();
    }
    return false;
  }
}
