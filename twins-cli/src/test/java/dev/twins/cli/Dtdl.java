package dev.twins.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small DTDL texts for the tests. */
final class Dtdl {
  private Dtdl() {}

  /** A v3 Interface with a Property; line numbers matter to some tests. */
  static final String SPACE =
      "{\n"
          + "  \"@context\": \"dtmi:dtdl:context;3\",\n"
          + "  \"@id\": \"dtmi:com:example:Space;1\",\n"
          + "  \"@type\": \"Interface\",\n"
          + "  \"contents\": [\n"
          + "    {\"@type\": \"Property\", \"name\": \"label\", \"schema\": \"string\"}\n"
          + "  ]\n"
          + "}\n";

  /** A v3 Interface that extends Space and has a relationship to it. */
  static final String ROOM =
      "{\n"
          + "  \"@context\": \"dtmi:dtdl:context;3\",\n"
          + "  \"@id\": \"dtmi:com:example:Room;1\",\n"
          + "  \"@type\": \"Interface\",\n"
          + "  \"extends\": \"dtmi:com:example:Space;1\",\n"
          + "  \"contents\": [\n"
          + "    {\"@type\": \"Property\", \"name\": \"temperature\", \"schema\": \"double\"},\n"
          + "    {\"@type\": \"Relationship\", \"name\": \"contains\", \"target\": \"dtmi:com:example:Space;1\"}\n"
          + "  ]\n"
          + "}\n";

  /** A v3 Interface whose Property name (line 6) starts with a digit. */
  static final String BAD_NAME =
      "{\n"
          + "  \"@context\": \"dtmi:dtdl:context;3\",\n"
          + "  \"@id\": \"dtmi:com:example:Bad;1\",\n"
          + "  \"@type\": \"Interface\",\n"
          + "  \"contents\": [\n"
          + "    {\"@type\": \"Property\", \"name\": \"1bad\", \"schema\": \"double\"}\n"
          + "  ]\n"
          + "}\n";

  /** A v3 Interface with an undefined co-type (line 6): invalid unless extensions are allowed. */
  static final String V3_UNDEFINED_COTYPE =
      "{\n"
          + "  \"@context\": \"dtmi:dtdl:context;3\",\n"
          + "  \"@id\": \"dtmi:com:example:Odd;1\",\n"
          + "  \"@type\": \"Interface\",\n"
          + "  \"contents\": [\n"
          + "    {\"@type\": [\"Property\", \"Frobnicated\"], \"name\": \"x\", \"schema\": \"double\"}\n"
          + "  ]\n"
          + "}\n";

  /** A v2 Interface with an undefined co-type: valid unless extensions are disallowed. */
  static final String V2_UNDEFINED_COTYPE =
      "{\n"
          + "  \"@context\": \"dtmi:dtdl:context;2\",\n"
          + "  \"@id\": \"dtmi:com:example:Old;1\",\n"
          + "  \"@type\": \"Interface\",\n"
          + "  \"contents\": [\n"
          + "    {\"@type\": [\"Property\", \"Frobnicated\"], \"name\": \"x\", \"schema\": \"double\"}\n"
          + "  ]\n"
          + "}\n";

  static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      return Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
