package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.T;

/**
 * TinkerGraph through Gremlin, joined with QuestDB in Java: {@code g.V(b).out('hasPart')
 * .out('contains').hasLabel('AirHandler').as('a').out('feeds').project(...)} for the maintenance
 * question (deviation filtered in Java), {@code g.V().hasLabel('Building').as('b').out('hasPart')
 * .as('f').out('hasPart').hasLabel('Room').project(...)} for the space usage.
 */
final class GremlinAnalytics extends PeerAnalytics {
  private final GraphTraversalSource g;

  GremlinAnalytics(TinkerGraphEngine graph, PortfolioSeries s) {
    super(s);
    this.g = graph.graph.traversal();
  }

  @Override
  public String name() {
    return "gremlin";
  }

  @Override
  List<Object[]> deviatingRooms(String buildingId) {
    List<Object[]> out = new ArrayList<>();
    for (Map<String, Object> m : g.V(buildingId).out("hasPart").out("contains").hasLabel("AirHandler").as("a")
        .out("feeds").<Object>project("a", "r", "t", "s").by(__.select("a").id()).by(T.id).by("temperature")
        .by("setpoint").toList()) {
      double deviation = ((Number) m.get("t")).doubleValue() - ((Number) m.get("s")).doubleValue();
      if (Math.abs(deviation) > PortfolioSeries.DEVIATION) out.add(new Object[] {m.get("a"), m.get("r"), deviation});
    }
    return out;
  }

  @Override
  List<String[]> roomsByFloor() {
    List<String[]> out = new ArrayList<>();
    for (Map<String, Object> m : g.V().hasLabel("Building").as("b").out("hasPart").as("f").out("hasPart")
        .hasLabel("Room").<Object>project("b", "f", "r").by(__.select("b").id()).by(__.select("f").id()).by(T.id)
        .toList()) {
      out.add(new String[] {(String) m.get("b"), (String) m.get("f"), (String) m.get("r")});
    }
    return out;
  }
}
