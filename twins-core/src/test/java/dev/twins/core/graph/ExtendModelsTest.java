package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.FLOOR;
import static dev.twins.core.graph.DemoModels.ROOM;
import static dev.twins.core.graph.DemoModels.SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Twins#extendModels}: the same graph over a larger model set, indexes following new subtypes. */
class ExtendModelsTest {
  @Test
  void theGraphTakesNewModelsInPlaceAndItsIndexesCoverNewSubtypes() {
    Models all = DemoModels.models();
    Models some = Models.of(List.of(all.require(SPACE), all.require(FLOOR)));
    Twins g = Twins.create(some);
    g.createTwin("floor-1", FLOOR, Map.of("level", 1, "name", "ground"));
    assertThat(g.indexes().equal(SPACE, "name", "ground")).containsExactly("floor-1");
    assertThatThrownBy(() -> g.createTwin("room-1", ROOM, Map.of())).isInstanceOf(GraphException.class);
    long version = g.version();

    g.extendModels(all);
    assertThat(g.models()).isSameAs(all);
    assertThat(g.version()).isEqualTo(version);
    g.createTwin("room-1", ROOM, Map.of("name", "ground", "thermostat", Map.of("$metadata", Map.of())));
    assertThat(g.indexes().equal(SPACE, "name", "ground")).containsExactly("floor-1", "room-1");
    assertThat(g.twinsOfModel(SPACE)).extracting(Twin::id).containsExactlyInAnyOrder("floor-1", "room-1");
    g.relate("floor-1", "c1", "contains", "room-1");
  }

  @Test
  void aModelThatChangesOrGoesMissingIsRefused() {
    Models all = DemoModels.models();
    Twins g = Twins.create(all);
    Models other = ModelParser.parseJson("""
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Space;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "label", "schema": "string"}]}""");
    assertThatThrownBy(() -> g.extendModels(other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dtmi:ex:");
    assertThat(g.models()).isSameAs(all);
  }
}
