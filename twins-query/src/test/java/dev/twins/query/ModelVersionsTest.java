package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelParser;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** IS_OF_MODEL as ADT documents it: subtypes count, and so do the same or higher versions of the model. */
class ModelVersionsTest {
  @Test
  void sameOrHigherVersionsAndSubtypesMatch() {
    Twins t = Twins.create(ModelParser.parseJson("""
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:x:Pump;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "rpm", "schema": "double"}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:x:Pump;2", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "rpm", "schema": "double"}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:x:BigPump;1", "@type": "Interface", "extends": "dtmi:x:Pump;1"}"""));
    t.createTwin("p1", "dtmi:x:Pump;1", Map.of("rpm", 10.0));
    t.createTwin("p2", "dtmi:x:Pump;2", Map.of("rpm", 20.0));
    t.createTwin("big", "dtmi:x:BigPump;1", Map.of("rpm", 30.0));
    QueryEngine e = QueryEngine.of(t);
    assertThat(ids(e, "IS_OF_MODEL(P, 'dtmi:x:Pump;1')")).isEqualTo("big,p1,p2");
    assertThat(ids(e, "IS_OF_MODEL(P, 'dtmi:x:Pump;2')")).isEqualTo("p2");
    assertThat(ids(e, "IS_OF_MODEL(P, 'dtmi:x:Pump;1', exact)")).isEqualTo("p1,p2");
    assertThat(ids(e, "IS_OF_MODEL(P, 'dtmi:x:Pump;1') AND P.rpm > 15")).isEqualTo("big,p2");
    assertThat(ids(e, "IS_OF_MODEL('dtmi:x:BigPump;1')")).isEqualTo("big");
    assertThat(e.query("SELECT COUNT() FROM DIGITALTWINS P WHERE IS_OF_MODEL(P, 'dtmi:x:Pump;1')").toJsonLines())
        .isEqualTo("{\"COUNT\":3}\n");
  }

  private static String ids(QueryEngine e, String where) {
    return e.query("SELECT P.$dtId FROM DIGITALTWINS P WHERE " + where).stream()
        .map(r -> r.string("$dtId").orElseThrow()).sorted().collect(Collectors.joining(","));
  }
}
