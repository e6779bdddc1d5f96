package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.twins.core.adt.AdtImport;
import dev.twins.core.adt.ErrorPolicy;
import dev.twins.core.graph.Twins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Queries with expected results over the real ADT sample graphs in {@code ../shared/samples/adt/},
 * the documentation's example queries among them (adapted to the names of each graph).
 */
@Tag("corpus")
class AdtSamplesCorpusTest {
  private static Path samples() {
    String prop = System.getProperty("twins.shared.dir");
    Path dir = prop == null ? Path.of("..", "..", "shared") : Path.of(prop);
    Path adt = dir.resolve("samples").resolve("adt");
    assumeTrue(Files.isDirectory(adt), () -> "corpus test skipped: the shared samples folder " + adt.toAbsolutePath()
        .normalize() + " is absent (it sits beside the repository in CI; a fresh clone does not have it)");
    return adt;
  }

  private static Twins load(String... paths) {
    Path root = samples();
    AdtImport.Result r = AdtImport.load(java.util.Arrays.stream(paths).map(root::resolve).collect(Collectors.toList()),
        ErrorPolicy.STOP);
    assertThat(r.ok()).as("%s", r.errors()).isTrue();
    return r.twins();
  }

  private static List<String> col(QueryResult r, String column) {
    return r.stream().map(x -> x.string(column).orElse("-")).sorted().collect(Collectors.toList());
  }

  @Test
  void buildingScenarioAnswersTheDocumentationExamples() {
    String app = "digital-twins-samples/AdtSampleApp/SampleClientApp/";
    QueryEngine e = QueryEngine.of(load(app + "Models", app + "BuildingScenario.transcribed.json"));
    // 1, 3: every twin; twins with Location
    assertThat(e.query("SELECT * FROM DIGITALTWINS").size()).isEqualTo(3);
    assertThat(col(e.query("SELECT * FROM DIGITALTWINS WHERE IS_DEFINED(Location)"), "$dtId"))
        .containsExactly("floor1", "room21", "thermostat67");
    // 2: property and id filters combined
    assertThat(col(e.query("SELECT * FROM DIGITALTWINS T WHERE T.FirmwareVersion = '1.3.9' AND T.$dtId in "
        + "['thermostat67', '456'] AND T.Temperature = 0"), "$dtId")).containsExactly("thermostat67");
    // 5: numeric check
    assertThat(e.query("SELECT * FROM DIGITALTWINS T WHERE IS_NUMBER(T.Temperature)").size()).isEqualTo(3);
    // 6: exact model
    assertThat(col(e.query("SELECT * FROM DIGITALTWINS DT WHERE IS_OF_MODEL(DT, 'dtmi:contosocom:DigitalTwins:Space;1', exact)"),
        "$dtId")).containsExactly("floor1", "room21");
    // 7: a twin and what it contains
    QueryResult seven = e.query("SELECT T, CT FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE T.$dtId = 'floor1'");
    assertThat(seven.size()).isEqualTo(1);
    assertThat(seven.rows().get(0).get("CT").orElseThrow().get("$dtId").stringValue()).isEqualTo("room21");
    // 8: reverse lookup
    assertThat(col(e.query("SELECT source FROM DIGITALTWINS source JOIN target RELATED source.contains "
        + "WHERE target.$dtId = 'thermostat67'").stream().map(r -> r.get("source").orElseThrow().get("$dtId").stringValue())
        .map(id -> new QueryRow(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", id)))
        .collect(Collectors.collectingAndThen(Collectors.toList(), QueryResult::new)), "id")).containsExactly("room21");
    // 9: relationship property filter
    assertThat(e.query("SELECT T, SBT, R FROM DIGITALTWINS T JOIN SBT RELATED T.contains R WHERE T.$dtId = 'floor1' "
        + "AND R.ownershipUser = 'Contoso'").rows().get(0).columns()).containsExactly("T", "SBT", "R");
    // 11: count with model and property
    assertThat(e.query("SELECT COUNT() FROM DIGITALTWINS c WHERE IS_OF_MODEL('dtmi:contosocom:DigitalTwins:Space;1') "
        + "AND c.Temperature > -1").toJsonLines()).isEqualTo("{\"COUNT\":2}\n");
    // 12, 14: relationships
    assertThat(e.query("SELECT COUNT() FROM RELATIONSHIPS").toJsonLines()).isEqualTo("{\"COUNT\":2}\n");
    assertThat(col(e.query("SELECT * FROM RELATIONSHIPS WHERE $sourceId IN ['floor1', 'room21', 'x']"), "$relationshipId"))
        .containsExactly("floor_to_room_edge", "room_to_therm_edge");
    // 13: projections with AS from twins and the relationship
    assertThat(e.query("SELECT Consumer.DisplayName AS consumerName, Edge.ownershipUser AS first, "
        + "Edge.ownershipDepartment AS second, Factory.Location AS factoryArea FROM DIGITALTWINS Factory "
        + "JOIN Consumer RELATED Factory.contains Edge WHERE Factory.$dtId = 'floor1'").toJsonLines())
        .isEqualTo("{\"consumerName\":\"Room 21\",\"first\":\"Contoso\",\"second\":\"Comms Division\","
            + "\"factoryArea\":\"Puget Sound\"}\n");
    // 16, 17, 18: MATCH with hop ranges and a relationship variable
    assertThat(e.query("SELECT Floor, Room FROM DIGITALTWINS MATCH (Floor)-[*..2]-(Room) WHERE Floor.$dtId = 'floor1'")
        .size()).isEqualTo(2);
    assertThat(e.query("SELECT Floor, Room FROM DIGITALTWINS MATCH (Floor)-[:contains|serves*1..2]->(Room) "
        + "WHERE Floor.$dtId = 'floor1'").rows().get(0).get("Room").orElseThrow().get("$dtId").stringValue())
        .isEqualTo("thermostat67");
    assertThat(e.query("SELECT Floor, Room FROM DIGITALTWINS MATCH (Floor)-[r:contains]->(Room) WHERE Floor.$dtId = 'floor1' "
        + "AND r.ownershipDepartment = 'Comms Division'").size()).isEqualTo(1);
    // 19: chained pattern
    assertThat(e.query("SELECT Floor, Room, T FROM DIGITALTWINS MATCH (Floor)-[r1:contains]->(Room)-[r2:contains]->(T) "
        + "WHERE Floor.$dtId = 'floor1' AND T.Temperature < 50").size()).isEqualTo(1);
    // 21, 23
    assertThat(col(e.query("SELECT * FROM DIGITALTWINS T WHERE STARTSWITH(T.$dtId, 'room')"), "$dtId")).containsExactly("room21");
    assertThat(e.query("SELECT * FROM DIGITALTWINS WHERE DisplayName = 'D\\'Souza'").isEmpty()).isTrue();
  }

  @Test
  void basicHomeTraversalsAndGroups() {
    QueryEngine e = QueryEngine.of(load("getting-started/models/basic-home-example/import.json"));
    assertThat(col(e.query("SELECT s.$dtId FROM DIGITALTWINS MATCH (h)-[:rel_has_floors]->(f)-[:rel_has_rooms]->(r)"
        + "-[:rel_has_sensors]->(s) WHERE h.$dtId = 'MyHouse'"), "$dtId"))
        .containsExactly("sensor-1", "sensor-2", "sensor-3", "sensor-4");
    assertThat(e.query("SELECT f.$dtId AS floor, COUNT() AS rooms FROM DIGITALTWINS MATCH (f)-[:rel_has_rooms]->(r) "
        + "GROUP BY f.$dtId ORDER BY rooms DESC").toJsonLines())
        .isEqualTo("{\"floor\":\"Main\",\"rooms\":3}\n{\"floor\":\"Basement\",\"rooms\":2}\n");
    assertThat(col(e.query("SELECT r.$dtId FROM DIGITALTWINS r WHERE IS_OF_MODEL(r, 'dtmi:com:adt:dtsample:room;1') "
        + "AND NOT EXISTS (r)-[:rel_has_sensors]->(s)"), "$dtId")).containsExactly("Kitchen");
    assertThat(e.query("SELECT s.$dtId FROM DIGITALTWINS MATCH (s)<-[*3]-(h) WHERE h.$dtId = 'MyHouse'").size()).isEqualTo(4);
  }

  @Test
  void energyGridBulkImportCounts() {
    QueryEngine e = QueryEngine.of(load("getting-started/models/energy-grid-example/distributionGridBulkImport.json"));
    assertThat(e.query("SELECT COUNT() FROM DIGITALTWINS").toJsonLines()).isEqualTo("{\"COUNT\":49}\n");
    assertThat(e.query("SELECT COUNT() FROM RELATIONSHIPS").toJsonLines()).isEqualTo("{\"COUNT\":50}\n");
    long grouped = e.query("SELECT T.$metadata.$model AS m, COUNT() AS n FROM DIGITALTWINS T GROUP BY T.$metadata.$model")
        .stream().mapToLong(r -> r.integer("n").orElseThrow()).sum();
    assertThat(grouped).isEqualTo(49);
  }

  @Test
  void assetAdministrationShellExports() {
    Map<String, long[]> expected = Map.of("01_Festo ADTExplorer Export.json", new long[] {967, 1240},
        "07_PhoenixContact ADTExplorer Export.json", new long[] {360, 385});
    for (Map.Entry<String, long[]> f : expected.entrySet()) {
      QueryEngine e = QueryEngine.of(load("aas-explorer-exports/Sample/" + f.getKey()));
      assertThat(e.query("SELECT COUNT() FROM DIGITALTWINS").rows().get(0).integer("COUNT")).hasValue(f.getValue()[0]);
      assertThat(e.query("SELECT COUNT() FROM RELATIONSHIPS").rows().get(0).integer("COUNT")).hasValue(f.getValue()[1]);
      long names = e.query("SELECT R.$relationshipName AS n, COUNT() AS c FROM RELATIONSHIPS R GROUP BY R.$relationshipName")
          .stream().mapToLong(r -> r.integer("c").orElseThrow()).sum();
      assertThat(names).isEqualTo(f.getValue()[1]);
      // every relationship found from its source by adjacency equals the relationship scan
      long joined = e.query("SELECT COUNT() FROM DIGITALTWINS MATCH (a)-[]->(b)").rows().get(0).integer("COUNT").orElseThrow();
      assertThat(joined).isEqualTo(f.getValue()[1]);
    }
  }
}
