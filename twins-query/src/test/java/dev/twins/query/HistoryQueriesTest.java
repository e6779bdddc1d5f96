package dev.twins.query;

import static dev.twins.query.Queries.avg;
import static dev.twins.query.Queries.count;
import static dev.twins.query.Queries.desc;
import static dev.twins.query.Queries.now;
import static dev.twins.query.Queries.param;
import static dev.twins.query.Queries.pattern;
import static dev.twins.query.Queries.select;
import static dev.twins.query.Queries.twin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.Twins;
import dev.twins.core.history.PropertyHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code PROPERTY_AT}: property values as of a past time, in every clause, as text and as DSL. */
class HistoryQueriesTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final String ROOM = "dtmi:twins:demo:Room;1";
  private static final PropertyKey<Double> TEMPERATURE = PropertyKey.doubles("temperature");

  /** A clock the test moves. */
  private static final class SetClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final SetClock clock = new SetClock();
  private final Twins twins;
  private final PropertyHistory history;
  private final QueryEngine engine;

  /**
   * The demo graph (rooms at 21.5, 22.0, 22.5, 23.0 since before T0), then: at T0 + 1h room-101 goes
   * to 25 and room-102 to 30; at T0 + 2h room-101 loses its temperature and room-202 becomes
   * occupied. NOW() is T0 + 3h.
   */
  HistoryQueriesTest() {
    Twins demo = Twins.demo();
    twins = Twins.builder(demo.models()).clock(clock).restore(demo.snapshot());
    history = PropertyHistory.builder().track(ROOM, "temperature", "occupied").attach(twins);
    clock.now = T0.plus(Duration.ofHours(1));
    twins.set("room-101", "temperature", 25.0);
    twins.set("room-102", "temperature", 30.0);
    clock.now = T0.plus(Duration.ofHours(2));
    twins.patch("room-101", JsonPatch.of(new JsonPatch.Operation(JsonPatch.Op.REMOVE, "/temperature", Optional.empty())));
    twins.set("room-202", "occupied", true);
    engine = QueryEngine.builder(twins).history(history).clock(Clock.fixed(T0.plus(Duration.ofHours(3)), ZoneOffset.UTC))
        .build();
  }

  private String lines(String query) {
    return engine.query(query).toJsonLines();
  }

  @Test
  void selectReadsTheValueInEffectThen() {
    assertThat(lines("SELECT R.$dtId, PROPERTY_AT(R.temperature, '2030-01-01T00:30:00Z') AS t FROM DIGITALTWINS R "
        + "WHERE IS_OF_MODEL(R, '" + ROOM + "') ORDER BY R.$dtId")).isEqualTo("""
        {"$dtId":"room-101","t":21.5}
        {"$dtId":"room-102","t":22.0}
        {"$dtId":"room-201","t":22.5}
        {"$dtId":"room-202","t":23.0}
        """);
    // an absent value is left out of its row, as a missing property is
    assertThat(lines("SELECT R.$dtId, PROPERTY_AT(R.temperature, NOW() - 'PT30M') AS t FROM DIGITALTWINS R "
        + "WHERE R.$dtId IN ['room-101', 'room-102'] ORDER BY R.$dtId")).isEqualTo("""
        {"$dtId":"room-101"}
        {"$dtId":"room-102","t":30.0}
        """);
    // before the history starts nothing is known
    assertThat(lines("SELECT PROPERTY_AT(R.temperature, '2001-01-01T00:00:00Z') AS t FROM DIGITALTWINS R "
        + "WHERE R.$dtId = 'room-102'")).isEqualTo("{}\n");
  }

  @Test
  void whereOrderByAndGroupBy() {
    assertThat(lines("SELECT R.$dtId FROM DIGITALTWINS R WHERE PROPERTY_AT(R.temperature, NOW() - 'PT2H') > 24 "
        + "ORDER BY PROPERTY_AT(R.temperature, NOW() - 'PT2H') DESC")).isEqualTo("""
        {"$dtId":"room-102"}
        {"$dtId":"room-101"}
        """);
    assertThat(lines("SELECT R.$dtId FROM DIGITALTWINS R WHERE PROPERTY_AT(R.occupied, NOW() - 'PT90M') = false "
        + "AND R.occupied = true")).isEqualTo("{\"$dtId\":\"room-202\"}\n");
    assertThat(lines("SELECT PROPERTY_AT(R.occupied, NOW() - 'PT30M') AS busy, COUNT() AS n FROM DIGITALTWINS R "
        + "WHERE IS_OF_MODEL(R, '" + ROOM + "') GROUP BY PROPERTY_AT(R.occupied, NOW() - 'PT30M') ORDER BY n DESC"))
        .isEqualTo("""
        {"busy":true,"n":3}
        {"busy":false,"n":1}
        """);
    assertThat(lines("SELECT F.$dtId AS floor, AVG(PROPERTY_AT(R.temperature, NOW() - 'PT2H')) AS t "
        + "FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) GROUP BY F.$dtId ORDER BY F.$dtId")).isEqualTo("""
        {"floor":"floor-1","t":27.5}
        {"floor":"floor-2","t":22.75}
        """);
  }

  @Test
  void parametersAndComponentsOfThePathWork() {
    assertThat(engine.query("SELECT PROPERTY_AT(R.temperature, @at) AS t FROM DIGITALTWINS R WHERE R.$dtId = 'room-101'",
        Map.of("at", T0.plus(Duration.ofMinutes(90)))).toJsonLines()).isEqualTo("{\"t\":25.0}\n");
    // with one source the alias may be left out, as for any property
    assertThat(lines("SELECT PROPERTY_AT(temperature, NOW() - 'PT2H') AS t FROM DIGITALTWINS WHERE $dtId = 'room-102'"))
        .isEqualTo("{\"t\":30.0}\n");
  }

  @Test
  void theDslBuildsTheSameQueryAndPrintsItCanonically() {
    TwinAlias f = twin("F");
    TwinAlias r = twin("R");
    Query q = select(f.id().as("floor"), avg(r.get(TEMPERATURE).asOf(now().minus(Duration.ofHours(2)))).as("t"))
        .match(pattern(f).out("hasRoom").to(r)).groupBy(f.id()).orderBy(desc("t")).build();
    String text = "SELECT F.$dtId AS floor, AVG(PROPERTY_AT(R.temperature, NOW() - 'PT2H')) AS t "
        + "FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) GROUP BY F.$dtId ORDER BY t DESC";
    assertThat(q.toString()).isEqualTo(text);
    assertThat(q).isEqualTo(Query.parse(text));
    assertThat(Query.parse("select r.$dtId from digitaltwins r where property_at( r.temperature , @t ) > 1").toString())
        .isEqualTo("SELECT r.$dtId FROM DIGITALTWINS r WHERE PROPERTY_AT(r.temperature, @t) > 1");
    assertThat(engine.query(q).toJsonLines()).isEqualTo("""
        {"floor":"floor-1","t":27.5}
        {"floor":"floor-2","t":22.75}
        """);
    Query byParam = select(r.id()).from(r).where(r.get(TEMPERATURE).asOf(param("at")).gt(24.0)).build();
    assertThat(byParam.toString()).isEqualTo("SELECT R.$dtId FROM DIGITALTWINS R WHERE PROPERTY_AT(R.temperature, @at) > 24.0");
    assertThat(engine.query(byParam, Map.of("at", T0.plus(Duration.ofMinutes(61)))).size()).isEqualTo(2);
    assertThat(select(count()).from(r).where(r.get(TEMPERATURE).asOf(T0).gt(1.0)).build().toString())
        .isEqualTo("SELECT COUNT() FROM DIGITALTWINS R WHERE PROPERTY_AT(R.temperature, '2030-01-01T00:00:00Z') > 1.0");
  }

  @Test
  void errorsNameWhatIsWrong() {
    assertThatThrownBy(() -> lines("SELECT PROPERTY_AT(R.temprature, NOW()) AS t FROM DIGITALTWINS R"))
        .isInstanceOf(QueryException.class).hasMessageContaining("did you mean `temperature`?");
    assertThatThrownBy(() -> lines("SELECT PROPERTY_AT(R.area, NOW()) AS t FROM DIGITALTWINS R"))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("`area` of R has no history")
        .hasMessageContaining("dtmi:twins:demo:Room;1")
        .hasMessageContaining("track(model, \"area\")");
    assertThatThrownBy(() -> QueryEngine.of(twins).query("SELECT PROPERTY_AT(R.temperature, NOW()) AS t FROM DIGITALTWINS R"))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("PROPERTY_AT reads property history: give the engine one with QueryEngine.builder(twins).history(");
    assertThatThrownBy(() -> lines("SELECT PROPERTY_AT('room-101', NOW()) AS t FROM DIGITALTWINS R"))
        .hasMessageContaining("the first argument of PROPERTY_AT is a twin property, such as R.temperature");
    assertThatThrownBy(() -> lines("SELECT PROPERTY_AT(R, NOW()) AS t FROM DIGITALTWINS R"))
        .hasMessageContaining("PROPERTY_AT needs a property of R");
    assertThatThrownBy(() -> lines("SELECT PROPERTY_AT(R.temperature) AS t FROM DIGITALTWINS R"))
        .hasMessageContaining("PROPERTY_AT takes (alias.property, time), not 1 arguments");
    assertThatThrownBy(() -> lines("SELECT PROPERTY_AT(R.$etag, NOW()) AS t FROM DIGITALTWINS R"))
        .hasMessageContaining("`$etag` has no history");
    assertThatThrownBy(() -> lines("SELECT PROPERTY_AT(X.since, NOW()) AS t FROM DIGITALTWINS MATCH (R)-[X:hasSensor]->(S)"))
        .hasMessageContaining("PROPERTY_AT reads twin properties, and X is a relationship");
    // ADT's lenient mode checks no names
    assertThat(QueryEngine.builder(twins).history(history).strict(false).build()
        .query("SELECT R.$dtId FROM DIGITALTWINS R WHERE PROPERTY_AT(R.area, NOW()) > 0").isEmpty()).isTrue();
    assertThatThrownBy(() -> QueryEngine.builder(twins).history(history)
        .function("PROPERTY_AT", 2, 2, args -> Optional.empty()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROPERTY_AT");
  }
}
