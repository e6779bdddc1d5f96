package dev.twins.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Properties of the model writer, the model builder and the parser together:
 * <ul>
 *   <li>random valid model sets built in Java write out as DTDL that parses to equal objects, and
 *       writing the re-parsed set gives the same text again;
 *   <li>random damage to valid model texts either still parses or fails with a
 *       {@link ModelException}: never another exception, never a hang.
 * </ul>
 */
class ModelRoundTripProperties {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Provide
  Arbitrary<DtdlVersion> versions() {
    return Arbitraries.of(DtdlVersion.V2, DtdlVersion.V3, DtdlVersion.V4);
  }

  @Property(tries = 200)
  void builtModelsWriteAndParseBackToEqualModels(
      @ForAll @IntRange(min = 1, max = 6) int interfaces,
      @ForAll @IntRange(min = 0, max = 8) int contents,
      @ForAll("versions") DtdlVersion version,
      @ForAll long seed) {
    ModelBuilder builder = new RandomModels(new Random(seed), version).generate(interfaces, contents);
    Models built = build(builder);

    List<String> texts = new ArrayList<>();
    for (Interface i : built.interfaces()) texts.add(ModelWriter.toJson(i));
    Models parsed = parse(texts);
    assertEqualModels(parsed, built, texts);

    String once = ModelWriter.toJson(built);
    Models again = parse(List.of(once));
    String twice = ModelWriter.toJson(again);
    assertThat(twice).as("writing a re-parsed model set gives the same text").isEqualTo(once);
    assertEqualModels(again, built, List.of(once));
  }

  @Property(tries = 500)
  void damagedModelsParseOrFailWithModelException(
      @ForAll @IntRange(min = 1, max = 3) int interfaces,
      @ForAll @IntRange(min = 1, max = 3) int mutations,
      @ForAll("versions") DtdlVersion version,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>(new RandomModels(random, version).generate(interfaces, 5).toJson());
    Damage damage = new Damage(random, texts);
    for (int m = 0; m < mutations; m++) {
      int which = random.nextInt(texts.size());
      texts.set(which, damage.apply(texts.get(which)));
    }
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      try {
        ModelParser.parseJson(texts.toArray(new String[0]));
      } catch (ModelException e) {
        assertThat(e.errors()).isNotEmpty();
        assertThat(e.errors()).allSatisfy(err -> assertThat(err.message()).isNotBlank());
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("parsing damaged models threw " + e + " instead of a ModelException; texts:\n"
            + String.join("\n----\n", texts), e);
      }
    }, () -> "parsing took longer than 5 s; texts:\n" + String.join("\n----\n", texts));
  }

  private static Models build(ModelBuilder builder) {
    try {
      return builder.build();
    } catch (ModelException e) {
      return fail("a generated valid model set was rejected:\n" + e.getMessage() + "\ntexts:\n"
          + String.join("\n----\n", builder.toJson()));
    }
  }

  private static Models parse(List<String> texts) {
    try {
      return ModelParser.parseJson(texts.toArray(new String[0]));
    } catch (ModelException e) {
      return fail("written models were rejected:\n" + e.getMessage() + "\ntexts:\n" + String.join("\n----\n", texts));
    }
  }

  /** Compares two model sets and names the first difference, since {@code Models} prints only counts. */
  static void assertEqualModels(Models actual, Models expected, List<String> texts) {
    assertThat(actual.interfaces()).extracting(Interface::id)
        .as("Interface ids").containsExactlyElementsOf(expected.interfaces().stream().map(Interface::id).toList());
    for (Interface e : expected.interfaces()) {
      Interface a = actual.get(e.id()).orElseThrow();
      String where = e.id() + " (texts:\n" + String.join("\n----\n", texts) + ")";
      assertThat(a.info()).as("info of %s", where).isEqualTo(e.info());
      assertThat(a.dtdlVersion()).as("version of %s", where).isEqualTo(e.dtdlVersion());
      assertThat(a.bases()).extracting(Interface::id).as("bases of %s", where)
          .containsExactlyElementsOf(e.bases().stream().map(Interface::id).toList());
      assertThat(a.ownContents()).as("contents of %s", where).hasSameSizeAs(e.ownContents());
      for (int c = 0; c < e.ownContents().size(); c++) {
        assertThat(a.ownContents().get(c)).as("content %d of %s", c, where).isEqualTo(e.ownContents().get(c));
      }
      assertThat(a.schemas()).as("schemas of %s", where).isEqualTo(e.schemas());
      assertThat(a).as("Interface %s", where).isEqualTo(e);
    }
    assertThat(actual).isEqualTo(expected);
  }

  /** One random change to a model text, on the JSON tree or on the raw characters. */
  static final class Damage {
    private static final String[] KEYS = {
      "@id", "@type", "@context", "name", "schema", "contents", "extends", "target", "unit", "writable", "fields",
      "enumValues", "enumValue", "valueSchema", "mapKey", "mapValue", "elementSchema", "request", "response",
      "properties", "maxMultiplicity", "minMultiplicity", "displayName", "description", "comment", "schemas",
      "@value", "@language", "dtmi:dtdl:property:contents;3", "junk", ""};
    private static final String[] JUNK = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000", "\uFEFF", "null", "1e999",
      "-0", "tru", "\"\\u12\"", "/*", "\n", "\ud800"};
    private static final String[] REFERENCE_KEYS = {"schema", "extends", "target", "elementSchema", "@id", "valueSchema",
      "contents", "schemas", "annotates", "overrides", "@context"};
    private final Random random;
    /** Identifiers that occur in the model set, so references can be bent to other elements. */
    private final List<String> ids = new ArrayList<>();

    Damage(Random random, List<String> texts) {
      this.random = random;
      for (String text : texts) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(dtmi:[^\"]*)\"").matcher(text);
        while (m.find()) ids.add(m.group(1));
      }
      ids.add("dtmi:ex:Missing;1");
    }

    String apply(String text) {
      switch (random.nextInt(12)) {
        case 10: return tree(text, this::bendReference);
        case 11: return tree(text, this::deepSchema);
        case 0: return tree(text, this::deleteMember);
        case 1: return tree(text, this::changeType);
        case 2: return tree(text, this::renameKey);
        case 3: return insertJunk(text);
        case 4: return text.substring(0, random.nextInt(text.length() + 1));
        case 5: return tree(text, this::duplicateElement);
        case 6: return tree(text, this::swapStringsAndNumbers);
        case 7: return deepNest(text);
        case 8: return tree(text, this::oddValue);
        default: return tree(text, this::moveValue);
      }
    }

    /** Applies a change to a random container of the parsed text; keeps unparseable text as it is. */
    private String tree(String text, java.util.function.Consumer<JsonNode> change) {
      JsonNode root;
      try {
        root = JSON.readTree(text);
      } catch (RuntimeException e) {
        return insertJunk(text);
      }
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      if (containers.isEmpty()) return text;
      change.accept(containers.get(random.nextInt(containers.size())));
      try {
        return JSON.writeValueAsString(root);
      } catch (RuntimeException e) {
        return text; // nested deeper than Jackson writes
      }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
      if (!node.isContainer()) return;
      out.add(node);
      for (JsonNode child : node) collect(child, out);
    }

    private void deleteMember(JsonNode node) {
      if (node.isObject() && node.size() > 0) {
        ((ObjectNode) node).remove(randomKey(node));
      } else if (node.isArray() && node.size() > 0) {
        ((ArrayNode) node).remove(random.nextInt(node.size()));
      }
    }

    private void changeType(JsonNode node) {
      if (node.isObject() && node.size() > 0) {
        ((ObjectNode) node).set(randomKey(node), randomValue());
      } else if (node.isArray() && node.size() > 0) {
        ((ArrayNode) node).set(random.nextInt(node.size()), randomValue());
      }
    }

    private void renameKey(JsonNode node) {
      if (!node.isObject() || node.size() == 0) return;
      ObjectNode object = (ObjectNode) node;
      String key = randomKey(node);
      JsonNode value = object.remove(key);
      object.set(KEYS[random.nextInt(KEYS.length)], value);
    }

    private void duplicateElement(JsonNode node) {
      if (node.isArray() && node.size() > 0) {
        ArrayNode array = (ArrayNode) node;
        array.add(array.get(random.nextInt(array.size())).deepCopy());
      } else if (node.isObject() && node.size() > 0) {
        JsonNode value = node.get(randomKey(node));
        ((ObjectNode) node).set(KEYS[random.nextInt(KEYS.length)], value.deepCopy());
      }
    }

    private void swapStringsAndNumbers(JsonNode node) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      if (node.isObject()) entries.addAll(node.properties());
      for (Map.Entry<String, JsonNode> e : entries) {
        JsonNode v = e.getValue();
        if (v.isString()) ((ObjectNode) node).put(e.getKey(), random.nextInt(1000) - 500);
        else if (v.isNumber()) ((ObjectNode) node).put(e.getKey(), v.asString());
      }
      if (node.isArray()) {
        ArrayNode array = (ArrayNode) node;
        for (int i = 0; i < array.size(); i++) {
          if (array.get(i).isString()) array.set(i, NODES.numberNode(i));
          else if (array.get(i).isNumber()) array.set(i, NODES.stringNode(array.get(i).asString()));
        }
      }
    }

    /** Points a reference member (or an id) at another identifier of the set. */
    private void bendReference(JsonNode node) {
      JsonNode target = NODES.stringNode(ids.get(random.nextInt(ids.size())));
      if (random.nextInt(4) == 0) target = NODES.arrayNode().add(target).add(ids.get(random.nextInt(ids.size())));
      if (node.isObject()) {
        ((ObjectNode) node).set(REFERENCE_KEYS[random.nextInt(REFERENCE_KEYS.length)], target);
      } else if (node.isArray() && node.size() > 0) {
        ((ArrayNode) node).set(random.nextInt(node.size()), target);
      }
    }

    /** Replaces a schema with Arrays nested tens to hundreds of levels deep. */
    private void deepSchema(JsonNode node) {
      if (!node.isObject()) return;
      JsonNode schema = NODES.stringNode("double");
      int depth = random.nextBoolean() ? 6 + random.nextInt(100) : 100 + random.nextInt(350);
      for (int d = 0; d < depth; d++) {
        ObjectNode array = NODES.objectNode().put("@type", "Array");
        array.set("elementSchema", schema);
        schema = array;
      }
      ((ObjectNode) node).set(random.nextBoolean() ? "schema" : "elementSchema", schema);
    }

    private void oddValue(JsonNode node) {
      JsonNode value = oddString();
      if (node.isObject() && node.size() > 0) ((ObjectNode) node).set(randomKey(node), value);
      else if (node.isArray() && node.size() > 0) ((ArrayNode) node).set(random.nextInt(node.size()), value);
    }

    /** Moves a member's value to another object, so values meet members of other kinds. */
    private void moveValue(JsonNode node) {
      if (!node.isObject() || node.size() == 0) return;
      String key = randomKey(node);
      JsonNode value = ((ObjectNode) node).get(key);
      for (JsonNode child : node) {
        if (child.isObject()) {
          ((ObjectNode) child).set(key, value.deepCopy());
          return;
        }
        if (child.isArray() && child.size() > 0 && child.get(0).isObject()) {
          ((ObjectNode) child.get(0)).set(key, value.deepCopy());
          return;
        }
      }
      ((ObjectNode) node).set(key, NODES.arrayNode().add(value.deepCopy()));
    }

    private JsonNode oddString() {
      switch (random.nextInt(12)) {
        case 0: return NODES.stringNode("");
        case 1: return NODES.stringNode("dtmi:ex:Other;1");
        case 2: return NODES.stringNode("dtmi:dtdl:context;3");
        case 3: return NODES.stringNode("x".repeat(5000));
        case 4: return NODES.stringNode("dtmi:ex:_sys;1");
        case 5: return NODES.stringNode("Interface");
        case 6: return NODES.stringNode("Property");
        case 7: return NODES.stringNode("dtmi:ex:" + "a:".repeat(2000) + "b;1");
        case 8: return NODES.stringNode("double");
        case 9: return NODES.numberNode(Long.MAX_VALUE);
        case 10: return NODES.numberNode(new java.math.BigDecimal("1e400"));
        default: return NODES.stringNode("\u0000\ud83d\ude00 ☃");
      }
    }

    private JsonNode randomValue() {
      switch (random.nextInt(8)) {
        case 0: return NODES.nullNode();
        case 1: return NODES.booleanNode(random.nextBoolean());
        case 2: return NODES.numberNode(random.nextInt(2000) - 1000);
        case 3: return NODES.numberNode(random.nextDouble() * 1e6);
        case 4: return NODES.stringNode("x" + random.nextInt(100));
        case 5: return NODES.arrayNode();
        case 6: return NODES.objectNode();
        default: return NODES.arrayNode().add(NODES.objectNode().put("@type", "Property"));
      }
    }

    private String randomKey(JsonNode node) {
      List<String> keys = new ArrayList<>();
      node.propertyNames().forEach(keys::add);
      return keys.get(random.nextInt(keys.size()));
    }

    private String insertJunk(String text) {
      int at = random.nextInt(text.length() + 1);
      return text.substring(0, at) + JUNK[random.nextInt(JUNK.length)] + text.substring(at);
    }

    /** Replaces a value (after a colon) with an array nested hundreds or thousands of levels deep. */
    private String deepNest(String text) {
      int depth = random.nextBoolean() ? 200 + random.nextInt(800) : 2000 + random.nextInt(20000);
      String nested = "[".repeat(depth) + (random.nextBoolean() ? "1" : "") + "]".repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
      int colon = text.isEmpty() ? -1 : text.indexOf(':', random.nextInt(text.length()));
      if (colon < 0) return nested;
      int end = colon + 1;
      while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != '\n') end++;
      return text.substring(0, colon + 1) + nested + text.substring(end);
    }
  }
}
