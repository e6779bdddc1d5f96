package dev.twins.query;

import static dev.twins.query.Queries.avg;
import static dev.twins.query.Queries.desc;
import static dev.twins.query.Queries.pattern;
import static dev.twins.query.Queries.select;
import static dev.twins.query.Queries.twin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's query example, with the outputs its comments show. */
class ReadmeExampleTest {
  @Test
  void readmeExample() {
    QueryEngine engine = QueryEngine.of(Twins.demo());
    assertThat(engine.query("SELECT R.$dtId, R.temperature FROM DIGITALTWINS R WHERE R.temperature > @t",
        Map.of("t", 22.6)).toString()).isEqualTo("Result[1 row]\n  $dtId    | temperature\n  room-202 | 23.0");
    assertThat(engine.query("SELECT F.$dtId AS floor, AVG(R.temperature) AS t FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) "
        + "GROUP BY F.$dtId ORDER BY t DESC").toJsonLines())
        .isEqualTo("{\"floor\":\"floor-2\",\"t\":22.75}\n{\"floor\":\"floor-1\",\"t\":21.75}\n");
    TwinAlias f = twin("F");
    TwinAlias r = twin("R");
    PropertyKey<Double> temperature = PropertyKey.doubles("temperature");
    Query q = select(f.id().as("floor"), avg(r.get(temperature)).as("t"))
        .match(pattern(f).out("hasRoom").to(r)).groupBy(f.id()).orderBy(desc("t")).build();
    assertThat(q.equals(Query.parse(q.toString()))).isTrue();
    assertThat(engine.query(q).toJsonLines()).isEqualTo("{\"floor\":\"floor-2\",\"t\":22.75}\n{\"floor\":\"floor-1\",\"t\":21.75}\n");
    assertThat(engine.explain("SELECT R FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, 'dtmi:twins:demo:Room;1') AND R.area >= 20"))
        .isEqualTo("1. look up R in the property index dtmi:twins:demo:Room;1 area for R.area >= 20 (est. 1)\n2. project R");
  }
}
