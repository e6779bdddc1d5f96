package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.Models;
import dev.twins.core.model.Schemas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store holds a model set when it has each of its interfaces, by id, with the same definition. */
class HoldsAllModelsTest {
  private static Models room(String property) {
    return ModelBuilder.create()
        .define("dtmi:test:hold:Room;1", b -> b.property(property, Schemas.DOUBLE, p -> p.writable()))
        .build();
  }

  @Test
  void holdsItsOwnAndSmallerSetsButNotOtherDefinitions() {
    Models both = ModelBuilder.create()
        .define("dtmi:test:hold:Room;1", b -> b.property("area", Schemas.DOUBLE, p -> p.writable()))
        .define("dtmi:test:hold:Floor;1", b -> b.property("level", Schemas.INTEGER, p -> p.writable()))
        .build();
    assertThat(StoreEngine.holdsAll(both, both)).isTrue();
    assertThat(StoreEngine.holdsAll(both, room("area"))).isTrue();
    assertThat(StoreEngine.holdsAll(both, Models.empty())).isTrue();
    assertThat(StoreEngine.holdsAll(room("area"), both)).isFalse();
    // the same id defined otherwise is not held
    assertThat(StoreEngine.holdsAll(both, room("width"))).isFalse();
    // every interface of the other set is looked up, not just the first
    List<dev.twins.core.model.Interface> some = new ArrayList<>(room("area").interfaces());
    assertThat(StoreEngine.holdsAll(Models.of(some), both)).isFalse();
  }
}
