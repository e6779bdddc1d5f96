package dev.twins.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Helpers shared by the model rule tests: parse texts, collect the errors of an invalid set, and
 * check an error's code and location (source, line, JSON pointer, DTMI).
 */
final class ModelTesting {
  /** The DTDL v2 context. */
  static final String V2 = "dtmi:dtdl:context;2";
  /** The DTDL v3 context. */
  static final String V3 = "dtmi:dtdl:context;3";
  /** The QuantitativeTypes extension context. */
  static final String QT = "dtmi:dtdl:extension:quantitativeTypes;1";
  /** The Historization extension context. */
  static final String HIST = "dtmi:dtdl:extension:historization;1";
  /** The Annotation extension context. */
  static final String ANNOTATION = "dtmi:dtdl:extension:annotation;1";
  /** The Overriding extension context. */
  static final String OVERRIDING = "dtmi:dtdl:extension:overriding;1";
  /** The name {@link ModelParser#parseJson} gives the first text. */
  static final String IN0 = "input[0]";
  /** The name {@link ModelParser#parseJson} gives the second text. */
  static final String IN1 = "input[1]";

  private ModelTesting() {}

  /**
   * Parses valid texts, failing the test with every error if the set is invalid.
   *
   * @param texts DTDL texts
   * @return the model set
   */
  static Models valid(String... texts) {
    return valid(ModelParser.defaults(), texts);
  }

  /**
   * Parses valid texts with a parser, failing the test with every error if the set is invalid.
   *
   * @param parser the parser
   * @param texts DTDL texts
   * @return the model set
   */
  static Models valid(ModelParser parser, String... texts) {
    try {
      return parser.parse(sources(texts));
    } catch (ModelException e) {
      return fail("expected a valid model set, got:%n%s", render(e.errors()));
    }
  }

  /**
   * Parses texts that must be invalid and returns the errors.
   *
   * @param texts DTDL texts
   * @return the errors, in the parser's order
   */
  static List<ModelError> errors(String... texts) {
    return errors(ModelParser.defaults(), texts);
  }

  /**
   * Parses texts that must be invalid with a parser and returns the errors.
   *
   * @param parser the parser
   * @param texts DTDL texts
   * @return the errors, in the parser's order
   */
  static List<ModelError> errors(ModelParser parser, String... texts) {
    return errors(parser, sources(texts));
  }

  /**
   * Parses sources that must be invalid and returns the errors.
   *
   * @param parser the parser
   * @param sources the named texts
   * @return the errors, in the parser's order
   */
  static List<ModelError> errors(ModelParser parser, Collection<ModelSource> sources) {
    try {
      Models m = parser.parse(sources);
      return fail("expected a ModelException, but the set was accepted: %s", m);
    } catch (ModelException e) {
      assertThat(e.errors()).as("a ModelException carries at least one error").isNotEmpty();
      return e.errors();
    }
  }

  /**
   * Names texts the way {@link ModelParser#parseJson} does.
   *
   * @param texts the texts
   * @return {@code input[i]} sources
   */
  static List<ModelSource> sources(String... texts) {
    List<ModelSource> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) out.add(new ModelSource("input[" + i + "]", texts[i]));
    return out;
  }

  /**
   * Asserts that the set has exactly one error, with the given code and location.
   *
   * @param errors the errors
   * @param code the expected code
   * @param source the expected source
   * @param line the expected line
   * @param pointer the expected JSON pointer
   * @param dtmi the expected DTMI, or {@code null} to not check it
   * @return the error
   */
  static ModelError only(List<ModelError> errors, ErrorCode code, String source, int line, String pointer, String dtmi) {
    assertThat(errors).as("exactly one error expected, got:%n%s", render(errors)).hasSize(1);
    return check(errors.get(0), code, source, line, pointer, dtmi, errors);
  }

  /**
   * Asserts that exactly one of the errors has the given code, and that it has the given location.
   * Other errors (consequences of the same defect) may be present.
   *
   * @param errors the errors
   * @param code the expected code
   * @param source the expected source
   * @param line the expected line
   * @param pointer the expected JSON pointer
   * @param dtmi the expected DTMI, or {@code null} to not check it
   * @return the error
   */
  static ModelError one(List<ModelError> errors, ErrorCode code, String source, int line, String pointer, String dtmi) {
    List<ModelError> withCode = withCode(errors, code);
    assertThat(withCode).as("exactly one %s error expected, got:%n%s", code, render(errors)).hasSize(1);
    return check(withCode.get(0), code, source, line, pointer, dtmi, errors);
  }

  /**
   * Asserts that some error has exactly the given code and location.
   *
   * @param errors the errors
   * @param code the expected code
   * @param source the expected source
   * @param line the expected line
   * @param pointer the expected JSON pointer
   * @param dtmi the expected DTMI, or {@code null} to not check it
   * @return the error
   */
  static ModelError some(List<ModelError> errors, ErrorCode code, String source, int line, String pointer, String dtmi) {
    for (ModelError e : errors) {
      if (e.code() == code && e.source().equals(source) && e.line() == line && e.pointer().equals(pointer)
          && (dtmi == null || e.dtmi().equals(dtmi))) {
        return e;
      }
    }
    return fail("no %s error at %s:%d %s (dtmi %s); got:%n%s", code, source, line, pointer, dtmi, render(errors));
  }

  /**
   * Returns the errors with a code.
   *
   * @param errors the errors
   * @param code the code
   * @return those with the code, in order
   */
  static List<ModelError> withCode(List<ModelError> errors, ErrorCode code) {
    return errors.stream().filter(e -> e.code() == code).collect(Collectors.toList());
  }

  /**
   * Returns the set of codes among errors.
   *
   * @param errors the errors
   * @return the codes
   */
  static Set<ErrorCode> codes(List<ModelError> errors) {
    return errors.stream().map(ModelError::code).collect(Collectors.toSet());
  }

  private static ModelError check(ModelError e, ErrorCode code, String source, int line, String pointer, String dtmi, List<ModelError> all) {
    String desc = "error " + e + " [dtmi=" + e.dtmi() + ", line=" + e.line() + "] among:\n" + render(all);
    assertThat(e.code()).as("code of " + desc).isEqualTo(code);
    assertThat(e.source()).as("source of " + desc).isEqualTo(source);
    assertThat(e.pointer()).as("pointer of " + desc).isEqualTo(pointer);
    assertThat(e.line()).as("line of " + desc).isEqualTo(line);
    if (dtmi != null) assertThat(e.dtmi()).as("dtmi of " + desc).isEqualTo(dtmi);
    assertThat(e.message()).as("message of " + desc).isNotBlank();
    return e;
  }

  /**
   * Renders errors one per line with every component, for failure messages.
   *
   * @param errors the errors
   * @return the text
   */
  static String render(List<ModelError> errors) {
    StringBuilder sb = new StringBuilder();
    for (ModelError e : errors) {
      sb.append("  ").append(e.code()).append(" source=").append(e.source()).append(" line=").append(e.line())
          .append(" pointer=").append(e.pointer()).append(" dtmi=").append(e.dtmi()).append(" : ").append(e.message())
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * Returns the 1-based line on which a marker occurs in a text; the marker must occur once.
   *
   * @param text the text
   * @param marker a unique substring
   * @return its line
   */
  static int line(String text, String marker) {
    int at = text.indexOf(marker);
    assertThat(at).as("marker %s not in the test text", marker).isNotNegative();
    assertThat(text.indexOf(marker, at + 1)).as("marker %s is not unique in the test text", marker).isNegative();
    int line = 1;
    for (int i = 0; i < at; i++) if (text.charAt(i) == '\n') line++;
    return line;
  }

  /**
   * Repeats a character.
   *
   * @param c the character
   * @param n how often
   * @return the string
   */
  static String repeat(char c, int n) {
    char[] a = new char[n];
    Arrays.fill(a, c);
    return new String(a);
  }

  /**
   * Makes a v3 Interface text with one content per line, starting at line 5.
   *
   * @param id the Interface DTMI
   * @param contents content objects, each written on one line
   * @return the text
   */
  static String v3(String id, String... contents) {
    return iface(V3, id, contents);
  }

  /**
   * Makes a v2 Interface text with one content per line, starting at line 5.
   *
   * @param id the Interface DTMI
   * @param contents content objects, each written on one line
   * @return the text
   */
  static String v2(String id, String... contents) {
    return iface(V2, id, contents);
  }

  /**
   * Makes an Interface text with one content per line: line 1 {@code {}, line 2 the context,
   * line 3 the id and type, line 4 {@code "contents": [}, contents from line 5.
   *
   * @param context the context value as JSON (a quoted string or an array)
   * @param id the Interface DTMI
   * @param contents content objects, each written on one line
   * @return the text
   */
  static String iface(String context, String id, String... contents) {
    String ctx = context.startsWith("[") || context.startsWith("\"") ? context : "\"" + context + "\"";
    StringBuilder sb = new StringBuilder();
    sb.append("{\n");
    sb.append("  \"@context\": ").append(ctx).append(",\n");
    sb.append("  \"@id\": \"").append(id).append("\", \"@type\": \"Interface\",\n");
    sb.append("  \"contents\": [\n");
    for (int i = 0; i < contents.length; i++) {
      sb.append("    ").append(contents[i]).append(i + 1 < contents.length ? ",\n" : "\n");
    }
    sb.append("  ]\n");
    sb.append("}\n");
    return sb.toString();
  }
}
