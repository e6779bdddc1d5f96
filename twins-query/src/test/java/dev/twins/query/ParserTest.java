package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Twins;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing and printing: every example query of the ADT documentation, canonical text, syntax errors. */
class ParserTest {
  /** The verbatim example queries of the ADT documentation (reference ADT.md, section 2.10). */
  static final List<String> ADT_EXAMPLES = List.of(
      "SELECT * FROM DIGITALTWINS",
      "SELECT * FROM DIGITALTWINS T WHERE T.firmwareVersion = '1.1' AND T.$dtId in ['123', '456'] AND T.Temperature = 70",
      "SELECT * FROM DIGITALTWINS WHERE IS_DEFINED(Location)",
      "SELECT * FROM DIGITALTWINS WHERE NOT IS_DEFINED(tags.red) AND tags.size = 'small'",
      "SELECT * FROM DIGITALTWINS T WHERE IS_NUMBER(T.Temperature)",
      "SELECT * FROM DIGITALTWINS DT WHERE IS_OF_MODEL(DT, 'dtmi:example:thing;1', exact)",
      "SELECT T, CT FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE T.$dtId = 'ABC'",
      "SELECT source FROM DIGITALTWINS source JOIN target RELATED source.feeds WHERE target.$dtId = 'target-twin'",
      "SELECT T, SBT, R FROM DIGITALTWINS T JOIN SBT RELATED T.servicedBy R WHERE T.$dtId = 'ABC' AND R.reportedCondition = 'clean'",
      "SELECT LightBulb FROM DIGITALTWINS Building JOIN Floor RELATED Building.contains JOIN Room RELATED Floor.contains "
          + "JOIN LightPanel RELATED Room.contains JOIN LightBulbRow RELATED LightPanel.contains JOIN LightBulb RELATED "
          + "LightBulbRow.contains WHERE Building.$dtId = 'Building1'",
      "SELECT COUNT() FROM DIGITALTWINS c WHERE IS_OF_MODEL('dtmi:sample:Room;1') AND c.Capacity > 20",
      "SELECT COUNT() FROM RELATIONSHIPS",
      "SELECT Consumer.name AS consumerName, Edge.prop1 AS first, Edge.prop2 AS second, Factory.area AS factoryArea "
          + "FROM DIGITALTWINS Factory JOIN Consumer RELATED Factory.customer Edge WHERE Factory.$dtId = 'ABC'",
      "SELECT * FROM RELATIONSHIPS WHERE $sourceId IN ['A', 'B', 'C', 'D']",
      "SELECT Building, Sensor FROM DIGITALTWINS MATCH (Building)-[]->(Sensor) WHERE Building.$dtId = 'Building21' AND Sensor.temperature > 50",
      "SELECT Floor, Room FROM DIGITALTWINS MATCH (Floor)-[*..2]-(Room) WHERE Floor.$dtId = 'thermostat-15'",
      "SELECT Floor, Room FROM DIGITALTWINS MATCH (Floor)-[:contains|isAssociatedWith*3..5]->(Room) WHERE Floor.$dtId = 'thermostat-15'",
      "SELECT Floor, Room FROM DIGITALTWINS MATCH (Floor)-[r:contains|isAssociatedWith]->(Room) WHERE Floor.$dtId = 'thermostat-15' AND r.length = 10",
      "SELECT Floor, Room, Building FROM DIGITALTWINS MATCH (Building)-[r1:isAssociatedWith]->(Floor)<-[r2:isAssociatedWith]-(Room) "
          + "WHERE Building.$dtId = 'building-3' AND Room.temperature > 50",
      "SELECT T.name FROM DIGITALTWINS T WHERE ARRAY_CONTAINS (T.floor_number, 2)",
      "SELECT * FROM DIGITALTWINS T WHERE STARTSWITH(T.$dtId, 'area1-')",
      "SELECT * FROM DIGITALTWINS WHERE [[Group]] = 'BravoTeam'",
      "SELECT * FROM DIGITALTWINS WHERE Name = 'D\\'Souza'");

  static List<String> adtExamples() {
    return ADT_EXAMPLES;
  }

  @ParameterizedTest
  @MethodSource("adtExamples")
  void everyAdtExampleParsesAndPrintsStably(String text) {
    Query q = Query.parse(text);
    Query again = Query.parse(q.toString());
    assertThat(again).isEqualTo(q);
    assertThat(again.toString()).isEqualTo(q.toString());
  }

  @ParameterizedTest
  @MethodSource("adtExamples")
  void everyAdtExampleRunsLeniently(String text) {
    // names the demo models lack match nothing, as in ADT
    QueryEngine lenient = QueryEngine.builder(Twins.demo()).strict(false).build();
    QueryResult r = lenient.query(text);
    if (text.equals("SELECT * FROM DIGITALTWINS")) assertThat(r.size()).isEqualTo(9);
    else if (text.equals("SELECT COUNT() FROM RELATIONSHIPS")) assertThat(r.toJsonLines()).isEqualTo("{\"COUNT\":8}\n");
    else if (text.startsWith("SELECT COUNT()")) assertThat(r.toJsonLines()).isEqualTo("{\"COUNT\":0}\n");
    else assertThat(r.isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
      select * from digitaltwins t where t.x = 1 => SELECT * FROM DIGITALTWINS t WHERE t.x = 1
      SELECT  T.a  FROM  DIGITALTWINS  T  WHERE  ((T.a <> 1)) => SELECT T.a FROM DIGITALTWINS T WHERE T.a != 1
      SELECT * FROM DIGITALTWINS WHERE [[Group]] = 'x' => SELECT * FROM DIGITALTWINS WHERE [[Group]] = 'x'
      SELECT * FROM DIGITALTWINS T WHERE T.m.[[1st]] = "q" => SELECT * FROM DIGITALTWINS T WHERE T.m.[[1st]] = 'q'
      SELECT * FROM DIGITALTWINS T WHERE (T.a = 1 OR T.b = 2) AND NOT (T.c = 3 OR T.d = 4) => SELECT * FROM DIGITALTWINS T WHERE (T.a = 1 OR T.b = 2) AND NOT (T.c = 3 OR T.d = 4)
      SELECT T.a - (T.b - 1) * -2 AS x FROM DIGITALTWINS T => SELECT T.a - (T.b - 1) * -2 AS x FROM DIGITALTWINS T
      SELECT TOP (5) FROM DIGITALTWINS => SELECT TOP(5) FROM DIGITALTWINS
      select count(*) from relationships r where r.$sourceId not in ['a'] => SELECT COUNT() FROM RELATIONSHIPS r WHERE r.$sourceId NIN ['a']
      SELECT a FROM DIGITALTWINS MATCH (a)<-[r]-(b)-[:x|y*1..3]-(c) => SELECT a FROM DIGITALTWINS MATCH (a)<-[r]-(b)-[:x|y*1..3]-(c)
      explain select distinct t.k from digitaltwins t group by t.k order by t.k desc limit @n offset 2 => EXPLAIN SELECT DISTINCT t.k FROM DIGITALTWINS t GROUP BY t.k ORDER BY t.k DESC LIMIT @n OFFSET 2
      SELECT a FROM DIGITALTWINS MATCH (a)-[:x]->(b) optional match (b)-[*2..]->(c), (a)-[*]-(d) => SELECT a FROM DIGITALTWINS MATCH (a)-[:x]->(b) OPTIONAL MATCH (b)-[*2..]->(c), (a)-[*]-(d)
      SELECT T FROM DIGITALTWINS T WHERE EXISTS (T)-[:hasSensor]->(S) AND T.x IN @ids => SELECT T FROM DIGITALTWINS T WHERE EXISTS (T)-[:hasSensor]->(S) AND T.x IN @ids
      SELECT T FROM DIGITALTWINS T WHERE T.s = 'tab\\tquote\\'back\\\\slash\\u00e9' => SELECT T FROM DIGITALTWINS T WHERE T.s = 'tab\\tquote\\'back\\\\slashé'
      SELECT T.a AS count FROM DIGITALTWINS T => SELECT T.a AS count FROM DIGITALTWINS T
      SELECT T FROM DIGITALTWINS T WHERE T.d > 1.5e3 AND T.e = 10.0 => SELECT T FROM DIGITALTWINS T WHERE T.d > 1500.0 AND T.e = 10.0
      """)
  void canonicalText(String text, String canonical) {
    assertThat(Query.parse(text).toString()).isEqualTo(canonical);
    assertThat(Query.parse(canonical)).isEqualTo(Query.parse(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
      SELECT Floor,Cafe, Rel DIGITALTWINS MATCH (a) => 1 => 24 => ',', AS or FROM
      SELECT * FROM DIGITALTWINS MATCH (Building-[]-(Sensor) => 1 => 43 => ')'
      SELECT * FROM DIGITIALTWINS => 1 => 15 => DIGITALTWINS or RELATIONSHIPS
      SELECT * FROM DIGITALTWINS WHERE Name = 'D\\'Souza => 1 => 41 => the closing ' of the string
      SELECT * FROM DIGITALTWINS T WHERE T.a = => 1 => 41 => an expression
      SELECT * FROM DIGITALTWINS T WHERE Group = 'x' => 1 => 36 => an expression (escape a reserved word used as a name: [[Group]])
      SELECT *\\nFROM DIGITALTWINS T\\nWHERE T.a ! 1 => 3 => 11 => a name, literal, operator or punctuation
      SELECT * FROM DIGITALTWINS T LIMIT 1 WHERE T.a = 1 => 1 => 38 => OFFSET or the end of the query
      SELECT * FROM DIGITALTWINS MATCH (a)<-[]->(b) => 1 => 42 => '-' without '>' after an edge that starts with '<-'
      """)
  void syntaxErrorsPointAtTheProblem(String text, int line, int column, String expected) {
    String t = text.replace("\\n", "\n");
    assertThatThrownBy(() -> Query.parse(t)).isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
      assertThat(e.line()).hasValue(line);
      assertThat(e.column()).hasValue(column);
      assertThat(e.expected()).isEqualTo(expected);
      assertThat(e.getMessage()).startsWith("line " + line + ", column " + column + ": expected " + expected);
      assertThat(e.getMessage()).contains("\n" + " ".repeat(column - 1) + "^");
    });
  }

  @Test
  void hopRangesFollowAdtSemantics() {
    // *1..3 is 2 or 3 hops; *..2 is 1 or 2; *3 is 3; *3..5 is 4 or 5
    QueryEngine e = QueryEngine.of(Twins.demo());
    assertThat(e.query("SELECT X.$dtId FROM DIGITALTWINS MATCH (B)-[*1..2]->(X) WHERE B.$dtId = 'building-1'").size())
        .isEqualTo(4);
    assertThat(e.query("SELECT X.$dtId FROM DIGITALTWINS MATCH (B)-[*..2]->(X) WHERE B.$dtId = 'building-1'").size())
        .isEqualTo(6);
    assertThat(e.query("SELECT X.$dtId FROM DIGITALTWINS MATCH (B)-[*3]->(X) WHERE B.$dtId = 'building-1'").size())
        .isEqualTo(2);
    assertThatThrownBy(() -> e.query("SELECT X FROM DIGITALTWINS MATCH (B)-[*2..2]->(X) WHERE B.$dtId = 'b'"))
        .isInstanceOf(QueryException.class).hasMessageContaining("matches no hop count");
  }
}
