package dev.twins.query;

import static dev.twins.query.Queries.asc;
import static dev.twins.query.Queries.avg;
import static dev.twins.query.Queries.count;
import static dev.twins.query.Queries.desc;
import static dev.twins.query.Queries.exists;
import static dev.twins.query.Queries.max;
import static dev.twins.query.Queries.now;
import static dev.twins.query.Queries.param;
import static dev.twins.query.Queries.pattern;
import static dev.twins.query.Queries.relationship;
import static dev.twins.query.Queries.select;
import static dev.twins.query.Queries.selectAll;
import static dev.twins.query.Queries.selectCount;
import static dev.twins.query.Queries.selectDistinct;
import static dev.twins.query.Queries.twin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java DSL builds the same trees as the text: equal queries, same canonical text, same rows. */
class DslTest {
  static final PropertyKey<Double> TEMPERATURE = PropertyKey.doubles("temperature");
  static final PropertyKey<Double> AREA = PropertyKey.doubles("area");
  static final PropertyKey<Boolean> OCCUPIED = PropertyKey.booleans("occupied");
  static final PropertyKey<Long> LEVEL = PropertyKey.longs("level");

  private static void same(Query dsl, String text) {
    Query parsed = Query.parse(text);
    assertThat(dsl).isEqualTo(parsed);
    assertThat(dsl.toString()).isEqualTo(parsed.toString());
    assertThat(Query.parse(dsl.toString())).isEqualTo(dsl);
  }

  @Test
  void dslAndTextGiveEqualTrees() {
    TwinAlias t = twin("T");
    TwinAlias b = twin("B");
    TwinAlias f = twin("F");
    TwinAlias r = twin("R");
    TwinAlias s = twin("S");
    RelationshipAlias e = relationship("E");
    same(selectAll().from(t).build(), "SELECT * FROM DIGITALTWINS T");
    same(selectAll().fromTwins().build(), "select * from digitaltwins");
    same(select(t.id(), t.get(TEMPERATURE)).from(t).where(t.get(TEMPERATURE).gt(25.0)).build(),
        "SELECT T.$dtId, T.temperature FROM DIGITALTWINS T WHERE T.temperature > 25.0");
    same(selectCount().from(t).where(t.isOfModel("dtmi:twins:demo:Room;1").and(t.get(AREA).ge(20.0))).build(),
        "SELECT COUNT() FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, 'dtmi:twins:demo:Room;1') AND T.area >= 20.0");
    same(select(r).from(b).join(f, b, "hasFloor").join(r, f, "hasRoom", e)
            .where(b.id().eq("building-1").and(e.id().startsWith("has-")).and(r.get(OCCUPIED).eq(true).not())).build(),
        "SELECT R FROM DIGITALTWINS B JOIN F RELATED B.hasFloor JOIN R RELATED F.hasRoom E "
            + "WHERE B.$dtId = 'building-1' AND STARTSWITH(E.$relationshipId, 'has-') AND NOT R.occupied = true");
    same(select(f.id().as("floor"), avg(r.get(TEMPERATURE)).as("t"), count().as("n"))
            .match(pattern(f).out("hasRoom").to(r))
            .where(f.isOfModel("dtmi:twins:demo:Floor;1"))
            .groupBy(f.id()).orderBy(desc("t"), asc("floor")).limit(10).offset(1).build(),
        "SELECT F.$dtId AS floor, AVG(R.temperature) AS t, COUNT() AS n FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) "
            + "WHERE IS_OF_MODEL(F, 'dtmi:twins:demo:Floor;1') GROUP BY F.$dtId ORDER BY t DESC, floor LIMIT 10 OFFSET 1");
    same(select(b, s).match(pattern(b).out().hops(0, 3).to(s), pattern(s).in("hasSensor").as(e).to(r))
            .optionalMatch(pattern(r).either().upTo(2).to(f)).where(b.id().in(param("ids"))).build(),
        "SELECT B, S FROM DIGITALTWINS MATCH (B)-[*0..3]->(S), (S)<-[E:hasSensor]-(R) OPTIONAL MATCH (R)-[*..2]-(F) "
            + "WHERE B.$dtId IN @ids");
    same(selectDistinct(r.get(AREA)).from(r).where(exists(pattern(r).out("hasSensor").to(s)).or(r.get(AREA).in(List.of(12.0, 24.0))))
            .orderBy(r.get(AREA).desc()).build(),
        "SELECT DISTINCT R.area FROM DIGITALTWINS R WHERE EXISTS (R)-[:hasSensor]->(S) OR R.area IN [12.0, 24.0] ORDER BY R.area DESC");
    same(select(e.sourceId(), max(e.targetId()).as("last")).fromRelationships(e).where(e.relationshipName().ne("x"))
            .groupBy(e.sourceId()).build(),
        "SELECT E.$sourceId, MAX(E.$targetId) AS last FROM RELATIONSHIPS E WHERE E.$relationshipName != 'x' GROUP BY E.$sourceId");
    same(select(t.get(TEMPERATURE).minus(20).times(2).as("x"), t.prop("thermostat", "mode")).top(5).from(t)
            .where(t.model().eq("dtmi:x;1").and(t.get(LEVEL).lt(param("max")))).build(),
        "SELECT TOP(5) (T.temperature - 20) * 2 AS x, T.thermostat.mode FROM DIGITALTWINS T "
            + "WHERE T.$metadata.$model = 'dtmi:x;1' AND T.level < @max");
    same(select(t.call("series_mean", "temperature", "PT1H").as("m")).from(t)
            .where(t.prop("$metadata", "$lastUpdateTime").gt(now().minus("P1D"))).build(),
        "SELECT SERIES_MEAN(T, 'temperature', 'PT1H') AS m FROM DIGITALTWINS T WHERE T.$metadata.$lastUpdateTime > NOW() - 'P1D'");
  }

  @Test
  void dslQueriesRun() {
    TwinAlias f = twin("F");
    TwinAlias r = twin("R");
    QueryEngine engine = QueryEngine.of(Twins.demo());
    Query q = select(f.id().as("floor"), avg(r.get(TEMPERATURE)).as("t"))
        .match(pattern(f).out("hasRoom").to(r))
        .where(r.get(TEMPERATURE).gt(param("min")))
        .groupBy(f.id()).orderBy(desc("t")).build();
    assertThat(engine.query(q, Map.of("min", 20)).toJsonLines())
        .isEqualTo("{\"floor\":\"floor-2\",\"t\":22.75}\n{\"floor\":\"floor-1\",\"t\":21.75}\n");
  }
}
