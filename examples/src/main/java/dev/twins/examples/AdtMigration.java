package dev.twins.examples;

import dev.twins.core.adt.AdtImport;
import dev.twins.core.adt.ErrorPolicy;
import dev.twins.examples.support.DataDir;
import dev.twins.query.QueryEngine;
import dev.twins.query.QueryResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moving from Azure Digital Twins: the energy-grid sample graph of Microsoft's getting-started
 * repository is loaded from its bulk-import NDJSON file (models, twins and relationships in one
 * file), then queried with the query patterns of the ADT documentation, unchanged, and with one
 * query ADT cannot answer: GROUP BY with SUM and AVG, ordered.
 */
public final class AdtMigration {
  static final String FILE = "adt-energy-grid/distributionGridBulkImport.json";
  private static final String GRID = "dtmi:example:grid:";

  /** The queries, by what they ask; the last one is beyond ADT. */
  static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("How many twins?", "SELECT COUNT() FROM DIGITALTWINS");
    QUERIES.put("How many relationships?", "SELECT COUNT() FROM RELATIONSHIPS");
    QUERIES.put("Consumers needing more than 1,000 (IS_OF_MODEL with subtypes, a property filter)",
        "SELECT T.$dtId, T.PowerRequirement FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, '" + GRID
            + "consumer:baseConsumer;1') AND T.PowerRequirement > 1000");
    QUERIES.put("Industrial consumers only (IS_OF_MODEL exact)",
        "SELECT DT.$dtId FROM DIGITALTWINS DT WHERE IS_OF_MODEL(DT, '" + GRID + "plants:industrialConsumer;1', exact)");
    QUERIES.put("What does substation sub_fall_street feed? (MATCH)",
        "SELECT consumer.$dtId AS tid FROM DIGITALTWINS MATCH (substation)-[:feeds]->(consumer) "
            + "WHERE substation.$dtId = 'sub_fall_street'");
    QUERIES.put("Who feeds c_farm_04? (reverse JOIN)",
        "SELECT source.$dtId FROM DIGITALTWINS source JOIN target RELATED source.feeds WHERE target.$dtId = 'c_farm_04'");
    QUERIES.put("Relationships leaving the two farm clusters",
        "SELECT R.$sourceId, R.$targetId, R.$relationshipName FROM RELATIONSHIPS R "
            + "WHERE R.$sourceId IN ['sub_farmcluster_1', 'sub_farmcluster_2']");
    QUERIES.put("Everything within 3 hops downstream of the wind plant p_wind_01 (variable-length MATCH)",
        "SELECT T.$dtId FROM DIGITALTWINS MATCH (P)-[:feeds*..3]->(T) WHERE P.$dtId = 'p_wind_01'");
    QUERIES.put("Twins whose id starts with c_farm_ (STARTSWITH)",
        "SELECT T.$dtId FROM DIGITALTWINS T WHERE STARTSWITH(T.$dtId, 'c_farm_')");
    QUERIES.put("Beyond ADT: demand per delivery substation (GROUP BY, COUNT, SUM, AVG, ORDER BY)",
        "SELECT S.$dtId AS substation, COUNT() AS consumers, SUM(C.PowerRequirement) AS demand, "
            + "AVG(C.PowerRequirement) AS average FROM DIGITALTWINS MATCH (S)-[:feeds]->(C) "
            + "WHERE IS_OF_MODEL(S, '" + GRID + "transmission:deliverySubStation;1') "
            + "GROUP BY S.$dtId ORDER BY demand DESC, substation");
  }

  private AdtMigration() {}

  /**
   * The answers.
   *
   * @param imported what the import did (graph, counts, errors)
   * @param results each query's rows, by the question of {@link #QUERIES}
   */
  public record Result(AdtImport.Result imported, Map<String, QueryResult> results) {}

  /**
   * Runs the example and prints its answers.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Result r = run(DataDir.find());
    System.out.println("Loaded " + FILE + ": " + r.imported() + "\n");
    r.results().forEach((question, rows) -> {
      System.out.println(question);
      System.out.println("  " + QUERIES.get(question));
      System.out.println(rows + "\n");
    });
  }

  /**
   * Loads the graph and runs every query.
   *
   * @param data the examples' data folder
   * @return the answers
   */
  public static Result run(Path data) {
    AdtImport.Result imported = AdtImport.load(List.of(data.resolve(FILE)), ErrorPolicy.STOP);
    QueryEngine engine = QueryEngine.of(imported.twins());
    Map<String, QueryResult> results = new LinkedHashMap<>();
    QUERIES.forEach((question, text) -> results.put(question, engine.query(text)));
    return new Result(imported, results);
  }
}
