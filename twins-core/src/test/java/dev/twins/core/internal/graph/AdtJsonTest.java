package dev.twins.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link AdtJson#toJson}: the direct conversions of common scalars equal Jackson's own. */
class AdtJsonTest {
  private static final JsonMapper JACKSON = JsonMapper.builder().build();

  @Test
  void scalarsConvertAsJacksonConvertsThem() {
    for (Object v : List.of(21.5, -0.0, 1e300, 7, Integer.MIN_VALUE, "warm", "", true, false, 5L, 2.5f)) {
      JsonNode mine = AdtJson.toJson(v);
      JsonNode theirs = JACKSON.valueToTree(v);
      assertThat(mine).as("%s (%s)", v, v.getClass().getSimpleName()).isEqualTo(theirs);
      assertThat(mine.getClass()).as("node class of %s", v).isEqualTo(theirs.getClass());
    }
  }
}
