package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Twins;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Validation against the models before execution, and the limits every query runs under. */
class ValidationTest {
  private static final QueryEngine ENGINE = QueryEngine.of(Twins.demo());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
      SELECT R FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') AND R.temprature > 20 => line 1, column 81: `temprature` is not a property of dtmi:twins:demo:Room;1 or any model that extends it; did you mean `temperature`?
      SELECT R FROM DIGITALTWINS R WHERE R.aera > 20 => `aera` is not a property of any model in the graph; did you mean `area`?
      SELECT S FROM DIGITALTWINS S WHERE IS_OF_MODEL(S, 'dtmi:twins:demo:Sensor;1') AND S.occupancy = true => `occupancy` is a Telemetry of dtmi:twins:demo:Sensor;1 or any model that extends it, not a property stored on the twin; read it with a series function
      SELECT F FROM DIGITALTWINS B JOIN F RELATED B.hasFloors WHERE B.$dtId = 'b' => `hasFloors` is not a relationship of any model in the graph; did you mean `hasFloor`?
      SELECT F FROM DIGITALTWINS MATCH (B)-[:hasroom]->(F) WHERE B.$dtId = 'b' => `hasroom` is not a relationship of any model in the graph; did you mean `hasRoom`?
      SELECT R FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Rooms;1') => model dtmi:twins:demo:Rooms;1 is not in the graph's models (nor a higher version of it); did you mean `dtmi:twins:demo:Room;1`?
      SELECT R FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;2') => model dtmi:twins:demo:Room;2 is not in the graph's models
      SELECT R FROM DIGITALTWINS R WHERE STARTSWIT(R.$dtId, 'a') => unknown function STARTSWIT; did you mean `STARTSWITH`?
      SELECT R FROM DIGITALTWINS R WHERE STARTSWITH(R.$dtId) => STARTSWITH takes 2 arguments, not 1
      SELECT R FROM DIGITALTWINS R WHERE R.$dtid = 'x' => `$dtid` is not a field of a twin; did you mean `$dtId`?
      SELECT F, X.level FROM DIGITALTWINS F JOIN R RELATED F.hasRoom WHERE F.$dtId = 'f' => `X` is not an alias of this query
      SELECT F FROM DIGITALTWINS F JOIN R RELATED Q.hasRoom WHERE F.$dtId = 'f' => Q is not a twin alias declared before it
      SELECT R FROM DIGITALTWINS R WHERE COUNT() > 1 => COUNT is an aggregate: use it in SELECT or ORDER BY, not in WHERE
      SELECT R.area, COUNT() FROM DIGITALTWINS R => R.area must be in GROUP BY or inside an aggregate
      SELECT r FROM DIGITALTWINS MATCH (a)-[r*2]->(b) WHERE a.$dtId = 'x' => a relationship variable (r) needs a single hop, as in ADT
      SELECT E FROM RELATIONSHIPS E WHERE E.wieght > 1 => `wieght` is not a property of any relationship in the graph's models
      SELECT T.area AS x, T.level AS x FROM DIGITALTWINS T => two columns are named x
      """)
  void unknownNamesAreErrorsWithSuggestions(String query, String message) {
    assertThatThrownBy(() -> ENGINE.query(query)).isInstanceOf(QueryException.class)
        .isNotInstanceOf(QuerySyntaxException.class).hasMessageContaining(message);
  }

  @Test
  void validationErrorsPointIntoTheText() {
    assertThatThrownBy(() -> ENGINE.query("SELECT R\nFROM DIGITALTWINS R\nWHERE R.aera > 20"))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.line()).hasValue(3);
          assertThat(e.column()).hasValue(7);
          assertThat(e.getMessage()).endsWith("WHERE R.aera > 20\n      ^");
        });
  }

  @Test
  void lenientEnginesMatchNothingAsAdtDoes() {
    QueryEngine lenient = QueryEngine.builder(Twins.demo()).strict(false).build();
    assertThat(lenient.query("SELECT R FROM DIGITALTWINS R WHERE R.aera > 20").isEmpty()).isTrue();
  }

  @Test
  void limitsAreClearErrors() {
    Twins t = Twins.demo();
    assertThatThrownBy(() -> QueryEngine.builder(t).limits(QueryLimits.defaults().withMaxRows(3)).build()
        .query("SELECT T FROM DIGITALTWINS T"))
        .isInstanceOfSatisfying(QueryLimitException.class, e -> assertThat(e.limit()).isEqualTo(QueryLimitException.Limit.MAX_ROWS));
    assertThat(QueryEngine.builder(t).limits(QueryLimits.defaults().withMaxRows(3)).build()
        .query("SELECT TOP(3) T FROM DIGITALTWINS T").size()).isEqualTo(3);
    assertThatThrownBy(() -> QueryEngine.builder(t).limits(QueryLimits.defaults().withMaxIntermediateRows(5)).build()
        .query("SELECT A, B FROM DIGITALTWINS A JOIN B RELATED A.hasRoom"))
        .isInstanceOfSatisfying(QueryLimitException.class,
            e -> assertThat(e.limit()).isEqualTo(QueryLimitException.Limit.MAX_INTERMEDIATE_ROWS));
    assertThatThrownBy(() -> QueryEngine.builder(t).limits(QueryLimits.defaults().withMaxHops(2)).build()
        .query("SELECT X FROM DIGITALTWINS MATCH (B)-[*..3]->(X) WHERE B.$dtId = 'building-1'"))
        .isInstanceOfSatisfying(QueryLimitException.class, e -> assertThat(e.limit()).isEqualTo(QueryLimitException.Limit.MAX_HOPS));
    assertThatThrownBy(() -> QueryEngine.builder(t).limits(QueryLimits.defaults().withTimeout(Duration.ofNanos(1))).build()
        .query("SELECT COUNT() FROM DIGITALTWINS MATCH (A)-[*..10]-(B)"))
        .isInstanceOfSatisfying(QueryLimitException.class, e -> assertThat(e.limit()).isEqualTo(QueryLimitException.Limit.TIMEOUT));
  }

  @Test
  void forEachStreamsRowsPastTheRowLimit() {
    QueryEngine small = QueryEngine.builder(Twins.demo()).limits(QueryLimits.defaults().withMaxRows(2)).build();
    java.util.List<String> ids = new java.util.ArrayList<>();
    long n = small.forEach("SELECT T.$dtId FROM DIGITALTWINS T WHERE STARTSWITH(T.$dtId, 'room')", java.util.Map.of(),
        r -> ids.add(r.string("$dtId").orElseThrow()));
    assertThat(n).isEqualTo(4);
    assertThat(ids).containsExactlyInAnyOrder("room-101", "room-102", "room-201", "room-202");
    java.util.List<String> ordered = new java.util.ArrayList<>();
    small.forEach("SELECT TOP(2) T.$dtId FROM DIGITALTWINS T ORDER BY T.$dtId DESC", java.util.Map.of(),
        r -> ordered.add(r.string("$dtId").orElseThrow()));
    assertThat(ordered).containsExactly("sensor-201", "sensor-101");
  }

  @Test
  void cyclesEnd() {
    // undirected, every other twin of the tree is reachable; room-101 itself is not, as no path
    // may take a relationship twice (going there and back)
    assertThat(ENGINE.query("SELECT X.$dtId FROM DIGITALTWINS MATCH (A)-[*..10]-(X) WHERE A.$dtId = 'room-101'").size())
        .isEqualTo(8);
    Twins t = Twins.demo();
    t.relate("room-102", "next", "hasSensor", "sensor-101");
    // now room-101 - sensor-101 - room-102 - floor-1 - room-101 is a cycle, which leads back to room-101
    assertThat(QueryEngine.of(t).query("SELECT X.$dtId FROM DIGITALTWINS MATCH (A)-[*..10]-(X) WHERE A.$dtId = 'room-101'")
        .size()).isEqualTo(9);
  }

  @Test
  void explainShowsIndexesAndOrder() {
    String plan = ENGINE.explain("SELECT R FROM DIGITALTWINS B JOIN F RELATED B.hasFloor JOIN R RELATED F.hasRoom "
        + "WHERE R.$dtId = 'room-101' AND F.level = 1");
    assertThat(plan).isEqualTo("""
        1. look up R by R.$dtId = 'room-101' (est. 1)
        2. expand JOIN R RELATED F.hasRoom from R to F by incoming relationships named hasRoom
        3. filter F.level = 1
        4. expand JOIN F RELATED B.hasFloor from F to B by incoming relationships named hasFloor
        5. project R""");
    assertThat(ENGINE.explain("SELECT COUNT() FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1')"))
        .contains("scan the model index for [dtmi:twins:demo:Room;1]").contains("count from the index without reading twins");
    assertThat(ENGINE.explain("SELECT R FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') AND R.area >= 20"))
        .contains("look up R in the property index dtmi:twins:demo:Room;1 area for R.area >= 20");
  }
}
