package dev.twins.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.model.ModelParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The id index agrees with a map through adds, removes (tombstones), adds again and resizes, and a
 * lookup that races with writes returns either nothing or the entry of exactly its id.
 */
class IdIndexTest {
  private static final GraphStore STORE = new GraphStore(ModelParser.parseJson("""
      {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:T;1", "@type": "Interface"}"""),
      new GraphStore.Options(false, false, false, false, java.time.Clock.systemUTC()));

  private static GraphStore.Entry entry(String id) {
    return new GraphStore.Entry(id, STORE);
  }

  @Test
  void agreesWithAMapThroughAddsRemovesAndResizes() {
    IdIndex index = new IdIndex();
    Map<String, GraphStore.Entry> reference = new HashMap<>();
    SplittableRandom random = new SplittableRandom(3);
    for (int step = 0; step < 60_000; step++) {
      // a small key space (many removes and adds again on tombstones) that grows over time (resizes)
      String id = "twin-" + random.nextInt(50 + step / 20);
      int op = random.nextInt(10);
      if (op < 6) {
        GraphStore.Entry made = entry(id);
        GraphStore.Entry got = index.computeIfAbsent(new String(id), k -> made);
        GraphStore.Entry expected = reference.computeIfAbsent(id, k -> made);
        assertThat(got).isSameAs(expected);
      } else if (op < 9) {
        GraphStore.Entry e = reference.get(id);
        if (e != null) {
          assertThat(index.remove(entry(id))).as("another entry of the id is not removed").isFalse();
          assertThat(index.remove(e)).isTrue();
          reference.remove(id);
        }
      } else {
        GraphStore.Entry e = entry(id);
        GraphStore.Entry had = index.putIfAbsent(e);
        assertThat(had).isSameAs(reference.get(id));
        if (had == null) reference.put(id, e);
      }
      if (step % 997 == 0) check(index, reference);
    }
    check(index, reference);
    for (GraphStore.Entry e : new ArrayList<>(reference.values())) assertThat(index.remove(e)).isTrue();
    assertThat(index.isEmpty()).isTrue();
    assertThat(index.get("twin-1")).isNull();
  }

  private static void check(IdIndex index, Map<String, GraphStore.Entry> reference) {
    for (int i = 0; i < 3_200; i++) {
      String id = "twin-" + i;
      assertThat(index.get(new String(id))).as(id).isSameAs(reference.get(id));
    }
    List<GraphStore.Entry> all = new ArrayList<>();
    index.forEach(all::add);
    assertThat(all).containsExactlyInAnyOrderElementsOf(reference.values());
    assertThat(index.isEmpty()).isEqualTo(reference.isEmpty());
  }

  @Test
  void aLookupDuringWritesFindsItsOwnEntryOrNothing() throws InterruptedException {
    IdIndex index = new IdIndex();
    int n = 2_000;
    GraphStore.Entry[] stable = new GraphStore.Entry[n];
    for (int i = 0; i < n; i++) stable[i] = index.computeIfAbsent("s" + i, IdIndexTest::entry);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<String> wrong = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      SplittableRandom random = new SplittableRandom(5);
      for (int round = 0; round < 40 && wrong.get() == null; round++) {
        // churn: adds and removes of other ids make tombstones, reuse them and resize the table
        List<GraphStore.Entry> added = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) added.add(index.computeIfAbsent("c" + random.nextInt(20_000), IdIndexTest::entry));
        for (GraphStore.Entry e : added) index.remove(e);
      }
      stop.set(true);
    });
    Thread reader = new Thread(() -> {
      SplittableRandom random = new SplittableRandom(7);
      while (!stop.get()) {
        int i = random.nextInt(n);
        GraphStore.Entry e = index.get(new String("s" + i));
        if (e != stable[i]) wrong.compareAndSet(null, "s" + i + " gave " + (e == null ? "nothing" : e.id()));
        GraphStore.Entry c = index.get("c" + random.nextInt(20_000));
        if (c != null && !c.id().startsWith("c")) wrong.compareAndSet(null, "a churned id gave " + c.id());
      }
    });
    writer.start();
    reader.start();
    writer.join();
    reader.join();
    assertThat(wrong.get()).isNull();
    for (int i = 0; i < n; i++) assertThat(index.get("s" + i)).isSameAs(stable[i]);
  }

  /**
   * Ids added in the listing order of a full index (its slot order) to a new index that grows
   * from empty, or to one presized smaller than the first, land near their home slots: a table of
   * another size mixes the hash differently, so the order carries no clustering over.
   */
  @Test
  void idsAddedInAnotherIndexsSlotOrderDoNotPileUp() {
    int n = 100_000;
    IdIndex source = new IdIndex();
    for (int i = 0; i < n; i++) source.putIfAbsent(entry("dtmi-twin-" + i));
    List<GraphStore.Entry> listed = new ArrayList<>();
    source.forEach(listed::add);
    assertThat(listed).hasSize(n);

    IdIndex growing = new IdIndex();
    for (GraphStore.Entry e : listed) growing.putIfAbsent(entry(e.id));
    IdIndex presized = new IdIndex();
    presized.presize(n / 3);
    for (GraphStore.Entry e : listed) presized.putIfAbsent(entry(e.id));
    IdIndex same = new IdIndex();
    same.presize(n);
    for (GraphStore.Entry e : listed) same.putIfAbsent(entry(e.id));

    // linear probing at a load of at most a half averages a few extra probes per id, resizes
    // included; ids arriving sorted by home slot probed thousands each
    for (IdIndex index : List.of(source, growing, presized, same)) {
      assertThat((double) index.probes() / n).isLessThan(5.0);
      for (GraphStore.Entry e : listed) assertThat(index.get(e.id)).isNotNull();
    }
  }

  @Test
  void everyTableSizeHasItsOwnOddMultiplier() {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int shift = 1; shift <= 28; shift++) {
      int m = IdIndex.multiplier(shift);
      assertThat(m & 1).isEqualTo(1);
      assertThat(Integer.bitCount(m)).isBetween(8, 24);
      assertThat(seen.add(m)).isTrue();
    }
  }
}
