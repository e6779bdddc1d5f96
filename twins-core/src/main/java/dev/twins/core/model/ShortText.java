package dev.twins.core.model;

/** Short, bounded renderings of model elements for their {@code toString()}. */
final class ShortText {
  private ShortText() {}

  /** A schema in a few words, nested schemas to depth 3: {@code double}, {@code map<array<string>>}, {@code enum<integer>(5)}. */
  static String schema(Schema s) {
    return schema(s, 0);
  }

  private static String schema(Schema s, int depth) {
    if (depth > 3) {
      return "...";
    }
    if (s instanceof ArraySchema a) {
      return "array<" + schema(a.elementSchema(), depth + 1) + ">";
    }
    if (s instanceof MapSchema m) {
      return "map<" + schema(m.mapValue().schema(), depth + 1) + ">";
    }
    if (s instanceof EnumSchema e) {
      return "enum<" + e.valueSchema() + ">(" + e.values().size() + ")";
    }
    if (s instanceof ObjectSchema o) {
      return "object(" + o.fields().size() + (o.fields().size() == 1 ? " field)" : " fields)");
    }
    return String.valueOf(s);
  }
}
