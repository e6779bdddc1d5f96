package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Result;

/**
 * Neo4j through Cypher, joined with QuestDB in Java: {@code MATCH (:Twin {id: $b})-[:hasPart]->()
 * -[:contains]->(a:AirHandler)-[:feeds]->(r) WHERE abs(r.temperature - r.setpoint) > $d} for the
 * maintenance question, {@code MATCH (b:Building)-[:hasPart]->(f:Floor)-[:hasPart]->(r:Room)} for the
 * space usage; parameterised, so their plans are cached.
 */
final class CypherAnalytics extends PeerAnalytics {
  static final String DEVIATING = "MATCH (:Twin {id: $b})-[:hasPart]->()-[:contains]->(a:AirHandler)-[:feeds]->(r) "
      + "WHERE abs(r.temperature - r.setpoint) > $d RETURN a.id AS a, r.id AS r, r.temperature - r.setpoint AS dev";
  static final String ROOMS = "MATCH (b:Building)-[:hasPart]->(f:Floor)-[:hasPart]->(r:Room) "
      + "RETURN b.id AS b, f.id AS f, r.id AS r";

  private final Neo4jEngine neo4j;

  CypherAnalytics(Neo4jEngine neo4j, PortfolioSeries s) {
    super(s);
    this.neo4j = neo4j;
  }

  @Override
  public String name() {
    return "cypher";
  }

  @Override
  List<Object[]> deviatingRooms(String buildingId) {
    return neo4j.db.executeTransactionally(DEVIATING, Map.of("b", buildingId, "d", PortfolioSeries.DEVIATION),
        (Result r) -> {
          List<Object[]> out = new ArrayList<>();
          while (r.hasNext()) {
            Map<String, Object> m = r.next();
            out.add(new Object[] {m.get("a"), m.get("r"), m.get("dev")});
          }
          return out;
        });
  }

  @Override
  List<String[]> roomsByFloor() {
    return neo4j.db.executeTransactionally(ROOMS, Map.of(), (Result r) -> {
      List<String[]> out = new ArrayList<>();
      while (r.hasNext()) {
        Map<String, Object> m = r.next();
        out.add(new String[] {(String) m.get("b"), (String) m.get("f"), (String) m.get("r")});
      }
      return out;
    });
  }
}
