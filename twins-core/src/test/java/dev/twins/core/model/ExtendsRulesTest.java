package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.IN1;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.one;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.render;
import static dev.twins.core.model.ModelTesting.valid;
import static dev.twins.core.model.ModelTesting.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code extends}: set size, depth, cycles, target kind, and mixing DTDL versions. */
class ExtendsRulesTest {

  /** An Interface on lines 1-5; {@code extends} on line 4 when given. */
  private static String iface(int version, String id, String extendsJson, String contentsJson) {
    return "{\n"
        + "  \"@context\": \"dtmi:dtdl:context;" + version + "\",\n"
        + "  \"@id\": \"" + id + "\", \"@type\": \"Interface\",\n"
        + "  \"extends\": " + (extendsJson == null ? "[]" : extendsJson) + ",\n"
        + "  \"contents\": " + (contentsJson == null ? "[]" : contentsJson) + "\n"
        + "}\n";
  }

  private static String ids(List<String> ids) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < ids.size(); i++) sb.append(i > 0 ? ", " : "").append('"').append(ids.get(i)).append('"');
    return sb.append(']').toString();
  }

  // ---- EXTENDS_TOO_MANY ----

  @Test
  void v2ExtendsTwoIsValidAndThreeIsTooMany() {
    String b1 = iface(2, "dtmi:ex:B1;1", null, null);
    String b2 = iface(2, "dtmi:ex:B2;1", null, null);
    String b3 = iface(2, "dtmi:ex:B3;1", null, null);
    Models m = valid(iface(2, "dtmi:ex:D;1", "[\"dtmi:ex:B1;1\", \"dtmi:ex:B2;1\"]", null), b1, b2);
    assertThat(m.require("dtmi:ex:D;1").bases()).hasSize(2);
    String d = iface(2, "dtmi:ex:D;1", "[\"dtmi:ex:B1;1\", \"dtmi:ex:B2;1\", \"dtmi:ex:B3;1\"]", null);
    only(errors(d, b1, b2, b3), ErrorCode.EXTENDS_TOO_MANY, IN0, 4, "/extends", "dtmi:ex:D;1");
  }

  @Test
  void v3ExtendsThreeIsValid() {
    Models m = valid(iface(3, "dtmi:ex:D;1", "[\"dtmi:ex:B1;1\", \"dtmi:ex:B2;1\", \"dtmi:ex:B3;1\"]", null),
        iface(3, "dtmi:ex:B1;1", null, null), iface(3, "dtmi:ex:B2;1", null, null), iface(3, "dtmi:ex:B3;1", null, null));
    assertThat(m.require("dtmi:ex:D;1").bases()).extracting(i -> i.id().value())
        .containsExactly("dtmi:ex:B1;1", "dtmi:ex:B2;1", "dtmi:ex:B3;1");
  }

  private static String[] hierarchyOfBases(int count) {
    List<String> baseIds = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    texts.add(null);
    for (int i = 0; i < count; i++) {
      String id = "dtmi:ex:B" + i + ";1";
      baseIds.add(id);
      texts.add(iface(3, id, null, null));
    }
    texts.set(0, iface(3, "dtmi:ex:D;1", ids(baseIds), null));
    return texts.toArray(new String[0]);
  }

  @Test
  void v3HierarchyOf1024InterfacesIsValid() {
    assertThat(valid(hierarchyOfBases(1024)).require("dtmi:ex:D;1").bases()).hasSize(1024);
  }

  @Test
  void v3HierarchyOf1025InterfacesIsTooMany() {
    only(errors(hierarchyOfBases(1025)), ErrorCode.EXTENDS_TOO_MANY, IN0, 4, "/extends", "dtmi:ex:D;1");
  }

  // ---- EXTENDS_TOO_DEEP ----

  /** I0 extends I1 extends ... extends I{levels}: a path of {@code levels} extends members. */
  private static String[] chain(int version, int levels) {
    String[] texts = new String[levels + 1];
    for (int i = 0; i <= levels; i++) {
      String ext = i < levels ? "\"dtmi:ex:I" + (i + 1) + ";1\"" : null;
      texts[i] = iface(version, "dtmi:ex:I" + i + ";1", ext, null);
    }
    return texts;
  }

  @Test
  void tenLevelsOfExtendsAreValid() {
    Models m = valid(chain(3, 10));
    assertThat(m.require("dtmi:ex:I0;1").ancestors()).hasSize(11);
    valid(chain(2, 10));
  }

  @Test
  void elevenLevelsOfExtendsAreTooDeepAtTheTopInterface() {
    only(errors(chain(3, 11)), ErrorCode.EXTENDS_TOO_DEEP, IN0, 4, "/extends", "dtmi:ex:I0;1");
    only(errors(chain(2, 11)), ErrorCode.EXTENDS_TOO_DEEP, IN0, 4, "/extends", "dtmi:ex:I0;1");
  }

  @Test
  void v4AllowsTwelveLevelsButNotThirteen() {
    valid(chain(4, 12));
    only(errors(chain(4, 13)), ErrorCode.EXTENDS_TOO_DEEP, IN0, 4, "/extends", "dtmi:ex:I0;1");
  }

  @Test
  void elevenLevelsOfInlineExtendsAreTooDeep() {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:ex:I0;1\", \"@type\": \"Interface\",\n\"extends\": ");
    for (int i = 1; i <= 11; i++) sb.append("{\"@id\": \"dtmi:ex:I").append(i).append(";1\", \"@type\": \"Interface\", \"extends\": ");
    sb.append("[]");
    for (int i = 1; i <= 11; i++) sb.append('}');
    sb.append("\n}\n");
    only(errors(sb.toString()), ErrorCode.EXTENDS_TOO_DEEP, IN0, 2, "/extends", "dtmi:ex:I0;1");
  }

  // ---- EXTENDS_CYCLE ----

  @Test
  void interfaceExtendingItselfIsACycle() {
    only(errors(iface(3, "dtmi:ex:A;1", "\"dtmi:ex:A;1\"", null)), ErrorCode.EXTENDS_CYCLE, IN0, 4, "/extends", "dtmi:ex:A;1");
  }

  @Test
  void twoInterfacesExtendingEachOtherAreACycle() {
    List<ModelError> errors = errors(iface(3, "dtmi:ex:A;1", "\"dtmi:ex:B;1\"", null), iface(3, "dtmi:ex:B;1", "\"dtmi:ex:A;1\"", null));
    assertThat(errors).as(render(errors)).isNotEmpty().allSatisfy(e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.EXTENDS_CYCLE);
      assertThat(e.pointer()).isEqualTo("/extends");
      assertThat(e.line()).isEqualTo(4);
    });
  }

  @Test
  void threeInterfaceCycleIsReportedWithoutHanging() {
    List<ModelError> errors = errors(iface(3, "dtmi:ex:A;1", "\"dtmi:ex:B;1\"", null),
        iface(3, "dtmi:ex:B;1", "\"dtmi:ex:C;1\"", null), iface(3, "dtmi:ex:C;1", "\"dtmi:ex:A;1\"", null));
    assertThat(withCode(errors, ErrorCode.EXTENDS_CYCLE)).as(render(errors)).isNotEmpty();
    assertThat(errors).allSatisfy(e -> assertThat(e.code()).isEqualTo(ErrorCode.EXTENDS_CYCLE));
  }

  @Test
  void diamondInheritanceIsNotACycleAndNotADuplicate() {
    String a = iface(3, "dtmi:ex:A;1", null, "[{\"@type\": \"Property\", \"name\": \"x\", \"schema\": \"double\"}]");
    String b = iface(3, "dtmi:ex:B;1", "\"dtmi:ex:A;1\"", null);
    String c = iface(3, "dtmi:ex:C;1", "\"dtmi:ex:A;1\"", null);
    String d = iface(3, "dtmi:ex:D;1", "[\"dtmi:ex:B;1\", \"dtmi:ex:C;1\"]", null);
    Interface di = valid(a, b, c, d).require("dtmi:ex:D;1");
    assertThat(di.contents()).containsOnlyKeys("x");
    assertThat(di.ancestors()).extracting(Dtmi::value)
        .containsExactlyInAnyOrder("dtmi:ex:D;1", "dtmi:ex:B;1", "dtmi:ex:C;1", "dtmi:ex:A;1");
  }

  // ---- EXTENDS_NOT_INTERFACE ----

  @Test
  void extendingAnInlineObjectIsNotAnInterface() {
    // an inline element of the wrong class: reported on its @type as a class not allowed in "extends"
    String text = iface(3, "dtmi:ex:A;1", "[{\"@id\": \"dtmi:ex:O;1\", \"@type\": \"Object\", \"fields\": []}]", null);
    List<ModelError> errors = errors(text);
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    if (e.code() == ErrorCode.TYPE_NOT_ALLOWED) {
      only(errors, ErrorCode.TYPE_NOT_ALLOWED, IN0, 4, "/extends/0/@type", "dtmi:ex:O;1");
    } else {
      only(errors, ErrorCode.EXTENDS_NOT_INTERFACE, IN0, 4, "/extends/0", "dtmi:ex:A;1");
    }
  }

  @Test
  void extendingAReferencedSchemaIsNotAnInterface() {
    String b = "{\n  \"@context\": \"dtmi:dtdl:context;3\",\n  \"@id\": \"dtmi:ex:B;1\", \"@type\": \"Interface\",\n"
        + "  \"schemas\": [{\"@id\": \"dtmi:ex:B:obj;1\", \"@type\": \"Object\", \"fields\": []}]\n}\n";
    String a = iface(3, "dtmi:ex:A;1", "\"dtmi:ex:B:obj;1\"", null);
    one(errors(a, b), ErrorCode.EXTENDS_NOT_INTERFACE, IN0, 4, "/extends", "dtmi:ex:A;1");
  }

  @Test
  void extendsThatIsANumberIsMemberType() {
    only(errors(iface(3, "dtmi:ex:A;1", "5", null)), ErrorCode.MEMBER_TYPE, IN0, 4, "/extends", "dtmi:ex:A;1");
  }

  // ---- DTDL_VERSION_MIX ----

  @Test
  void v3MayExtendV2() {
    Models m = valid(iface(3, "dtmi:ex:New;1", "\"dtmi:ex:Old;1\"", null),
        iface(2, "dtmi:ex:Old;1", null, "[{\"@type\": \"Property\", \"name\": \"p\", \"schema\": \"double\"}]"));
    assertThat(m.require("dtmi:ex:New;1").contents()).containsOnlyKeys("p");
  }

  @Test
  void v2ExtendingV3IsAVersionMix() {
    only(errors(iface(2, "dtmi:ex:Old;1", "\"dtmi:ex:New;1\"", null), iface(3, "dtmi:ex:New;1", null, null)),
        ErrorCode.DTDL_VERSION_MIX, IN0, 4, "/extends", "dtmi:ex:Old;1");
  }

  @Test
  void v3MayUseAV2ComponentButV2MayNotUseAV3One() {
    String comp = "[{\"@type\": \"Component\", \"name\": \"c\", \"schema\": \"dtmi:ex:Part;1\"}]";
    valid(iface(3, "dtmi:ex:Whole;1", null, comp), iface(2, "dtmi:ex:Part;1", null, null));
    String v2Whole = iface(2, "dtmi:ex:Whole;1", null, comp);
    only(errors(iface(3, "dtmi:ex:Part;1", null, null), v2Whole), ErrorCode.DTDL_VERSION_MIX, IN1, 5,
        "/contents/0/schema", "dtmi:ex:Whole:_contents:__c;1");
  }

  @Test
  void v2ExtendingV4IsAVersionMix() {
    only(errors(iface(2, "dtmi:ex:Old;1", "\"dtmi:ex:Newest;1\"", null), iface(4, "dtmi:ex:Newest;1", null, null)),
        ErrorCode.DTDL_VERSION_MIX, IN0, 4, "/extends", "dtmi:ex:Old;1");
  }
}
