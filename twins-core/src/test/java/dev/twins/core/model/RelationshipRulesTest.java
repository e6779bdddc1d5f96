package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.v2;
import static dev.twins.core.model.ModelTesting.v3;
import static dev.twins.core.model.ModelTesting.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Relationships: multiplicity bounds, target, own properties, writable. */
class RelationshipRulesTest {
  private static final String A = "dtmi:ex:A;1";
  private static final String R = "dtmi:ex:A:_contents:__r;1";

  private static String rel(String members) {
    return "{\"@type\": \"Relationship\", \"name\": \"r\"" + (members.isEmpty() ? "" : ", " + members) + "}";
  }

  private static Relationship relationship(Models m) {
    return (Relationship) m.require(A).content("r").orElseThrow();
  }

  // ---- MULTIPLICITY ----

  @Test
  void minimalRelationshipHasNoTargetAndNoUpperBound() {
    Relationship r = relationship(valid(v3(A, rel(""))));
    assertThat(r.target()).isEmpty();
    assertThat(r.minMultiplicity()).isZero();
    assertThat(r.maxMultiplicity()).isEmpty();
    assertThat(r.properties()).isEmpty();
    assertThat(r.writable()).isFalse();
    assertThat(r.id().value()).isEqualTo(R);
  }

  @Test
  void minMultiplicityZeroIsValid() {
    assertThat(relationship(valid(v3(A, rel("\"minMultiplicity\": 0")))).minMultiplicity()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, -1})
  void minMultiplicityOtherThanZeroIsInvalid(int min) {
    only(errors(v3(A, rel("\"minMultiplicity\": " + min))), ErrorCode.MULTIPLICITY, IN0, 5, "/contents/0/minMultiplicity", R);
    only(errors(v2(A, rel("\"minMultiplicity\": " + min))), ErrorCode.MULTIPLICITY, IN0, 5, "/contents/0/minMultiplicity", R);
  }

  @Test
  void maxMultiplicityOneIsValid() {
    assertThat(relationship(valid(v3(A, rel("\"maxMultiplicity\": 1")))).maxMultiplicity()).hasValue(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void maxMultiplicityBelowOneIsInvalid(int max) {
    only(errors(v3(A, rel("\"maxMultiplicity\": " + max))), ErrorCode.MULTIPLICITY, IN0, 5, "/contents/0/maxMultiplicity", R);
  }

  @Test
  void v2MaxMultiplicityOf500IsValidAnd501IsNot() {
    assertThat(relationship(valid(v2(A, rel("\"maxMultiplicity\": 500")))).maxMultiplicity()).hasValue(500);
    only(errors(v2(A, rel("\"maxMultiplicity\": 501"))), ErrorCode.MULTIPLICITY, IN0, 5, "/contents/0/maxMultiplicity", R);
  }

  @Test
  void v3HasNoUpperBoundOnMaxMultiplicity() {
    assertThat(relationship(valid(v3(A, rel("\"maxMultiplicity\": 1000000")))).maxMultiplicity()).hasValue(1_000_000);
  }

  @Test
  void multiplicityAsValueObjectIsValid() {
    Relationship r = relationship(valid(v3(A, rel("\"minMultiplicity\": {\"@value\": 0}, \"maxMultiplicity\": {\"@value\": 7, \"@type\": \"xsd:integer\"}"))));
    assertThat(r.minMultiplicity()).isZero();
    assertThat(r.maxMultiplicity()).hasValue(7);
  }

  @Test
  void fractionalMaxMultiplicityIsNotAnInteger() {
    only(errors(v3(A, rel("\"maxMultiplicity\": 2.5"))), ErrorCode.MEMBER_TYPE, IN0, 5, "/contents/0/maxMultiplicity", R);
  }

  // ---- target, properties, writable ----

  @Test
  void targetNeedNotResolve() {
    Relationship r = relationship(valid(v3(A, rel("\"target\": \"dtmi:ex:Nowhere;1\""))));
    assertThat(r.target()).hasValue(Dtmi.of("dtmi:ex:Nowhere;1"));
  }

  @Test
  void targetMayBeTheSourceInterface() {
    assertThat(relationship(valid(v3(A, rel("\"target\": \"dtmi:ex:A;1\"")))).target()).hasValue(Dtmi.of(A));
  }

  @Test
  void targetAsOneElementArrayIsValid() {
    assertThat(relationship(valid(v3(A, rel("\"target\": [\"dtmi:ex:B;1\"]")))).target()).hasValue(Dtmi.of("dtmi:ex:B;1"));
  }

  @Test
  void twoTargetsAreMemberType() {
    only(errors(v3(A, rel("\"target\": [\"dtmi:ex:B;1\", \"dtmi:ex:C;1\"]"))), ErrorCode.MEMBER_TYPE, IN0, 5, "/contents/0/target", R);
  }

  @Test
  void propertiesAndWritableAreKept() {
    Relationship r = relationship(valid(v3(A, rel("\"writable\": true, \"properties\": ["
        + "{\"@type\": \"Property\", \"name\": \"since\", \"schema\": \"dateTime\", \"writable\": true},"
        + "{\"@type\": \"Property\", \"name\": \"weight\", \"schema\": \"double\"}]"))));
    assertThat(r.writable()).isTrue();
    assertThat(r.properties()).extracting(Property::name).containsExactly("since", "weight");
    assertThat(r.property("since").orElseThrow().writable()).isTrue();
    assertThat(r.property("since").orElseThrow().schema()).isEqualTo(PrimitiveSchema.DATE_TIME);
    assertThat(r.property("weight").orElseThrow().id().value()).isEqualTo("dtmi:ex:A:_contents:__r:_properties:__weight;1");
  }

  @Test
  void relationshipPropertyMustBeAProperty() {
    String text = v3(A, rel("\"properties\": [{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}]"));
    only(errors(text), ErrorCode.TYPE_NOT_ALLOWED, IN0, 5, "/contents/0/properties/0/@type",
        "dtmi:ex:A:_contents:__r:_properties:__t;1");
  }

  @Test
  void relationshipPropertyNamesMayRepeatInterfaceContentNames() {
    Models m = valid(v3(A, "{\"@type\": \"Property\", \"name\": \"since\", \"schema\": \"date\"}",
        rel("\"properties\": [{\"@type\": \"Property\", \"name\": \"since\", \"schema\": \"dateTime\"}]")));
    assertThat(m.require(A).contents()).containsOnlyKeys("since", "r");
  }
}
