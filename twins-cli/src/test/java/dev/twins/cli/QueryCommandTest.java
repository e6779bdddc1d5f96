package dev.twins.cli;

import static dev.twins.cli.Run.twins;
import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.adt.AdtExport;
import dev.twins.core.graph.Twins;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {
  private static Path demoFile(Path dir) throws IOException {
    StringWriter w = new StringWriter();
    AdtExport.bulkImport(Twins.demo(), w);
    return Files.writeString(dir.resolve("demo.ndjson"), w.toString());
  }

  @Test
  void jsonPrintsOneRowPerLineInAdtShape(@TempDir Path dir) throws IOException {
    Run run = twins("query", "--json", "--load", demoFile(dir).toString(), "SELECT COUNT() FROM DIGITALTWINS");
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("{\"COUNT\":9}\n");
    Run rooms = twins("query", "--json", "--load", demoFile(dir).toString(),
        "SELECT R.$dtId FROM DIGITALTWINS R WHERE R.area > 20 ORDER BY R.$dtId");
    assertThat(rooms.outLines()).containsExactly("{\"$dtId\":\"room-102\"}", "{\"$dtId\":\"room-202\"}");
  }

  @Test
  void tableAndCsv(@TempDir Path dir) throws IOException {
    String q = "SELECT R.$dtId, R.temperature FROM DIGITALTWINS R WHERE R.temperature > 22.6";
    Run table = twins("query", "--load", demoFile(dir).toString(), q);
    assertThat(table.outLines()).containsExactly("Result[1 row]", "  $dtId    | temperature", "  room-202 | 23.0");
    Run csv = twins("query", "--csv", "--load", demoFile(dir).toString(), q);
    assertThat(csv.out()).isEqualTo("$dtId,temperature\r\nroom-202,23.0\r\n");
  }

  @Test
  void syntaxAndValidationErrorsExitWithOne(@TempDir Path dir) throws IOException {
    Run syntax = twins("query", "--load", demoFile(dir).toString(), "SELECT * FORM DIGITALTWINS");
    assertThat(syntax.status()).isEqualTo(1);
    assertThat(syntax.err()).contains("line 1, column 10: expected FROM");
    Run invalid = twins("query", "--load", demoFile(dir).toString(), "SELECT R FROM DIGITALTWINS R WHERE R.aera > 1");
    assertThat(invalid.status()).isEqualTo(1);
    assertThat(invalid.err()).contains("did you mean `area`?");
  }

  @Test
  void missingFilesAreUsageErrors(@TempDir Path dir) {
    Run run = twins("query", "--load", dir.resolve("none.json").toString(), "SELECT * FROM DIGITALTWINS");
    assertThat(run.status()).isEqualTo(2);
  }
}
