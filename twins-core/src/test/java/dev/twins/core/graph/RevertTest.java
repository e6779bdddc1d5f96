package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.FLOOR;
import static dev.twins.core.graph.DemoModels.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Twins#revert}: the latest changes taken back exactly, newest first, indexes included. */
class RevertTest {
  /** Keeps each change with what it replaced, read while it commits (as a journal does). */
  private static final class Undo implements CommitHook {
    final List<ChangeEvent> events = new ArrayList<>();
    final List<Optional<?>> befores = new ArrayList<>();
    Twins graph;

    @Override
    public synchronized Completion committing(ChangeEvent e) {
      events.add(e);
      if (e instanceof ChangeEvent.TwinUpdated) {
        befores.add(graph.twin(e.twinId()));
      } else if (e instanceof ChangeEvent.RelationUpdated u) {
        befores.add(graph.relation(u.relation().sourceId(), u.relation().id()));
      } else {
        befores.add(Optional.empty());
      }
      return Completion.none();
    }
  }

  private static List<String> state(Twins g) {
    List<String> out = new ArrayList<>();
    out.add("v" + g.version() + " twins " + g.twinCount() + " rels " + g.relationCount());
    List<Twin> twins = new ArrayList<>(g.twins());
    twins.sort(Comparator.comparing(Twin::id));
    for (Twin t : twins) {
      out.add(t + " " + t.etag() + " " + t.version() + " " + t.metadata());
      for (Relation r : g.outgoing(t.id())) out.add(" out " + r + " " + r.etag());
      for (Relation r : g.incoming(t.id())) out.add(" in " + r.sourceId() + "/" + r.id());
    }
    out.add("rooms " + g.twinsOfModel(ROOM).size() + " floors " + g.twinsOfModel(FLOOR).size());
    out.add("warm " + g.indexes().equal(ROOM, "temperature", 30.0));
    return out;
  }

  @Test
  void revertingTheLatestChangesNewestFirstGivesBackTheEarlierStateExactly() {
    Undo hook = new Undo();
    Twins g = Twins.builder(DemoModels.models()).commitHook(hook).cascadeDelete(true).build();
    hook.graph = g;
    g.createTwin("floor-1", FLOOR, Map.of("level", 1));
    g.createTwin("room-1", ROOM, Map.of("temperature", 20.0, "thermostat", Map.of("$metadata", Map.of())));
    g.createTwin("room-2", ROOM, Map.of("temperature", 21.0, "thermostat", Map.of("$metadata", Map.of())));
    g.relate("floor-1", "c1", "contains", "room-1");
    g.indexes().equal(ROOM, "temperature", 30.0); // builds the index, which must follow the reverts
    List<String> before = state(g);
    int mark = hook.events.size();

    g.set("room-1", "temperature", 30.0);
    g.createTwin("room-3", ROOM, Map.of("temperature", 30.0, "thermostat", Map.of("$metadata", Map.of())));
    g.relate("floor-1", "c3", "contains", "room-3");
    assertThatThrownBy(() -> g.relate("floor-1", "c1", "contains", "room-2")).isInstanceOf(GraphException.class);
    g.delete("floor-1"); // cascades: both relationships, then the twin
    g.delete("room-2");
    assertThat(state(g)).isNotEqualTo(before);

    for (int i = hook.events.size() - 1; i >= mark; i--) g.revert(hook.events.get(i), hook.befores.get(i));
    assertThat(state(g)).containsExactlyElementsOf(before);
    // and the graph goes on from there
    g.set("room-1", "temperature", 30.0);
    assertThat(g.version()).isEqualTo(hook.events.get(mark).sequence());
    assertThat(g.indexes().equal(ROOM, "temperature", 30.0)).containsExactly("room-1");
  }

  @Test
  void onlyTheLatestChangeCanBeReverted() {
    Undo hook = new Undo();
    Twins g = Twins.builder(DemoModels.models()).commitHook(hook).build();
    hook.graph = g;
    g.createTwin("room-1", ROOM, Map.of("temperature", 20.0, "thermostat", Map.of("$metadata", Map.of())));
    g.set("room-1", "temperature", 21.0);
    assertThatThrownBy(() -> g.revert(hook.events.get(0), Optional.empty()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("only the latest change");
    assertThatThrownBy(() -> g.revert(hook.events.get(1), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as it was before");
    assertThat(g.twin("room-1").orElseThrow().number("temperature").getAsDouble()).isEqualTo(21.0);
  }
}
