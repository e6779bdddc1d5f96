package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.FLOOR;
import static dev.twins.core.graph.DemoModels.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link CommitHook}: order, completion outside the locks, and failures as {@code NOT_DURABLE}. */
class CommitHookTest {
  /** Records the events it is told of and what each completion saw. */
  private static final class Recorder implements CommitHook {
    final List<ChangeEvent> events = new ArrayList<>();
    final List<Long> completed = new ArrayList<>();
    Twins graph;

    @Override
    public synchronized Completion committing(ChangeEvent event) {
      // called before the change is visible
      if (graph != null) assertThat(graph.version()).isLessThan(event.sequence());
      events.add(event);
      return () -> {
        synchronized (this) {
          completed.add(event.sequence());
        }
      };
    }
  }

  @Test
  void hookSeesEveryChangeInCommitOrderAndCompletesBeforeTheWriteReturns() {
    Recorder hook = new Recorder();
    Twins g = Twins.builder(DemoModels.models()).commitHook(hook).cascadeDelete(true).build();
    hook.graph = g;
    g.createTwin("floor-1", FLOOR, Map.of("level", 1));
    assertThat(hook.completed).containsExactly(1L);
    g.createTwin("room-1", ROOM, Map.of("temperature", 20.0, "thermostat", Map.of("setPoint", 21.0)));
    g.relate("floor-1", "c1", "contains", "room-1");
    g.patch("room-1", JsonPatch.builder().replace("/temperature", 22.5).build());
    g.delete("floor-1"); // cascades: the relationship first, then the twin
    assertThat(hook.events).extracting(ChangeEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(hook.events.get(4)).isInstanceOf(ChangeEvent.RelationDeleted.class);
    assertThat(hook.events.get(5)).isInstanceOf(ChangeEvent.TwinDeleted.class);
    assertThat(hook.completed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void completionRunsOutsideTheGraphsLocks() throws Exception {
    AtomicReference<Twins> graph = new AtomicReference<>();
    AtomicReference<Throwable> other = new AtomicReference<>();
    boolean[] otherFinished = {false};
    CommitHook hook = event -> {
      if (!event.twinId().equals("room-1") || event.sequence() != 2) return CommitHook.Completion.none();
      return () -> {
        // another thread writes the same twin while this write is completing: no lock may be held
        Thread t = new Thread(() -> {
          try {
            graph.get().patch("room-1", JsonPatch.builder().replace("/temperature", 30.0).build());
          } catch (Throwable ex) {
            other.set(ex);
          }
        });
        t.start();
        try {
          t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        otherFinished[0] = !t.isAlive();
      };
    };
    Twins g = Twins.builder(DemoModels.models()).commitHook(hook).build();
    graph.set(g);
    g.createTwin("floor-1", FLOOR, Map.of("level", 1));
    g.createTwin("room-1", ROOM, Map.of("temperature", 20.0, "thermostat", Map.of("setPoint", 21.0)));
    assertThat(otherFinished[0]).as("the other writer was not blocked by the completing write").isTrue();
    assertThat(other.get()).isNull();
    assertThat(g.version()).isEqualTo(3);
    assertThat(g.twin("room-1").orElseThrow().number("temperature").getAsDouble()).isEqualTo(30.0);
  }

  @Test
  void aFailingCompletionFailsTheWriteWithNotDurable() {
    CommitHook hook = event -> event.twinId().equals("room-1")
        ? () -> {
          throw new UncheckedIOException("journal.twj: disk full", new java.io.IOException("No space left"));
        }
        : CommitHook.Completion.none();
    Twins g = Twins.builder(DemoModels.models()).commitHook(hook).build();
    g.createTwin("floor-1", FLOOR, Map.of("level", 1));
    assertThatThrownBy(() -> g.createTwin("room-1", ROOM, Map.of("temperature", 20.0, "thermostat",
        Map.of("setPoint", 21.0))))
        .isInstanceOfSatisfying(GraphException.class, e -> {
          assertThat(e.code()).isEqualTo(GraphException.Code.NOT_DURABLE);
          assertThat(e.twinId()).isEqualTo("room-1");
        })
        .hasMessageContaining("journal.twj: disk full").hasCauseInstanceOf(UncheckedIOException.class);
  }

  @Test
  void aRefusingHookMakesNoChangeAndLeavesNoGapInTheSequence() {
    boolean[] refuse = {false};
    List<Long> seen = new ArrayList<>();
    CommitHook hook = event -> {
      if (refuse[0]) throw new IllegalStateException("store.dir: the journal failed earlier");
      seen.add(event.sequence());
      return CommitHook.Completion.none();
    };
    Twins g = Twins.builder(DemoModels.models()).commitHook(hook).build();
    List<ChangeEvent> delivered = new ArrayList<>();
    g.subscribe(ChangeFilters.all(), delivered::add);
    g.createTwin("floor-1", FLOOR, Map.of("level", 1));
    refuse[0] = true;
    assertThatThrownBy(() -> g.patch("floor-1", JsonPatch.builder().replace("/level", 2).build()))
        .isInstanceOfSatisfying(GraphException.class,
            e -> assertThat(e.code()).isEqualTo(GraphException.Code.NOT_DURABLE))
        .hasMessageContaining("not made").hasMessageContaining("the journal failed earlier");
    assertThat(g.twin("floor-1").orElseThrow().number("level").getAsDouble()).isEqualTo(1.0);
    assertThat(g.version()).isEqualTo(1);
    assertThat(delivered).hasSize(1);
    refuse[0] = false;
    g.patch("floor-1", JsonPatch.builder().replace("/level", 3).build());
    assertThat(seen).containsExactly(1L, 2L);
    assertThat(g.version()).isEqualTo(2);
  }

  @Test
  void appliedChangesGoThroughTheHookAndRestoreDoesNot() {
    Twins source = Twins.create(DemoModels.models());
    List<ChangeEvent> events = new ArrayList<>();
    source.subscribe(ChangeFilters.all(), events::add);
    source.createTwin("floor-1", FLOOR, Map.of("level", 1));
    source.createTwin("floor-2", FLOOR, Map.of("level", 2));
    Recorder hook = new Recorder();
    Twins copy = Twins.builder(DemoModels.models()).commitHook(hook).build();
    for (ChangeEvent e : events) copy.apply(e);
    assertThat(hook.events).containsExactlyElementsOf(events);
    assertThat(hook.completed).containsExactly(1L, 2L);

    Recorder restoreHook = new Recorder();
    Twins restored = Twins.builder(DemoModels.models()).commitHook(restoreHook).restore(source.snapshot());
    assertThat(restored.twinCount()).isEqualTo(2);
    assertThat(restoreHook.events).isEmpty();
  }
}
