package dev.twins.bench.peers;

import dev.twins.query.QueryEngine;
import dev.twins.query.QueryRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Twins with the scoped query in its query language ({@code dev.twins.query}), the rest as
 * {@link TwinsEngine}: {@code SELECT S.$dtId FROM DIGITALTWINS MATCH (X)-[:hasPart]->()...(S)
 * WHERE X.$dtId = @id AND S.kind = 'temperature' AND S.value > @t}, its plan compiled once and
 * cached by the query engine.
 */
final class TwinsQueryEngine extends TwinsEngine {
  private static final Map<Scope, String> QUERIES = new EnumMap<>(Scope.class);

  static {
    for (Scope scope : Scope.values()) {
      StringBuilder q = new StringBuilder("SELECT S.$dtId AS id FROM DIGITALTWINS MATCH (X)");
      for (int k = 0; k < scope.path().size(); k++) {
        q.append("-[:").append(scope.path().get(k)).append("]->")
            .append(k == scope.path().size() - 1 ? "(S)" : "(N" + k + ")");
      }
      QUERIES.put(scope, q.append(" WHERE X.$dtId = @id AND S.kind = 'temperature' AND S.value > @t").toString());
    }
  }

  private QueryEngine query;

  TwinsQueryEngine(dev.twins.core.model.Models models) {
    super(models);
  }

  /**
   * Wraps a graph that already holds the portfolio, e.g. a reopened store's.
   *
   * @param twins the graph
   */
  TwinsQueryEngine(dev.twins.core.graph.Twins twins) {
    super(twins);
    query = QueryEngine.of(twins);
  }

  @Override
  public String name() {
    return "twins-query";
  }

  @Override
  public void load(PeerPortfolio p) {
    super.load(p);
    query = QueryEngine.of(twins());
  }

  @Override
  public List<String> hotSensors(String startId, Scope scope, double threshold) {
    List<String> out = new ArrayList<>();
    for (QueryRow row : query.query(QUERIES.get(scope), Map.of("id", startId, "t", threshold))) {
      out.add(row.string("id").orElseThrow());
    }
    return out;
  }
}
