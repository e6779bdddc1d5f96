package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.line;
import static dev.twins.core.model.ModelTesting.render;
import static dev.twins.core.model.ModelTesting.sources;
import static dev.twins.core.model.ModelTesting.v3;
import static dev.twins.core.model.ModelTesting.valid;
import static dev.twins.core.model.ModelTesting.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Completeness: dependent references must resolve, from the texts or from a {@link DtmiResolver}. */
class ResolutionTest {
  private static final Dtmi B = Dtmi.of("dtmi:ex:B;1");
  private static final Dtmi C = Dtmi.of("dtmi:ex:C;1");

  private static final String A_USES_B = v3("dtmi:ex:A;1", "{\"@type\": \"Component\", \"name\": \"b\", \"schema\": \"dtmi:ex:B;1\"}");
  private static final String B_EXTENDS_C = v3("dtmi:ex:B;1", "{\"@type\": \"Property\", \"name\": \"pb\", \"schema\": \"double\"}")
      .replace("\"@type\": \"Interface\",", "\"@type\": \"Interface\", \"extends\": \"dtmi:ex:C;1\",");
  private static final String C_TEXT = v3("dtmi:ex:C;1", "{\"@type\": \"Property\", \"name\": \"pc\", \"schema\": \"string\"}");

  /** A resolver over a map of texts that records each call. */
  private static final class RecordingResolver implements DtmiResolver {
    final List<Set<Dtmi>> calls = new ArrayList<>();
    final Map<Dtmi, String> texts;

    RecordingResolver(Map<Dtmi, String> texts) {
      this.texts = texts;
    }

    @Override
    public Collection<ModelSource> resolve(Set<Dtmi> unresolved) {
      calls.add(new TreeSet<>(unresolved));
      List<ModelSource> out = new ArrayList<>();
      for (Dtmi d : unresolved) {
        String t = texts.get(d);
        if (t != null) out.add(new ModelSource("repo/" + d.unversioned().replace(':', '/') + ".json", t));
      }
      return out;
    }
  }

  private static ModelParser with(DtmiResolver r) {
    return ModelParser.builder().resolver(r).build();
  }

  @Test
  void resolverIsNotAskedWhenTheSetIsComplete() {
    RecordingResolver r = new RecordingResolver(Map.of());
    valid(with(r), A_USES_B, B_EXTENDS_C, C_TEXT);
    assertThat(r.calls).isEmpty();
  }

  @Test
  void resolverSuppliesTheComponentInterfaceAndThenItsBase() {
    RecordingResolver r = new RecordingResolver(Map.of(B, B_EXTENDS_C, C, C_TEXT));
    Models m = valid(with(r), A_USES_B);
    assertThat(r.calls).as("first the component's Interface, then what that one needs")
        .containsExactly(Set.of(B), Set.of(C));
    Component b = m.require("dtmi:ex:A;1").components().get(0);
    assertThat(b.schema().contents()).containsOnlyKeys("pc", "pb");
    assertThat(m.interfaces()).extracting(i -> i.id().value()).containsExactly("dtmi:ex:A;1", "dtmi:ex:B;1", "dtmi:ex:C;1");
  }

  @Test
  void resolverIsAskedForAllUnresolvedAtOnceAndNotForRelationshipTargets() {
    String a = v3("dtmi:ex:A;1",
        "{\"@type\": \"Component\", \"name\": \"b\", \"schema\": \"dtmi:ex:B;1\"}",
        "{\"@type\": \"Relationship\", \"name\": \"near\", \"target\": \"dtmi:ex:Elsewhere;1\"}")
        .replace("\"@type\": \"Interface\",", "\"@type\": \"Interface\", \"extends\": \"dtmi:ex:C;1\",");
    RecordingResolver r = new RecordingResolver(Map.of(B, v3("dtmi:ex:B;1"), C, C_TEXT));
    Models m = valid(with(r), a);
    assertThat(r.calls).containsExactly(Set.of(B, C));
    assertThat(m.require("dtmi:ex:A;1").contents()).containsOnlyKeys("pc", "b", "near");
  }

  @Test
  void relationshipTargetAloneNeverAsksTheResolver() {
    RecordingResolver r = new RecordingResolver(Map.of());
    valid(with(r), v3("dtmi:ex:A;1", "{\"@type\": \"Relationship\", \"name\": \"near\", \"target\": \"dtmi:ex:Elsewhere;1\"}"));
    assertThat(r.calls).isEmpty();
  }

  @Test
  void whatTheResolverCannotSupplyStaysUnresolved() {
    RecordingResolver r = new RecordingResolver(Map.of());
    List<ModelError> errors = errors(with(r), A_USES_B);
    assertThat(r.calls).containsExactly(Set.of(B));
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    assertThat(e.code()).isEqualTo(ErrorCode.UNRESOLVED_REFERENCE);
    assertThat(e.source()).isEqualTo(IN0);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.pointer()).isEqualTo("/contents/0/schema");
    assertThat(e.message()).contains("dtmi:ex:B;1");
  }

  @Test
  void errorsInResolvedTextsNameTheResolversSource() {
    String badB = v3("dtmi:ex:B;1", "{\"@type\": \"Property\", \"name\": \"bad name\", \"@id\": \"dtmi:ex:B:p;1\", \"schema\": \"double\"}");
    RecordingResolver r = new RecordingResolver(Map.of(B, badB));
    List<ModelError> errors = errors(with(r), A_USES_B);
    ModelTesting.only(errors, ErrorCode.NAME_INVALID, "repo/dtmi/ex/B.json", 5, "/contents/0/name", "dtmi:ex:B:p;1");
  }

  @Test
  void withoutResolverEveryUnresolvedDtmiIsListed() {
    String a = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "extends": "dtmi:ex:MissingBase;1",
          "contents": [
            {"@type": "Component", "name": "part", "schema": "dtmi:ex:MissingPart;1"},
            {"@type": "Property", "name": "p", "schema": "dtmi:ex:MissingSchema;1"},
            {"@type": "Relationship", "name": "r", "target": "dtmi:ex:NotNeeded;1"}
          ]
        }
        """;
    List<ModelError> errors = errors(a);
    assertThat(errors).as(render(errors)).allSatisfy(e -> assertThat(e.code()).isEqualTo(ErrorCode.UNRESOLVED_REFERENCE));
    assertThat(errors).hasSize(3);
    Map<String, ModelError> byDtmi = errors.stream().collect(Collectors.toMap(
        e -> e.message().replaceAll(".*(dtmi:ex:Missing[A-Za-z]+;1).*", "$1"), e -> e));
    assertThat(byDtmi).containsOnlyKeys("dtmi:ex:MissingBase;1", "dtmi:ex:MissingPart;1", "dtmi:ex:MissingSchema;1");
    assertThat(byDtmi.get("dtmi:ex:MissingBase;1").pointer()).isEqualTo("/extends");
    assertThat(byDtmi.get("dtmi:ex:MissingBase;1").line()).isEqualTo(line(a, "MissingBase"));
    assertThat(byDtmi.get("dtmi:ex:MissingPart;1").pointer()).isEqualTo("/contents/0/schema");
    assertThat(byDtmi.get("dtmi:ex:MissingPart;1").line()).isEqualTo(line(a, "MissingPart"));
    assertThat(byDtmi.get("dtmi:ex:MissingSchema;1").pointer()).isEqualTo("/contents/1/schema");
    assertThat(byDtmi.get("dtmi:ex:MissingSchema;1").line()).isEqualTo(line(a, "MissingSchema"));
    assertThat(errors).allSatisfy(e -> assertThat(e.source()).isEqualTo(IN0));
    assertThat(byDtmi.get("dtmi:ex:MissingPart;1").dtmi())
        .isIn("dtmi:ex:A:_contents:__part;1", "dtmi:ex:MissingPart;1");
    assertThat(byDtmi.get("dtmi:ex:MissingBase;1").dtmi()).isIn("dtmi:ex:A;1", "dtmi:ex:MissingBase;1");
  }

  @Test
  void unresolvedReferencesInTwoSourcesAreAllReported() {
    List<ModelError> errors = errors(A_USES_B, v3("dtmi:ex:D;1", "{\"@type\": \"Component\", \"name\": \"c\", \"schema\": \"dtmi:ex:C;1\"}"));
    assertThat(withCode(errors, ErrorCode.UNRESOLVED_REFERENCE)).as(render(errors)).hasSize(2);
    assertThat(errors).extracting(ModelError::source).containsExactly("input[0]", "input[1]");
  }

  @Test
  void referencesResolveAcrossSourcesInAnyOrder() {
    Models m = ModelParser.defaults().parse(sources(C_TEXT, B_EXTENDS_C, A_USES_B));
    assertThat(m.size()).isEqualTo(3);
    assertThat(m.require("dtmi:ex:B;1").bases()).extracting(i -> i.id().value()).containsExactly("dtmi:ex:C;1");
  }
}
