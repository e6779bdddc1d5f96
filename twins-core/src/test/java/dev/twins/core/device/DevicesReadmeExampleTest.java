package dev.twins.core.device;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The error message the README's "Devices: desired state and commands" section prints (its Java block runs in ReadmeExamplesTest). */
class DevicesReadmeExampleTest {
  @Test
  void readmeErrorMessageIsAsPrinted() {
    Devices devices = Devices.attach(DeviceModels.graph(1));
    assertThatThrownBy(() -> devices.invoke("r1", "setPower", Map.of("megawatts", "lots", "rampSeconds", 5)))
        .hasMessageStartingWith("r1: setPower: the request does not fit 'settings' (Object): /request/megawatts: ");
  }
}
