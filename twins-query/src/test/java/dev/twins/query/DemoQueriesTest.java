package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Twins;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.DoubleNode;

/** A corpus of queries over the demo graph ({@link Twins#demo()}), each with its expected rows. */
class DemoQueriesTest {
  private static final Twins DEMO = Twins.demo();
  private static final QueryEngine ENGINE = QueryEngine.of(DEMO);

  /** Each row as compact JSON, sorted, joined by ' ; ' (order-insensitive unless the query orders). */
  private static String rows(String query, boolean ordered) {
    List<String> rows = ENGINE.query(query).stream().map(QueryRow::toString).collect(Collectors.toList());
    if (!ordered) rows = rows.stream().sorted().collect(Collectors.toList());
    return String.join(" ; ", rows);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
      SELECT T.$dtId FROM DIGITALTWINS T WHERE T.$dtId = 'room-101' => {"$dtId":"room-101"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE T.$dtId IN ['room-101', 'floor-2', 'nope'] => {"$dtId":"floor-2"} ; {"$dtId":"room-101"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, 'dtmi:twins:demo:Floor;1') => {"$dtId":"floor-1"} ; {"$dtId":"floor-2"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE T.temperature > 22 => {"$dtId":"room-201"} ; {"$dtId":"room-202"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE T.temperature >= 22 AND T.area < 20 => {"$dtId":"room-201"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE T.occupied = true OR T.level = 2 => {"$dtId":"floor-2"} ; {"$dtId":"room-101"} ; {"$dtId":"room-201"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE NOT T.occupied => {"$dtId":"room-102"} ; {"$dtId":"room-202"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE T.temperature != 22 => {"$dtId":"room-101"} ; {"$dtId":"room-201"} ; {"$dtId":"room-202"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE T.temperature NIN [21.5, 22] => {"$dtId":"room-201"} ; {"$dtId":"room-202"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE STARTSWITH(T.$dtId, 'sensor-') => {"$dtId":"sensor-101"} ; {"$dtId":"sensor-201"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE ENDSWITH(T.$dtId, '02') AND CONTAINS(T.$dtId, 'room') => {"$dtId":"room-102"} ; {"$dtId":"room-202"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE IS_DEFINED(T.name) => {"$dtId":"building-1"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE IS_BOOL(T.occupied) AND IS_PRIMITIVE(T.occupied) AND T.area = 12 => {"$dtId":"room-101"} ; {"$dtId":"room-201"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE IS_STRING(T.kind) AND T.$metadata.$model = 'dtmi:twins:demo:Sensor;1' => {"$dtId":"sensor-101"} ; {"$dtId":"sensor-201"}
      SELECT T.$dtId FROM DIGITALTWINS T WHERE T.$metadata.model = 'dtmi:twins:demo:Building;1' => {"$dtId":"building-1"}
      SELECT T.name AS n, T.level FROM DIGITALTWINS T WHERE T.$dtId = 'building-1' => {"n":"Head office"}
      SELECT COUNT() FROM DIGITALTWINS => {"COUNT":9}
      SELECT COUNT() FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, 'dtmi:twins:demo:Room;1') AND T.area > 20 => {"COUNT":2}
      SELECT COUNT() FROM RELATIONSHIPS => {"COUNT":8}
      SELECT R.$relationshipId FROM RELATIONSHIPS R WHERE R.$sourceId IN ['building-1', 'room-101'] => {"$relationshipId":"has-floor-1"} ; {"$relationshipId":"has-floor-2"} ; {"$relationshipId":"has-sensor-101"}
      SELECT $relationshipId FROM RELATIONSHIPS WHERE $targetId = 'room-202' => {"$relationshipId":"has-room-202"}
      SELECT R.$dtId FROM DIGITALTWINS F JOIN R RELATED F.hasRoom WHERE F.$dtId = 'floor-2' => {"$dtId":"room-201"} ; {"$dtId":"room-202"}
      SELECT F.$dtId FROM DIGITALTWINS F JOIN R RELATED F.hasRoom WHERE R.$dtId = 'room-102' => {"$dtId":"floor-1"}
      SELECT S.$dtId FROM DIGITALTWINS B JOIN F RELATED B.hasFloor JOIN R RELATED F.hasRoom JOIN S RELATED R.hasSensor WHERE B.$dtId = 'building-1' => {"$dtId":"sensor-101"} ; {"$dtId":"sensor-201"}
      SELECT E.$relationshipId AS rel, R.area FROM DIGITALTWINS F JOIN R RELATED F.hasRoom E WHERE F.$dtId = 'floor-1' AND R.area > 20 => {"rel":"has-room-102","area":24.0}
      SELECT R.$dtId, S.$dtId AS sensor FROM DIGITALTWINS F JOIN R RELATED F.hasRoom OPTIONAL JOIN S RELATED R.hasSensor WHERE F.$dtId = 'floor-1' => {"$dtId":"room-101","sensor":"sensor-101"} ; {"$dtId":"room-102"}
      SELECT B.$dtId, S.$dtId AS s FROM DIGITALTWINS MATCH (B)-[]->(F)-[]->(R)-[]->(S) WHERE B.$dtId = 'building-1' => {"$dtId":"building-1","s":"sensor-101"} ; {"$dtId":"building-1","s":"sensor-201"}
      SELECT X.$dtId FROM DIGITALTWINS MATCH (B)-[*2]->(X) WHERE B.$dtId = 'building-1' => {"$dtId":"room-101"} ; {"$dtId":"room-102"} ; {"$dtId":"room-201"} ; {"$dtId":"room-202"}
      SELECT X.$dtId FROM DIGITALTWINS MATCH (B)-[*1..3]->(X) WHERE B.$dtId = 'building-1' => {"$dtId":"room-101"} ; {"$dtId":"room-102"} ; {"$dtId":"room-201"} ; {"$dtId":"room-202"} ; {"$dtId":"sensor-101"} ; {"$dtId":"sensor-201"}
      SELECT X.$dtId FROM DIGITALTWINS MATCH (B)-[*..1]->(X) WHERE B.$dtId = 'building-1' => {"$dtId":"floor-1"} ; {"$dtId":"floor-2"}
      SELECT X.$dtId FROM DIGITALTWINS MATCH (S)<-[:hasSensor|hasRoom*..2]-(X) WHERE S.$dtId = 'sensor-201' => {"$dtId":"floor-2"} ; {"$dtId":"room-201"}
      SELECT X.$dtId FROM DIGITALTWINS MATCH (R)-[*..2]-(X) WHERE R.$dtId = 'room-101' => {"$dtId":"building-1"} ; {"$dtId":"floor-1"} ; {"$dtId":"room-102"} ; {"$dtId":"sensor-101"}
      SELECT r.$relationshipId AS id FROM DIGITALTWINS MATCH (F)-[r:hasRoom]->(R) WHERE F.$dtId = 'floor-1' AND R.occupied = false => {"id":"has-room-102"}
      SELECT R1.$dtId AS a, R2.$dtId AS b FROM DIGITALTWINS MATCH (R1)<-[:hasRoom]-(F)-[:hasRoom]->(R2) WHERE R1.$dtId = 'room-101' AND R2.$dtId != 'room-101' => {"a":"room-101","b":"room-102"}
      SELECT R.$dtId FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R), (R)-[:hasSensor]->(S) WHERE F.$dtId = 'floor-2' => {"$dtId":"room-201"}
      SELECT R.$dtId, S.kind FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) OPTIONAL MATCH (R)-[:hasSensor]->(S) WHERE F.$dtId = 'floor-2' => {"$dtId":"room-201","kind":"temperature"} ; {"$dtId":"room-202"}
      SELECT R.$dtId, S.$dtId AS s FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) OPTIONAL MATCH (R)-[:hasSensor]->(S)-[:hasRoom]->(X) WHERE F.$dtId = 'floor-1' => {"$dtId":"room-101"} ; {"$dtId":"room-102"}
      SELECT R.$dtId, S.$dtId AS s, Q.$dtId AS q FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) OPTIONAL MATCH (R)-[:hasSensor]->(S), (S)<-[:hasSensor]-(Q) WHERE F.$dtId = 'floor-1' => {"$dtId":"room-101","s":"sensor-101","q":"room-101"} ; {"$dtId":"room-102"}
      SELECT R.$dtId FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') AND EXISTS (R)-[:hasSensor]->(S) => {"$dtId":"room-101"} ; {"$dtId":"room-201"}
      SELECT R.$dtId FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') AND NOT EXISTS (R)-[:hasSensor]->(S) => {"$dtId":"room-102"} ; {"$dtId":"room-202"}
      SELECT DISTINCT R.area FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') => {"area":12.0} ; {"area":24.0}
      SELECT R.$dtId, R.area * 2 + 1 AS x FROM DIGITALTWINS R WHERE R.$dtId = 'room-101' => {"$dtId":"room-101","x":25.0}
      SELECT R.$dtId FROM DIGITALTWINS R WHERE R.temperature - 20 >= 2.5 => {"$dtId":"room-201"} ; {"$dtId":"room-202"}
      SELECT F.level, COUNT() AS rooms, AVG(R.temperature) AS avgT, MIN(R.area) AS small, MAX(R.$dtId) AS last, SUM(R.area) AS total FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) GROUP BY F.level => {"level":1,"rooms":2,"avgT":21.75,"small":12.0,"last":"room-102","total":36.0} ; {"level":2,"rooms":2,"avgT":22.75,"small":12.0,"last":"room-202","total":36.0}
      SELECT COUNT(), AVG(R.area) AS a FROM DIGITALTWINS R WHERE R.area > 100 => {"COUNT":0}
      SELECT COUNT(R.name) AS named, COUNT() AS all FROM DIGITALTWINS R => {"named":1,"all":9}
      """)
  void unordered(String query, String expected) {
    assertThat(rows(query, false)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
      SELECT R.$dtId FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') ORDER BY R.temperature DESC => {"$dtId":"room-202"} ; {"$dtId":"room-201"} ; {"$dtId":"room-102"} ; {"$dtId":"room-101"}
      SELECT R.$dtId FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') ORDER BY R.area DESC, R.$dtId LIMIT 2 => {"$dtId":"room-102"} ; {"$dtId":"room-202"}
      SELECT R.$dtId FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') ORDER BY R.$dtId LIMIT 2 OFFSET 1 => {"$dtId":"room-102"} ; {"$dtId":"room-201"}
      SELECT TOP(2) R.$dtId FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') ORDER BY R.$dtId => {"$dtId":"room-101"} ; {"$dtId":"room-102"}
      SELECT T.$dtId FROM DIGITALTWINS T ORDER BY T.temperature, T.$dtId LIMIT 3 => {"$dtId":"building-1"} ; {"$dtId":"floor-1"} ; {"$dtId":"floor-2"}
      SELECT F.$dtId AS floor, AVG(R.temperature) AS t FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) GROUP BY F.$dtId ORDER BY t DESC => {"floor":"floor-2","t":22.75} ; {"floor":"floor-1","t":21.75}
      """)
  void ordered(String query, String expected) {
    assertThat(rows(query, true)).isEqualTo(expected);
  }

  @Test
  void selectStarReturnsTwinDocuments() {
    QueryResult r = ENGINE.query("SELECT * FROM DIGITALTWINS WHERE $dtId = 'room-101'");
    assertThat(r.rows()).hasSize(1);
    assertThat(r.rows().get(0).toJson()).isEqualTo(DEMO.twin("room-101").orElseThrow().toJson());
    QueryResult top = ENGINE.query("SELECT TOP(3) FROM DIGITALTWINS");
    assertThat(top.size()).isEqualTo(3);
  }

  @Test
  void aliasProjectionsReturnDocuments() {
    QueryRow row = ENGINE.query("SELECT F, R, E FROM DIGITALTWINS F JOIN R RELATED F.hasRoom E WHERE R.$dtId = 'room-101'")
        .rows().get(0);
    assertThat(row.columns()).containsExactly("F", "R", "E");
    assertThat(row.get("F").orElseThrow()).isEqualTo(DEMO.twin("floor-1").orElseThrow().toJson());
    assertThat(row.get("E").orElseThrow()).isEqualTo(DEMO.relation("floor-1", "has-room-101").orElseThrow().toJson());
  }

  @Test
  void parametersAreBoundNotSpliced() {
    QueryResult r = ENGINE.query("SELECT T.$dtId FROM DIGITALTWINS T WHERE T.temperature > @t AND T.$dtId IN @ids",
        Map.of("t", 22, "ids", List.of("room-101", "room-202", "x' OR '1'='1")));
    assertThat(r.stream().map(x -> x.string("$dtId").orElseThrow())).containsExactly("room-202");
    QueryResult injection = ENGINE.query("SELECT T.$dtId FROM DIGITALTWINS T WHERE T.$dtId = @id",
        Map.of("id", "x' OR '1'='1"));
    assertThat(injection.isEmpty()).isTrue();
    assertThatThrownBy(() -> ENGINE.query("SELECT T FROM DIGITALTWINS T WHERE T.$dtId = @id"))
        .isInstanceOf(QueryException.class).hasMessageContaining("@id");
    assertThatThrownBy(() -> ENGINE.query("SELECT T FROM DIGITALTWINS T", Map.of("x", 1)))
        .isInstanceOf(QueryException.class).hasMessageContaining("no parameter x");
  }

  @Test
  void nowAndDurations() {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    QueryEngine e = QueryEngine.builder(DEMO).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    QueryResult r = e.query("SELECT NOW() AS now, NOW() - 'P7D' AS weekAgo, NOW() - 'PT1H30M' AS before "
        + "FROM DIGITALTWINS T WHERE T.$dtId = 'building-1' AND T.$metadata.$lastUpdateTime < NOW() - 'P1D'");
    assertThat(r.rows().get(0).toString())
        .isEqualTo("{\"now\":\"2030-01-01T00:00:00Z\",\"weekAgo\":\"2029-12-25T00:00:00Z\",\"before\":\"2029-12-31T22:30:00Z\"}");
  }

  @Test
  void userFunctions() {
    QueryEngine e = QueryEngine.builder(DEMO)
        .function("fahrenheit", 1, 1, a -> a.get(0).isNumber()
            ? Optional.of(DoubleNode.valueOf(a.get(0).doubleValue() * 9 / 5 + 32)) : Optional.empty())
        .build();
    QueryResult r = e.query("SELECT R.$dtId, FAHRENHEIT(R.temperature) AS f FROM DIGITALTWINS R WHERE Fahrenheit(R.temperature) > 72");
    assertThat(r.stream().map(QueryRow::toString)).containsExactlyInAnyOrder(
        "{\"$dtId\":\"room-201\",\"f\":72.5}", "{\"$dtId\":\"room-202\",\"f\":73.4}");
  }

  @Test
  void geoFunctions() {
    QueryResult r = ENGINE.query("SELECT GEO_DISTANCE(@a, @b) AS d, GEO_WITHIN(@a, @poly) AS inside FROM DIGITALTWINS T "
        + "WHERE T.$dtId = 'building-1'", Map.of(
        "a", Map.of("type", "Point", "coordinates", List.of(4.9, 52.37)),
        "b", Map.of("type", "Point", "coordinates", List.of(13.4, 52.52)),
        "poly", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(4, 52), List.of(5, 52),
            List.of(5, 53), List.of(4, 53), List.of(4, 52))))));
    double d = r.rows().get(0).number("d").orElseThrow();
    assertThat(d).isBetween(576_000.0, 578_000.0);
    assertThat(r.rows().get(0).bool("inside")).contains(true);
  }

  @Test
  void readsItsOwnWrites() {
    Twins t = Twins.demo();
    QueryEngine e = QueryEngine.of(t);
    String q = "SELECT COUNT() FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') AND R.temperature > 22.7";
    assertThat(e.query(q).rows().get(0).integer("COUNT")).hasValue(1);
    t.set("room-101", "temperature", 30.0);
    assertThat(e.query(q).rows().get(0).integer("COUNT")).hasValue(2);
  }

  @Test
  void tableToStringIsBounded() {
    String s = ENGINE.query("SELECT R.$dtId, R.temperature FROM DIGITALTWINS R WHERE R.$dtId = 'room-101'").toString();
    assertThat(s).isEqualTo("Result[1 row]\n  $dtId    | temperature\n  room-101 | 21.5");
    assertThat(ENGINE.query("SELECT T.$dtId FROM DIGITALTWINS T").toString().lines().count()).isEqualTo(11);
  }

  @Test
  void jsonLines() {
    assertThat(ENGINE.query("SELECT COUNT() FROM DIGITALTWINS").toJsonLines()).isEqualTo("{\"COUNT\":9}\n");
  }
}
