package dev.twins.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.twins.core.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every real model set of {@code ../shared/ontologies} loads as one batch, without errors, under default options. */
@Tag("corpus")
class OntologyCorpusTest {

  @ParameterizedTest(name = "{0}: {1} interfaces")
  @CsvSource({
    "rec-building-v3, 767",
    "rec-building-v2, 767",
    "smartcities, 63",
    "energygrid, 113",
    "willow-building, 3700",
    "willow-rail, 582",
    "rec4, 1364",
    "isa95, 180",
    "aas, 68",
    "iot-pnp-dmr-subset, 312", // 309 files; bosch/xdk110-1.json also defines 3 component Interfaces inline
  })
  void loadsWithoutErrors(String set, int interfaces) {
    Path dir = SharedData.dir().resolve("ontologies").resolve(set);
    Models models;
    try {
      models = ModelParser.parseFiles(dir);
    } catch (ModelException e) {
      List<String> first = e.errors().stream().limit(40).map(ModelError::toString).collect(Collectors.toList());
      fail(set + ": " + e.errors().size() + " errors, first ones:\n" + String.join("\n", first));
      return;
    }
    assertThat(models.size()).as("interfaces in %s", set).isEqualTo(interfaces);
    if (set.equals("willow-building")) {
      // Upstream bug: "annotates": "leakRate" where the property is spelled "leakeRate".
      assertThat(models.warnings()).singleElement().satisfies(w -> {
        assertThat(w.code()).isEqualTo(ErrorCode.ANNOTATES_INVALID);
        assertThat(w.source()).endsWith("WaterLeakEvent.json");
        assertThat(w.pointer()).isEqualTo("/contents/1/annotates");
      });
    } else {
      assertThat(models.warnings()).as("warnings in %s", set).isEmpty();
    }
  }

  @Test
  void undefinedCoTypesOfDtdlV2AreRejectedWhenUndefinedExtensionsAreDisallowed() {
    Path dir = SharedData.dir().resolve("ontologies").resolve("iot-pnp-dmr-subset");
    ModelParser strict = ModelParser.builder().undefinedExtensions(UndefinedExtensions.DISALLOW).build();
    assertThatThrownBy(() -> strict.parsePaths(List.of(dir)))
        .isInstanceOfSatisfying(ModelException.class, e -> {
          Set<String> files = e.errors().stream()
              .map(err -> dir.relativize(Path.of(err.source())).toString().replace('\\', '/'))
              .collect(Collectors.toCollection(TreeSet::new));
          assertThat(files).containsExactlyInAnyOrder(
              "dtmi/sgs/ocm_online-2.json", "dtmi/sgs/stas_plus-1.json",
              "dtmi/kumhoelectric/smartmesh_gateway-1.json", "dtmi/wurthelektronik/designkit/calypsoiotkit-1.json",
              "dtmi/azsphere/spherettt/lsm6dso-1.json", "dtmi/nexcom/nexdeviceinfo-1.json",
              "dtmi/meshsystems/ble/rdisensor-1.json", "dtmi/meshsystems/ble/rhtsensor-1.json",
              "dtmi/meshsystems/ble/rtsensor-1.json", "dtmi/meshsystems/core/devicehealth-1.json");
          assertThat(e.errors()).extracting(ModelError::code)
              .contains(ErrorCode.COTYPE_UNDEFINED)
              .allMatch(c -> c == ErrorCode.COTYPE_UNDEFINED || c == ErrorCode.MEMBER_UNKNOWN
                  || c == ErrorCode.UNIT_INVALID || c == ErrorCode.CONTEXT_EXTENSION_UNKNOWN);
        });
  }
}
