package dev.twins.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.internal.Vocabulary.AdjunctType;
import dev.twins.core.internal.Vocabulary.Extension;
import dev.twins.core.internal.Vocabulary.MemberKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class VocabularyTest {

  private static final String QT1 = "dtmi:dtdl:extension:quantitativeTypes;1";
  private static final String QT2 = "dtmi:dtdl:extension:quantitativeTypes;2";
  private static final String IOT = "dtmi:iotcentral:context;2";

  private static Extension ext(String context) {
    return Vocabulary.extension(context).orElseThrow(() -> new AssertionError("unknown " + context));
  }

  @Test
  void quantitativeTypesHave52SemanticTypesAndV2Has42() {
    assertThat(ext(QT1).adjunctTypes()).hasSize(52);
    assertThat(ext(QT2).adjunctTypes()).hasSize(52);
    assertThat(Vocabulary.v2SemanticTypes().adjunctTypes()).hasSize(42);
    // the ten types QuantitativeTypes added to the v2 table
    Set<String> added = new TreeSet<>(ext(QT1).adjunctTypes().keySet());
    added.removeAll(Vocabulary.v2SemanticTypes().adjunctTypes().keySet());
    assertThat(added).containsExactly("ApparentEnergy", "ApparentPower", "Concentration", "EnergyRate",
        "IonizingRadiationDose", "Irradiance", "Radioactivity", "ReactiveEnergy", "ReactivePower", "RelativeDensity");
  }

  @Test
  void temperatureUsesTemperatureUnitWithDegreeCelsius() {
    for (Extension e : List.of(Vocabulary.v2SemanticTypes(), ext(QT1), ext(QT2))) {
      AdjunctType t = e.adjunctType("Temperature").orElseThrow();
      assertThat(t.unitType()).contains("TemperatureUnit");
      assertThat(e.units("TemperatureUnit")).containsExactly("degreeCelsius", "degreeFahrenheit", "kelvin");
      assertThat(t.requiresNumericSchema()).isTrue();
      assertThat(t.members()).containsExactly(Map.entry("unit", MemberKind.UNIT));
      assertThat(t.requiredMembers()).containsExactly("unit");
    }
  }

  @Test
  void semanticTypesWhoseUnitTypeHasAnotherName() {
    for (Extension e : List.of(Vocabulary.v2SemanticTypes(), ext(QT1))) {
      assertThat(unitTypeOf(e, "Humidity")).isEqualTo("DensityUnit");
      assertThat(unitTypeOf(e, "Luminosity")).isEqualTo("PowerUnit");
      assertThat(unitTypeOf(e, "Distance")).isEqualTo("LengthUnit");
      assertThat(unitTypeOf(e, "ElectricCharge")).isEqualTo("ChargeUnit");
      assertThat(unitTypeOf(e, "Thrust")).isEqualTo("ForceUnit");
      assertThat(unitTypeOf(e, "TimeSpan")).isEqualTo("TimeUnit");
      assertThat(unitTypeOf(e, "Latitude")).isEqualTo("AngleUnit");
      assertThat(unitTypeOf(e, "RelativeHumidity")).isEqualTo("Unitless");
    }
    assertThat(unitTypeOf(ext(QT1), "EnergyRate")).isEqualTo("PowerUnit");
    assertThat(unitTypeOf(ext(QT1), "Concentration")).isEqualTo("Unitless");
    assertThat(Vocabulary.v2SemanticTypes().units("Unitless")).containsExactly("percent", "unity");
    assertThat(ext(QT1).units("Unitless")).contains("partsPerMillion", "percent");
    assertThat(Vocabulary.v2SemanticTypes().units("VolumeFlowRateUnit")).doesNotContain("millilitrePerMinute");
    assertThat(ext(QT1).units("VolumeFlowRateUnit")).contains("millilitrePerMinute");
  }

  private static String unitTypeOf(Extension e, String semanticType) {
    return e.adjunctType(semanticType).orElseThrow().unitType().orElseThrow();
  }

  @Test
  void everyUnitTypeNamedByAnAdjunctTypeExistsAndIsNotEmpty() {
    List<Extension> all = new ArrayList<>();
    all.add(Vocabulary.v2SemanticTypes());
    Vocabulary.knownContexts().forEach(c -> all.add(ext(c)));
    for (Extension e : all) {
      for (AdjunctType t : e.adjunctTypes().values()) {
        t.unitType().ifPresent(u -> assertThat(e.units(u)).as("%s %s %s", e.context(), t.term(), u).isNotEmpty());
      }
      // every unit type is used by at least one adjunct type, so there is no dead row
      Set<String> used = e.adjunctTypes().values().stream()
          .flatMap(t -> t.unitType().stream()).collect(Collectors.toSet());
      assertThat(used).as(e.context()).isEqualTo(e.unitTypes().keySet());
    }
  }

  @Test
  void quantitativeTypesExtendTheV2TablesAndV2OfTheExtensionEqualsV1() {
    Extension v2 = Vocabulary.v2SemanticTypes();
    Extension q1 = ext(QT1);
    v2.unitTypes().forEach((unitType, units) -> assertThat(q1.units(unitType)).as(unitType).containsAll(units));
    v2.adjunctTypes().forEach((term, t) ->
        assertThat(q1.adjunctType(term).flatMap(AdjunctType::unitType)).as(term).isEqualTo(t.unitType()));
    assertThat(ext(QT2).adjunctTypes()).isEqualTo(q1.adjunctTypes());
    assertThat(ext(QT2).unitTypes()).isEqualTo(q1.unitTypes());
    assertThat(q1.unitTypes()).hasSize(43);
    assertThat(v2.unitTypes()).hasSize(36);
  }

  @Test
  void whereSemanticTypesApply() {
    assertThat(Vocabulary.v2SemanticTypes().adjunctType("Pressure").orElseThrow().appliesTo())
        .containsExactly("Property", "Telemetry");
    assertThat(ext(QT1).adjunctType("Pressure").orElseThrow().appliesTo())
        .containsExactlyInAnyOrder("Telemetry", "Property", "Field", "MapValue", "CommandRequest", "CommandResponse");
    assertThat(Vocabulary.v2SemanticTypes().usableIn(2)).isTrue();
    assertThat(ext(QT1).dtdlVersions()).containsExactly(3);
    assertThat(ext(QT2).dtdlVersions()).containsExactly(4);
  }

  @Test
  void iotCentralDefinesFiveCoTypesAndTwoSchemas() {
    Extension iot = ext(IOT);
    assertThat(iot.adjunctTypes().keySet())
        .containsExactly("AccelerationVector", "Event", "Location", "State", "VelocityVector");
    assertThat(iot.extraSchemas().keySet()).containsExactly("geopoint", "vector");
    assertThat(iot.dtdlVersions()).containsExactly(2);
    for (AdjunctType t : iot.adjunctTypes().values()) {
      assertThat(t.appliesTo()).containsExactly("Property", "Telemetry");
      assertThat(t.requiredMembers()).isEmpty();
      assertThat(t.requiresNumericSchema()).isFalse();
    }
    AdjunctType velocity = iot.adjunctType("VelocityVector").orElseThrow();
    assertThat(velocity.unitType()).contains("VelocityUnit");
    assertThat(iot.units("VelocityUnit")).contains("metrePerSecond");
    assertThat(iot.units("AccelerationUnit")).contains("metrePerSecondSquared");
    assertThat(Vocabulary.allowedSchemas(IOT, "State")).containsExactly("Enum");
    assertThat(Vocabulary.allowedSchemas(IOT, "VelocityVector")).containsExactly("vector");
    assertThat(Vocabulary.allowedSchemas(IOT, "Location")).contains("geopoint", "polygon").hasSize(7);
    assertThat(Vocabulary.allowedSchemas(IOT, "Event")).containsExactlyInAnyOrder("double", "float", "integer", "long",
        "string");
    assertThat(Vocabulary.allowedSchemas(QT1, "Temperature")).isEmpty();
  }

  @Test
  void knownContextsAndTheDtdlVersionsTheyServe() {
    assertThat(Vocabulary.knownContexts()).containsExactlyInAnyOrder(
        IOT, QT1, QT2,
        "dtmi:dtdl:extension:historization;1", "dtmi:dtdl:extension:historization;2",
        "dtmi:dtdl:extension:annotation;1", "dtmi:dtdl:extension:annotation;2",
        "dtmi:dtdl:extension:overriding;1", "dtmi:dtdl:extension:overriding;2",
        "dtmi:dtdl:extension:mqtt;1", "dtmi:dtdl:extension:mqtt;2", "dtmi:dtdl:extension:mqtt;3",
        "dtmi:dtdl:extension:requirement;1");
    assertThat(ext("dtmi:dtdl:extension:historization;1").dtdlVersions()).containsExactly(2, 3);
    assertThat(ext("dtmi:dtdl:extension:historization;2").dtdlVersions()).containsExactly(3, 4);
    assertThat(ext("dtmi:dtdl:extension:overriding;1").dtdlVersions()).containsExactly(3);
    assertThat(ext("dtmi:dtdl:extension:mqtt;1").dtdlVersions()).containsExactly(3);
    assertThat(ext("dtmi:dtdl:extension:mqtt;3").dtdlVersions()).containsExactly(3, 4);
    assertThat(ext("dtmi:dtdl:extension:requirement;1").usableIn(4)).isTrue();
    for (String c : Vocabulary.knownContexts()) {
      assertThat(ext(c).usableIn(2)).as(c).isEqualTo(c.equals(IOT) || c.equals("dtmi:dtdl:extension:historization;1"));
    }
    assertThat(Vocabulary.extension("dtmi:dtdl:context;2")).isEmpty();
    assertThat(Vocabulary.extension("dtmi:dtdl:extension:streaming;1")).isEmpty();
    assertThat(Vocabulary.extension("dtmi:dtdl:extension:quantitativeTypes;3")).isEmpty();
  }

  @Test
  void annotationAndOverriding() {
    AdjunctType annotation = ext("dtmi:dtdl:extension:annotation;1").adjunctType("ValueAnnotation").orElseThrow();
    assertThat(annotation.appliesTo()).containsExactly("Property", "Telemetry");
    assertThat(annotation.members()).containsExactly(Map.entry("annotates", MemberKind.CONTENT_NAME));
    assertThat(annotation.requiredMembers()).containsExactly("annotates");

    AdjunctType override = ext("dtmi:dtdl:extension:overriding;2").adjunctType("Override").orElseThrow();
    assertThat(override.appliesTo()).containsExactly("Property");
    assertThat(override.appliesTo("Telemetry")).isFalse();
    assertThat(override.members()).containsExactly(Map.entry("overrides", MemberKind.PROPERTY_NAME));
    assertThat(override.requiresCoTypes()).containsExactly("ValueAnnotation");

    AdjunctType historized = ext("dtmi:dtdl:extension:historization;2").adjunctType("Historized").orElseThrow();
    assertThat(historized.members()).isEmpty();
    assertThat(historized.appliesTo()).containsExactly("Property", "Telemetry");
  }

  @Test
  void mqttAndRequirement() {
    Extension m1 = ext("dtmi:dtdl:extension:mqtt;1");
    assertThat(m1.adjunctTypes().keySet()).containsExactly("Cacheable", "Idempotent", "Indexed", "Mqtt");
    AdjunctType mqtt = m1.adjunctType("Mqtt").orElseThrow();
    assertThat(mqtt.appliesTo()).containsExactly("Interface");
    assertThat(mqtt.requiredMembers()).containsExactly("payloadFormat");
    assertThat(Vocabulary.allowedValues(m1.context(), "Mqtt", "payloadFormat"))
        .containsExactly("avro", "cbor", "json", "proto2", "proto3", "raw");
    AdjunctType cacheable = m1.adjunctType("Cacheable").orElseThrow();
    assertThat(cacheable.members()).containsExactly(Map.entry("ttl", MemberKind.DURATION));
    assertThat(cacheable.requiresCoTypes()).containsExactly("Idempotent");
    assertThat(m1.adjunctType("Indexed").orElseThrow().appliesTo()).containsExactly("EnumValue", "Field", "Telemetry");

    Extension m2 = ext("dtmi:dtdl:extension:mqtt;2");
    assertThat(m2.adjunctType("Mqtt").orElseThrow().members())
        .containsOnlyKeys(
            "commandTopic", "payloadFormat", "telemetryTopic", "cmdServiceGroupId", "telemServiceGroupId");
    assertThat(Vocabulary.allowedValues(m2.context(), "Mqtt", "payloadFormat")).isEmpty();
    assertThat(m2.adjunctType("Transparent").orElseThrow().appliesTo())
        .containsExactly("CommandRequest", "CommandResponse");
    assertThat(Vocabulary.allowedSchemas(m2.context(), "Transparent")).containsExactly("Object");

    Extension m3 = ext("dtmi:dtdl:extension:mqtt;3");
    assertThat(m3.adjunctTypes()).containsKeys("Result", "NormalResult", "ErrorResult", "Error", "ErrorMessage")
        .hasSize(10);
    assertThat(Vocabulary.allowedSchemas(m3.context(), "ErrorMessage")).containsExactly("string");

    AdjunctType required = ext("dtmi:dtdl:extension:requirement;1").adjunctType("Required").orElseThrow();
    assertThat(required.appliesTo()).containsExactly("Field");
  }

  @Test
  void recordsCopyAndValidate() {
    Set<String> applies = new TreeSet<>(Set.of("Property"));
    AdjunctType t = new AdjunctType("X", applies, Optional.empty(), false, Map.of(), Set.of(), Set.of());
    applies.add("Telemetry");
    assertThat(t.appliesTo()).containsExactly("Property");
    assertThatThrownBy(() -> t.appliesTo().add("Command")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new AdjunctType("X", Set.of(), Optional.empty(), false, Map.of(), Set.of("m"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required members");
    assertThatThrownBy(() -> new AdjunctType("X", Set.of(), Optional.empty(), false, Map.of("unit", MemberKind.UNIT),
        Set.of(), Set.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit type");
    AdjunctType needsUnit = new AdjunctType("Y", Set.of("Property"), Optional.of("YUnit"), true,
        Map.of("unit", MemberKind.UNIT), Set.of("unit"), Set.of());
    assertThatThrownBy(() -> new Extension("dtmi:x;1", Set.of(3), Map.of("Y", needsUnit), Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown unit type YUnit");
    assertThatThrownBy(() -> new Extension("dtmi:x;1", Set.of(3), Map.of("Z", needsUnit),
        Map.of("YUnit", Set.of("y")), Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(ext(QT1).toString()).isEqualTo(
        "Extension[" + QT1 + ", dtdl=[3], adjunctTypes=52, unitTypes=43, extraSchemas=[]]");
  }

  // -----------------------------------------------------------------------------------------------
  // Corpus: every co-type and unit used in the shared ontologies is known under its file's contexts.

  private static final Set<String> CORE_CLASSES = Set.of("Interface", "Telemetry", "Property", "Command",
      "Relationship", "Component", "CommandPayload", "CommandRequest", "CommandResponse", "Array", "Enum",
      "EnumValue", "Map", "MapKey", "MapValue", "Object", "Field");

  /** DTDL v2 co-types that /work/shared/ontologies/README.md lists as deliberately undefined. */
  private static final Set<String> UNDEFINED_V2_CO_TYPES = Set.of("SP_Temper", "SP_Name", "SP_Message", "Count",
      "Grade", "Concentration", "VolumeFlowRate ", "GPIO", "StringValue", "NumberValue", "Visualized", "Initialized",
      "AngularVelocityVector", "Event", "Location");

  private static final Set<String> NUMERIC = Set.of("double", "float", "integer", "long");

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @Test
  @Tag("corpus")
  void everyCoTypeAndUnitInTheSharedOntologiesIsKnown() throws IOException {
    String shared = System.getProperty("twins.shared.dir");
    Assumptions.assumeTrue(shared != null && Files.isDirectory(Paths.get(shared, "ontologies")),
        "shared folder with ontologies not found (system property twins.shared.dir=" + shared + ")");
    Path root = Paths.get(shared, "ontologies");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
    }
    Corpus corpus = new Corpus();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      corpus.file = root.relativize(file).toString();
      corpus.visit(JSON.readTree(text), List.of());
    }
    assertThat(files).hasSizeGreaterThan(7000);
    assertThat(corpus.iotCentralFiles).as("files using %s", IOT).hasSize(51);
    assertThat(corpus.checkedCoTypes).isGreaterThan(1000);
    assertThat(corpus.checkedUnits).isGreaterThan(500);
    assertThat(corpus.checkedOverrides).isGreaterThan(0);
    assertThat(corpus.checkedSchemas).as("iotcentral schema restrictions checked").isGreaterThan(30);
    assertThat(corpus.undefined.keySet()).as("deliberately undefined v2 co-types seen")
        .isSubsetOf(UNDEFINED_V2_CO_TYPES).contains("SP_Temper", "VolumeFlowRate ", "Event");
    assertThat(corpus.problems).as("%d problems, e.g. %s", corpus.problems.size(),
        corpus.problems.stream().limit(30).collect(Collectors.joining("\n"))).isEmpty();
  }

  /** Walks model JSON and checks co-types and units against the vocabulary. */
  private static final class Corpus {
    String file = "";
    final Set<String> iotCentralFiles = new TreeSet<>();
    final List<String> problems = new ArrayList<>();
    final Map<String, Integer> undefined = new TreeMap<>();
    int checkedCoTypes;
    int checkedUnits;
    int checkedOverrides;
    int checkedSchemas;

    void visit(JsonNode node, List<String> contexts) {
      if (node.isArray()) {
        for (JsonNode child : node.values()) {
          visit(child, contexts);
        }
        return;
      }
      if (!node.isObject()) {
        return;
      }
      List<String> active = withContexts(contexts, node.get("@context"));
      List<String> types = strings(node.get("@type"));
      if (!types.isEmpty()) {
        check(node, active, types);
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getKey().equals("@context")) {
          visit(e.getValue(), active);
        }
      }
    }

    private List<String> withContexts(List<String> outer, JsonNode context) {
      if (context == null) {
        return outer;
      }
      List<String> result = new ArrayList<>(outer);
      for (String c : strings(context)) {
        if (c.startsWith("dtmi:dtdl:context;")) {
          result.removeIf(old -> old.startsWith("dtmi:dtdl:context;"));
        }
        if (c.equals(IOT)) {
          iotCentralFiles.add(file);
        }
        result.add(c);
      }
      return result;
    }

    private void check(JsonNode node, List<String> contexts, List<String> types) {
      int version = contexts.stream().filter(c -> c.startsWith("dtmi:dtdl:context;"))
          .mapToInt(c -> Integer.parseInt(c.substring(c.indexOf(';') + 1))).findFirst().orElse(-1);
      List<Extension> active = new ArrayList<>();
      if (version == 2) {
        active.add(Vocabulary.v2SemanticTypes());
      }
      for (String c : contexts) {
        if (!c.startsWith("dtmi:dtdl:context;")) {
          Optional<Extension> e = Vocabulary.extension(c);
          if (e.isEmpty()) {
            problems.add(file + ": unknown context " + c);
          } else if (!e.get().usableIn(version)) {
            problems.add(file + ": context " + c + " is not usable in DTDL v" + version);
          } else {
            active.add(e.get());
          }
        }
      }
      Set<String> material = types.stream().filter(CORE_CLASSES::contains).collect(Collectors.toSet());
      boolean undefinedCoType = false;
      List<Map.Entry<Extension, AdjunctType>> resolved = new ArrayList<>();
      for (String t : types) {
        if (CORE_CLASSES.contains(t)) {
          continue;
        }
        Optional<Map.Entry<Extension, AdjunctType>> found = resolve(active, t);
        if (found.isEmpty()) {
          if (version == 2 && UNDEFINED_V2_CO_TYPES.contains(t)) {
            undefined.merge(t, 1, Integer::sum);
            undefinedCoType = true;
          } else {
            problems.add(file + ": unknown co-type " + t + " under " + contexts);
          }
          continue;
        }
        checkedCoTypes++;
        AdjunctType adjunct = found.get().getValue();
        resolved.add(found.get());
        if (material.stream().noneMatch(adjunct::appliesTo)) {
          problems.add(file + ": " + t + " on " + material + ", but it applies to " + adjunct.appliesTo());
        }
        for (String m : adjunct.requiredMembers()) {
          if (node.get(m) == null) {
            problems.add(file + ": " + t + " without required member " + m);
          }
        }
        if (!types.containsAll(adjunct.requiresCoTypes())) {
          problems.add(file + ": " + t + " without co-types " + adjunct.requiresCoTypes());
        }
        checkSchema(node.get("schema"), found.get().getKey(), adjunct);
      }
      JsonNode unit = node.get("unit");
      if (unit != null && !undefinedCoType) {
        checkedUnits++;
        List<Map.Entry<Extension, AdjunctType>> withUnit = resolved.stream()
            .filter(e -> e.getValue().unitType().isPresent()).toList();
        if (withUnit.isEmpty()) {
          problems.add(file + ": unit " + unit + " without a semantic type, types " + types);
        }
        for (Map.Entry<Extension, AdjunctType> e : withUnit) {
          String unitType = e.getValue().unitType().orElseThrow();
          if (!e.getKey().units(unitType).contains(unit.asString())) {
            problems.add(file + ": unit " + unit + " is not a " + unitType + " of " + e.getKey().context());
          }
        }
      }
      JsonNode overrides = node.get("overrides");
      if (overrides != null && overrides.asString().equals("unit")) {
        checkedOverrides++;
        String schema = node.path("schema").asString("");
        if (active.stream().noneMatch(e -> e.unitTypes().containsKey(schema))) {
          problems.add(file + ": Override of unit with schema " + schema + ", which is no known unit type");
        }
      }
    }

    /** Checks a schema given as a term or an inline complex schema; references by DTMI are skipped. */
    private void checkSchema(JsonNode schema, Extension extension, AdjunctType adjunct) {
      if (schema == null) {
        return;
      }
      String kind;
      if (schema.isString()) {
        kind = schema.stringValue();
        if (kind.startsWith("dtmi:")) {
          return;
        }
      } else {
        kind = strings(schema.get("@type")).stream().filter(CORE_CLASSES::contains).findFirst().orElse("?");
      }
      if (adjunct.requiresNumericSchema() && !NUMERIC.contains(kind)) {
        problems.add(file + ": " + adjunct.term() + " with non-numeric schema " + kind);
      }
      Set<String> allowed = Vocabulary.allowedSchemas(extension.context(), adjunct.term());
      if (!allowed.isEmpty()) {
        checkedSchemas++;
        if (!allowed.contains(kind)) {
          problems.add(file + ": " + adjunct.term() + " with schema " + kind + ", allowed are " + allowed);
        }
      }
    }

    private static Optional<Map.Entry<Extension, AdjunctType>> resolve(List<Extension> active, String term) {
      for (int i = active.size() - 1; i >= 0; i--) {
        Extension e = active.get(i);
        Optional<AdjunctType> t = e.adjunctType(term);
        if (t.isPresent()) {
          return Optional.of(Map.entry(e, t.get()));
        }
      }
      return Optional.empty();
    }

    private static List<String> strings(JsonNode node) {
      if (node == null) {
        return List.of();
      }
      if (node.isString()) {
        return List.of(node.stringValue());
      }
      List<String> out = new ArrayList<>();
      if (node.isArray()) {
        for (JsonNode v : node.values()) {
          if (v.isString()) {
            out.add(v.stringValue());
          }
        }
      }
      return out;
    }
  }
}
