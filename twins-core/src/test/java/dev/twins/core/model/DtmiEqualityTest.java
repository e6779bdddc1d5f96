package dev.twins.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DTMIs are equal exactly when their texts are, and hash as their texts do. */
class DtmiEqualityTest {
  @Test
  void equalByTextAndHashedByText() {
    Dtmi a = new Dtmi("dtmi:com:example:Room;1");
    Dtmi b = new Dtmi(new String("dtmi:com:example:Room;1".toCharArray()));
    Dtmi other = new Dtmi("dtmi:com:example:Room;2");
    assertThat(a).isEqualTo(b).isNotEqualTo(other).isNotEqualTo("dtmi:com:example:Room;1");
    assertThat(b).isEqualTo(a);
    assertThat(a.equals(null)).isFalse();
    assertThat(a.hashCode()).isEqualTo(b.hashCode()).isEqualTo("dtmi:com:example:Room;1".hashCode());
    Map<Dtmi, String> byId = new HashMap<>();
    byId.put(a, "room");
    assertThat(byId).containsEntry(b, "room").doesNotContainKey(other);
  }
}
