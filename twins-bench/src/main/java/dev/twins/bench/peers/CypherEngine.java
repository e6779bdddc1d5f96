package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * Neo4j embedded through Cypher, with the same graph layout as {@link Neo4jEngine}: loaded with
 * {@code UNWIND $rows ... CREATE} in batches, read, updated and queried with parameterised
 * statements (so their plans are cached), each in a transaction of its own.
 */
final class CypherEngine extends Neo4jEngine {
  private final Map<String, String> reads = new ConcurrentHashMap<>();
  private final Map<String, String> updates = new ConcurrentHashMap<>();

  /** Opens a new database. */
  CypherEngine() {}

  /**
   * Opens an existing database (see {@link Neo4jEngine#Neo4jEngine(java.nio.file.Path)}).
   *
   * @param existing its directory
   */
  CypherEngine(java.nio.file.Path existing) {
    super(existing);
  }

  @Override
  public String name() {
    return "cypher";
  }

  @Override
  public void load(PeerPortfolio p) {
    for (PeerPortfolio.Kind kind : PeerPortfolio.Kind.values()) {
      String create = "UNWIND $rows AS row CREATE (n:Twin:" + kind.label() + ") SET n = row";
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < p.twinCount(); i++) {
        if (p.kind(i) != kind) continue;
        Map<String, Object> row = new HashMap<>();
        row.put("id", p.id(i));
        String[] names = p.propertyNames(i);
        Object[] values = p.propertyValues(i);
        for (int k = 0; k < names.length; k++) row.put(names[k], values[k]);
        rows.add(row);
        if (rows.size() == BATCH) rows = flush(create, rows);
      }
      flush(create, rows);
    }
    for (int t = 0; t < PeerPortfolio.REL_NAMES.length; t++) {
      String create = "UNWIND $rows AS row MATCH (a:Twin {id: row.s}) MATCH (b:Twin {id: row.t}) "
          + "CREATE (a)-[:" + PeerPortfolio.REL_NAMES[t] + " {id: row.id}]->(b)";
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int r = 0; r < p.relationshipCount(); r++) {
        if (p.relationshipKind(r) != t) continue;
        rows.add(Map.of("s", p.id(p.source(r)), "t", p.id(p.target(r)), "id", p.relationshipId(r)));
        if (rows.size() == BATCH) rows = flush(create, rows);
      }
      flush(create, rows);
    }
  }

  private List<Map<String, Object>> flush(String statement, List<Map<String, Object>> rows) {
    if (!rows.isEmpty()) db.executeTransactionally(statement, Map.of("rows", rows));
    return new ArrayList<>();
  }

  @Override
  public double read(String id, String property) {
    String q = reads.computeIfAbsent(property, p -> "MATCH (n:Twin {id: $id}) RETURN n.`" + p + "` AS v");
    return db.executeTransactionally(q, Map.of("id", id), r -> ((Number) r.next().get("v")).doubleValue());
  }

  private String updateStatement(String property) {
    return updates.computeIfAbsent(property, p -> "MATCH (n:Twin {id: $id}) SET n.`" + p + "` = $v");
  }

  @Override
  public void update(String id, String property, double value, Object prepared) {
    db.executeTransactionally(updateStatement(property), Map.of("id", id, "v", value));
  }

  @Override
  public void updateBatch(String[] ids, String[] properties, double[] values, Object[] prepared, int from, int to) {
    try (Transaction tx = db.beginTx()) {
      for (int k = from; k < to; k++) {
        tx.execute(updateStatement(properties[k]), Map.of("id", ids[k], "v", values[k])).close();
      }
      tx.commit();
    }
  }

  static String query(Scope scope) {
    StringBuilder q = new StringBuilder("MATCH (:Twin {id: $id})");
    for (int k = 0; k < scope.path().size(); k++) {
      q.append("-[:").append(scope.path().get(k)).append("]->").append(k == scope.path().size() - 1 ? "(s)" : "()");
    }
    return q.append(" WHERE s.kind = 'temperature' AND s.value > $t RETURN s.id AS id").toString();
  }

  private static final Map<Scope, String> QUERIES = new HashMap<>();

  static {
    for (Scope s : Scope.values()) QUERIES.put(s, query(s));
  }

  @Override
  public List<String> hotSensors(String startId, Scope scope, double threshold) {
    return db.executeTransactionally(QUERIES.get(scope), Map.of("id", startId, "t", threshold), (Result r) -> {
      List<String> out = new ArrayList<>();
      while (r.hasNext()) out.add((String) r.next().get("id"));
      return out;
    });
  }
}
