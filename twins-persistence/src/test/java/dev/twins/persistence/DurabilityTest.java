package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurabilityTest {
  @Test
  void policiesAndTheirChecks() {
    assertThat(Durability.everyWrite()).hasToString("Durability[everyWrite]");
    assertThat(Durability.every(Duration.ofMillis(10))).hasToString("Durability[every 10ms]");
    assertThat(Durability.os().mode()).isEqualTo(Durability.Mode.OS);
    assertThatThrownBy(() -> Durability.every(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> new Durability(Durability.Mode.OS, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only the INTERVAL policy");
    assertThatThrownBy(() -> TwinStore.builder(java.nio.file.Path.of("x")).segmentBytes(10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
  }
}
