package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void runs() {
    QueryEngine e = QueryEngine.of(Twins.demo());
    for (String q : new String[] {
        "SELECT * FROM DIGITALTWINS",
        "SELECT T.$dtId, T.temperature FROM DIGITALTWINS T WHERE T.temperature > 21",
        "SELECT COUNT() FROM DIGITALTWINS",
        "SELECT COUNT() FROM RELATIONSHIPS",
        "SELECT F.$dtId AS floor, AVG(R.temperature) AS avgTemp, COUNT() AS rooms FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) GROUP BY F.$dtId ORDER BY avgTemp DESC",
        "SELECT B, S FROM DIGITALTWINS MATCH (B)-[*..3]->(S) WHERE B.$dtId = 'building-1' AND IS_OF_MODEL(S, 'dtmi:twins:demo:Sensor;1')",
        "SELECT R FROM DIGITALTWINS B JOIN F RELATED B.hasFloor JOIN R RELATED F.hasRoom WHERE B.$dtId = 'building-1' AND R.area > 20",
        "EXPLAIN SELECT R FROM DIGITALTWINS B JOIN F RELATED B.hasFloor JOIN R RELATED F.hasRoom WHERE B.$dtId = 'building-1' AND R.area > 20",
        "SELECT R.$dtId FROM DIGITALTWINS R WHERE IS_OF_MODEL('dtmi:twins:demo:Room;1') AND R.temperature >= 22 ORDER BY R.temperature",
        "EXPLAIN SELECT R.$dtId FROM DIGITALTWINS R WHERE IS_OF_MODEL('dtmi:twins:demo:Room;1') AND R.temperature >= 22 ORDER BY R.temperature",
    }) {
      QueryResult r = e.query(q);
      System.out.println(q + "\n" + r);
      assertThat(r).isNotNull();
    }
  }
}
