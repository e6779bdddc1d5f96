package dev.twins.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.model.ErrorCode;
import dev.twins.core.model.ModelError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidationReportTest {
  private static final String NL = System.lineSeparator();

  private static String write(SetResult r, BiConsumer<SetResult, PrintWriter> how) {
    StringWriter s = new StringWriter();
    PrintWriter out = new PrintWriter(s);
    how.accept(r, out);
    out.flush();
    return s.toString();
  }

  private static final ModelError AT_LINE = new ModelError(ErrorCode.NAME_INVALID,
      "name '1bad' must start with a letter", "dtmi:com:example:Bad;1", "m/bad.json", 6,
      "/contents/0/name");
  private static final ModelError NO_LINE = new ModelError(ErrorCode.EXTENDS_CYCLE,
      "extends itself", "dtmi:com:example:A;1", "m/a.json", 0, "");
  private static final ModelError ONLY_DTMI = new ModelError(ErrorCode.UNRESOLVED_REFERENCE,
      "not defined", "dtmi:com:example:B;1", "", 0, "");
  private static final ModelError NOTHING = new ModelError(ErrorCode.NO_MODELS,
      "no .json files", "", "", 0, "");

  @Test
  void validSetIsOneOkLine() {
    assertThat(write(SetResult.valid(List.of("m"), 1, List.of()), ValidationReport::human))
        .isEqualTo("OK m (1 interface)" + NL);
    assertThat(write(SetResult.valid(List.of("a", "b"), 12, List.of()), ValidationReport::human))
        .isEqualTo("OK a b (12 interfaces)" + NL);
  }

  @Test
  void errorsNameFileAndLineOrTheBestLocationThereIs() {
    SetResult r = SetResult.invalid(List.of("m"), List.of(NOTHING, ONLY_DTMI, NO_LINE, AT_LINE));

    assertThat(write(r, ValidationReport::human)).isEqualTo(String.join(NL,
        "m: NO_MODELS no .json files",
        "dtmi:com:example:B;1: UNRESOLVED_REFERENCE not defined",
        "m/a.json: EXTENDS_CYCLE extends itself",
        "m/bad.json:6: NAME_INVALID name '1bad' must start with a letter (at /contents/0/name)",
        "m: 4 errors") + NL);
  }

  @Test
  void aMultiLineMessageStaysOnOneLine() {
    ModelError e = new ModelError(ErrorCode.JSON_SYNTAX, "unexpected '}'\n  at line 3", "", "f.json", 3, "");

    assertThat(write(SetResult.invalid(List.of("f.json"), List.of(e)), ValidationReport::human))
        .startsWith("f.json:3: JSON_SYNTAX unexpected '}' at line 3" + NL);
  }

  @Test
  void jsonLineHasEveryField() {
    SetResult r = SetResult.invalid(List.of("m", "n"), List.of(AT_LINE));

    String text = write(r, ValidationReport::json);

    assertThat(text).endsWith(NL).doesNotContain("\n ");
    JsonNode o = JsonMapper.builder().build().readTree(text);
    assertThat(o.get("path").asString()).isEqualTo("m n");
    assertThat(o.get("valid").asBoolean()).isFalse();
    assertThat(o.get("interfaces").asInt()).isZero();
    JsonNode e = o.get("errors").get(0);
    assertThat(e.get("code").asString()).isEqualTo("NAME_INVALID");
    assertThat(e.get("message").asString()).isEqualTo(AT_LINE.message());
    assertThat(e.get("dtmi").asString()).isEqualTo("dtmi:com:example:Bad;1");
    assertThat(e.get("file").asString()).isEqualTo("m/bad.json");
    assertThat(e.get("line").asInt()).isEqualTo(6);
    assertThat(e.get("pointer").asString()).isEqualTo("/contents/0/name");
  }

  @Test
  void warningsComeBeforeTheOkLineAndInTheirOwnJsonArray() {
    ModelError w = new ModelError(ErrorCode.ANNOTATES_INVALID, "\"annotates\": \"x\" should name another Property",
        "dtmi:com:example:A:_contents:__y;1", "m/a.json", 9, "/contents/1/annotates");
    SetResult r = SetResult.valid(List.of("m"), 2, List.of(w));

    assertThat(write(r, ValidationReport::human)).isEqualTo(String.join(NL,
        "m/a.json:9: warning ANNOTATES_INVALID \"annotates\": \"x\" should name another Property (at /contents/1/annotates)",
        "OK m (2 interfaces)") + NL);
    JsonNode o = JsonMapper.builder().build().readTree(write(r, ValidationReport::json));
    assertThat(o.get("valid").asBoolean()).isTrue();
    assertThat(o.get("errors")).isEmpty();
    assertThat(o.get("warnings").get(0).get("code").asString()).isEqualTo("ANNOTATES_INVALID");
    assertThat(o.get("warnings").get(0).get("line").asInt()).isEqualTo(9);
    assertThat(r.exitStatus()).isZero();
  }

  @Test
  void exitStatusIsTwoForIoErrorsAndOneForOtherErrors() {
    ModelError io = new ModelError(ErrorCode.IO_ERROR, "denied", "", "x", 0, "");
    assertThat(SetResult.valid(List.of("m"), 3, List.of()).exitStatus()).isZero();
    assertThat(SetResult.invalid(List.of("m"), List.of(AT_LINE)).exitStatus()).isEqualTo(1);
    assertThat(SetResult.invalid(List.of("m"), List.of(NOTHING)).exitStatus()).isEqualTo(1);
    assertThat(SetResult.invalid(List.of("m"), List.of(AT_LINE, io)).exitStatus()).isEqualTo(2);
  }

  @Test
  void resultsAreChecked() {
    assertThatThrownBy(() -> SetResult.invalid(List.of("m"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SetResult.valid(List.of(), 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SetResult(List.of("m"), 2, List.of(AT_LINE), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
