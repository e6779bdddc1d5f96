package dev.twins.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.query.QueryResult;
import dev.twins.query.QueryRow;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Checks every query's answer against the bulk-import file read line by line. */
class AdtMigrationTest {
  private static AdtMigration.Result result;
  private static final Map<String, String> MODEL_OF = new TreeMap<>();
  private static final Map<String, Double> POWER = new TreeMap<>();
  private static final Map<String, List<String>> EXTENDS = new TreeMap<>();
  private static final List<String[]> RELS = new ArrayList<>(); // source, target, name

  @BeforeAll
  static void run() throws Exception {
    result = AdtMigration.run(ExampleData.dir());
    ObjectMapper json = new ObjectMapper();
    String section = "";
    for (String line : Files.readAllLines(ExampleData.dir().resolve(AdtMigration.FILE))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      if (n.has("Section")) {
        section = n.get("Section").asString();
        continue;
      }
      switch (section) {
        case "Models" -> {
          List<String> ext = new ArrayList<>();
          if (n.has("extends")) {
            n.get("extends").forEach(e -> ext.add(e.asString()));
          }
          EXTENDS.put(n.get("@id").asString(), ext);
        }
        case "Twins" -> {
          String id = n.get("$dtId").asString();
          MODEL_OF.put(id, n.get("$metadata").get("$model").asString());
          if (n.has("PowerRequirement")) {
            POWER.put(id, n.get("PowerRequirement").asDouble());
          }
        }
        case "Relationships" -> RELS.add(new String[] {n.get("$dtId").asString(), n.get("$targetId").asString(),
            n.get("$relationshipName").asString()});
        default -> { }
      }
    }
  }

  private static boolean isA(String model, String ancestor) {
    return model.equals(ancestor) || EXTENDS.getOrDefault(model, List.of()).stream().anyMatch(e -> isA(e, ancestor));
  }

  private static List<String> column(String question, String column) {
    QueryResult r = result.results().get(question);
    assertThat(r).as(question).isNotNull();
    return r.stream().map(row -> row.get(column).orElseThrow().asString()).toList();
  }

  private static Set<String> feedsFrom(String source) {
    Set<String> out = new TreeSet<>();
    RELS.stream().filter(r -> r[0].equals(source) && r[2].equals("feeds")).forEach(r -> out.add(r[1]));
    return out;
  }

  @Test
  void theWholeFileIsLoaded() {
    assertThat(result.imported().errors()).isEmpty();
    assertThat(result.results().get("How many twins?").rows().get(0).integer("COUNT")).hasValue(MODEL_OF.size());
    assertThat(result.results().get("How many relationships?").rows().get(0).integer("COUNT")).hasValue(RELS.size());
  }

  @Test
  void documentationQueriesAnswerAsTheFileSays() {
    String base = "dtmi:example:grid:consumer:baseConsumer;1";
    assertThat(column("Consumers needing more than 1,000 (IS_OF_MODEL with subtypes, a property filter)", "$dtId"))
        .containsExactlyInAnyOrderElementsOf(POWER.entrySet().stream()
            .filter(e -> isA(MODEL_OF.get(e.getKey()), base) && e.getValue() > 1000).map(Map.Entry::getKey).toList());
    assertThat(column("Industrial consumers only (IS_OF_MODEL exact)", "$dtId"))
        .containsExactlyInAnyOrderElementsOf(MODEL_OF.entrySet().stream()
            .filter(e -> e.getValue().equals("dtmi:example:grid:plants:industrialConsumer;1"))
            .map(Map.Entry::getKey).toList());
    assertThat(column("What does substation sub_fall_street feed? (MATCH)", "tid"))
        .containsExactlyInAnyOrderElementsOf(feedsFrom("sub_fall_street"))
        .containsExactlyInAnyOrder("c_fall_street_01", "c_fall_street_02", "c_fall_street_03", "c_fall_street_04");
    assertThat(column("Who feeds c_farm_04? (reverse JOIN)", "$dtId"))
        .containsExactlyInAnyOrderElementsOf(RELS.stream().filter(r -> r[1].equals("c_farm_04")).map(r -> r[0]).toList());
    assertThat(column("Relationships leaving the two farm clusters", "$targetId"))
        .containsExactlyInAnyOrderElementsOf(RELS.stream()
            .filter(r -> r[0].equals("sub_farmcluster_1") || r[0].equals("sub_farmcluster_2")).map(r -> r[1]).toList());
    Set<String> reach = new HashSet<>();
    Set<String> frontier = Set.of("p_wind_01");
    for (int hop = 0; hop < 3; hop++) {
      Set<String> next = new HashSet<>();
      frontier.forEach(f -> next.addAll(feedsFrom(f)));
      reach.addAll(next);
      frontier = next;
    }
    assertThat(column("Everything within 3 hops downstream of the wind plant p_wind_01 (variable-length MATCH)", "$dtId"))
        .containsExactlyInAnyOrderElementsOf(reach);
    assertThat(column("Twins whose id starts with c_farm_ (STARTSWITH)", "$dtId"))
        .containsExactlyInAnyOrderElementsOf(MODEL_OF.keySet().stream().filter(id -> id.startsWith("c_farm_")).toList());
  }

  @Test
  void groupByGivesEachSubstationsDemand() {
    Map<String, double[]> expected = new TreeMap<>(); // count, sum
    for (String[] r : RELS) {
      if (r[2].equals("feeds") && MODEL_OF.get(r[0]).endsWith("deliverySubStation;1")) {
        double[] a = expected.computeIfAbsent(r[0], k -> new double[2]);
        a[0]++;
        a[1] += POWER.get(r[1]);
      }
    }
    QueryResult r = result.results().get(
        "Beyond ADT: demand per delivery substation (GROUP BY, COUNT, SUM, AVG, ORDER BY)");
    assertThat(r.rows()).hasSize(expected.size());
    double previous = Double.MAX_VALUE;
    for (QueryRow row : r) {
      double[] e = expected.get(row.string("substation").orElseThrow());
      assertThat(row.number("consumers").orElseThrow()).isEqualTo(e[0]);
      assertThat(row.number("demand").orElseThrow()).isEqualTo(e[1]);
      assertThat(row.number("average").orElseThrow()).isEqualTo(e[1] / e[0]);
      assertThat(e[1]).isLessThanOrEqualTo(previous);
      previous = e[1];
    }
  }
}
