package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.twins.core.graph.GraphException.Code;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Writers and readers on one graph at once. Writers increment a counter on random twins by
 * read-modify-write with {@code If-Match}, retrying on {@link PreconditionFailedException}, and
 * create and delete relationships; every increment writes three properties in one patch
 * ({@code temperature}, {@code area}, {@code thermostat/setPoint}), which readers must always see
 * equal (no torn twin), equal to the twin's version minus one, and never going backwards. At the
 * end no increment is lost, versions count the writes, the model index agrees with a scan,
 * relationship counts agree with the adjacency lists, and both a synchronous and an asynchronous
 * subscriber saw the sequence numbers 1..N in order.
 *
 * <p>The amount of work is fixed (not timed) so that the outcome does not depend on the speed of
 * the machine; on two cores it takes about a second.
 */
class GraphStressTest {
  private static final int TWINS = 200;
  private static final int RELATED = 40;
  private static final int HOT = 8;
  private static final int WRITERS = 4;
  private static final int READERS = 2;
  private static final int OPS_PER_WRITER = 3_000;
  private static final int MAX_RETRIES = 10_000;

  private static String id(int i) {
    return "room-" + i;
  }

  @Test
  void concurrentWritersLoseNothingAndReadersNeverSeeTornTwins() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), this::run);
  }

  private void run() throws Exception {
    Twins g = Twins.create(DemoModels.models());
    List<Long> syncSequences = new ArrayList<>();
    // a synchronous subscriber runs inside the commit, one at a time: a plain list is safe
    g.subscribe(ChangeFilters.all(), e -> syncSequences.add(e.sequence()));
    List<Long> asyncSequences = new ArrayList<>();
    ExecutorService delivery = Executors.newSingleThreadExecutor();
    Subscription async = g.subscribe(ChangeFilters.all(), e -> asyncSequences.add(e.sequence()), delivery);

    Set<String> etags = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < TWINS; i++) {
      Twin t = g.createTwin(id(i), ROOM, Map.of("temperature", 0.0, "area", 0.0,
          "thermostat", Map.of("setPoint", 0.0)));
      assertThat(etags.add(t.etag())).isTrue();
    }

    AtomicLongArray increments = new AtomicLongArray(TWINS);
    AtomicLong conflicts = new AtomicLong();
    AtomicLong relationsCreated = new AtomicLong();
    AtomicLong relationsDeleted = new AtomicLong();
    AtomicLong reads = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch writersDone = new CountDownLatch(WRITERS);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int w = 0; w < WRITERS; w++) {
        long seed = 1000 + w;
        futures.add(pool.submit(() -> {
          try {
            start.await();
            Random r = new Random(seed);
            for (int op = 0; op < OPS_PER_WRITER; op++) {
              if (r.nextInt(5) != 0) {
                // half the increments go to a few hot twins, so that writers collide
                int i = r.nextBoolean() ? r.nextInt(HOT) : r.nextInt(TWINS);
                increment(g, i, etags, conflicts);
                increments.incrementAndGet(i);
              } else {
                relationship(g, r, relationsCreated, relationsDeleted, etags);
              }
            }
          } finally {
            writersDone.countDown();
          }
          return null;
        }));
      }
      for (int k = 0; k < READERS; k++) {
        long seed = 2000 + k;
        futures.add(pool.submit(() -> {
          start.await();
          Random r = new Random(seed);
          long[] lastVersion = new long[TWINS];
          while (writersDone.getCount() > 0) {
            int i = r.nextInt(TWINS);
            read(g, i, lastVersion);
            if (r.nextInt(16) == 0) readRelations(g, i < RELATED ? i : r.nextInt(RELATED));
            reads.incrementAndGet();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) f.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    // no lost update: every successful increment is in the counters
    long sum = 0;
    long expectedSum = 0;
    for (int i = 0; i < TWINS; i++) {
      Twin t = g.twin(id(i)).orElseThrow();
      long n = increments.get(i);
      assertThat(t.number("temperature")).as("counter of %s", id(i)).hasValue(n);
      assertThat(t.number("area")).hasValue(n);
      assertThat(t.number("thermostat/setPoint")).hasValue(n);
      assertThat(t.version()).as("version of %s = 1 + its writes", id(i)).isEqualTo(1 + n);
      sum += (long) t.number("temperature").getAsDouble();
      expectedSum += n;
    }
    assertThat(sum).isEqualTo(expectedSum).isGreaterThan(WRITERS * OPS_PER_WRITER / 2);

    // the model index agrees with a full scan
    Set<String> scan = g.twins().stream().filter(t -> t.model().value().equals(ROOM)).map(Twin::id)
        .collect(Collectors.toSet());
    assertThat(scan).hasSize(TWINS);
    assertThat(g.twinsOfModel(ROOM)).extracting(Twin::id).containsExactlyInAnyOrderElementsOf(scan);
    assertThat(g.twinsOfModel(DemoModels.SPACE)).extracting(Twin::id).containsExactlyInAnyOrderElementsOf(scan);
    assertThat(g.twinCount()).isEqualTo(TWINS);

    // relationship counts agree with the adjacency lists, both ways
    long outgoing = 0;
    long incoming = 0;
    Set<String> outKeys = new HashSet<>();
    Set<String> inKeys = new HashSet<>();
    for (int i = 0; i < TWINS; i++) {
      for (Relation r : g.outgoing(id(i))) {
        assertThat(r.sourceId()).isEqualTo(id(i));
        outKeys.add(r.sourceId() + "/" + r.id() + "->" + r.targetId());
        outgoing++;
      }
      for (Relation r : g.incoming(id(i))) {
        assertThat(r.targetId()).isEqualTo(id(i));
        inKeys.add(r.sourceId() + "/" + r.id() + "->" + r.targetId());
        incoming++;
      }
    }
    long net = relationsCreated.get() - relationsDeleted.get();
    assertThat(g.relationCount()).isEqualTo(net);
    assertThat(outgoing).isEqualTo(net);
    assertThat(incoming).isEqualTo(net);
    assertThat(inKeys).isEqualTo(outKeys);

    // every write is one event, numbered 1..N in commit order
    long writes = TWINS + expectedSum + relationsCreated.get() + relationsDeleted.get();
    assertThat(g.version()).isEqualTo(writes);
    List<Long> oneToN = LongStream.rangeClosed(1, writes).boxed().collect(Collectors.toList());
    assertThat(syncSequences).isEqualTo(oneToN);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (async.delivered() < writes && System.nanoTime() < deadline) Thread.sleep(5);
    delivery.shutdown();
    assertThat(delivery.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(async.failures()).isZero();
    assertThat(asyncSequences).isEqualTo(oneToN);

    assertThat(reads.get()).as("the readers ran").isPositive();
    assertThat(etags).hasSize((int) (TWINS + expectedSum + relationsCreated.get()));
  }

  /** Read, add one, write with If-Match; retry when another writer got there first. */
  private static void increment(Twins g, int i, Set<String> etags, AtomicLong conflicts) {
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      Twin t = g.twin(id(i)).orElseThrow();
      double next = t.number("temperature").getAsDouble() + 1;
      JsonPatch patch = JsonPatch.builder().replace("/temperature", next).replace("/area", next)
          .replace("/thermostat/setPoint", next).build();
      try {
        Twin after = g.patch(id(i), patch, Condition.ifMatch(t.etag()));
        assertThat(after.version()).isEqualTo(t.version() + 1);
        assertThat(etags.add(after.etag())).as("ETag %s is new", after.etag()).isTrue();
        return;
      } catch (PreconditionFailedException e) {
        conflicts.incrementAndGet();
      }
    }
    throw new AssertionError("no increment of " + id(i) + " after " + MAX_RETRIES + " attempts");
  }

  /** Creates or deletes a relationship among the first twins, which the increments also hit. */
  private static void relationship(Twins g, Random r, AtomicLong created, AtomicLong deleted, Set<String> etags) {
    int a = r.nextInt(RELATED);
    int b = r.nextInt(RELATED - 1);
    if (b >= a) b++;
    String relId = "contains-" + b;
    try {
      if (r.nextBoolean()) {
        Relation rel = g.relate(id(a), relId, "contains", id(b));
        assertThat(etags.add(rel.etag())).isTrue();
        created.incrementAndGet();
      } else {
        g.deleteRelation(id(a), relId, Condition.none());
        deleted.incrementAndGet();
      }
    } catch (GraphException e) {
      // the relationship exists already, or does not exist any more
      assertThat(e.code()).isIn(Code.PRECONDITION_FAILED, Code.RELATIONSHIP_NOT_FOUND);
    }
  }

  /** A snapshot is never torn and never older than one read before. */
  private static void read(Twins g, int i, long[] lastVersion) {
    Twin t = g.twin(id(i)).orElseThrow();
    double counter = t.number("temperature").getAsDouble();
    assertThat(t.number("area")).as("torn read of %s", id(i)).hasValue(counter);
    assertThat(t.number("thermostat/setPoint")).as("torn read of %s", id(i)).hasValue(counter);
    assertThat(t.version()).as("version of %s = 1 + increments", id(i)).isEqualTo((long) counter + 1);
    assertThat(t.version()).as("version of %s went backwards", id(i)).isGreaterThanOrEqualTo(lastVersion[i]);
    assertThat(t.metadata()).containsOnlyKeys("temperature", "area", "thermostat/setPoint");
    lastVersion[i] = t.version();
  }

  private static void readRelations(Twins g, int i) {
    for (Relation r : g.outgoing(id(i))) {
      assertThat(r.sourceId()).isEqualTo(id(i));
      assertThat(r.name()).isEqualTo("contains");
    }
    for (Relation r : g.incoming(id(i))) assertThat(r.targetId()).isEqualTo(id(i));
  }

  // ------------------------------------------------------------------------------------ twins that come and go

  private static final int NODES = 30;
  private static final int CHURN_OPS_PER_WRITER = 2_000;

  /**
   * Writers create and delete twins (with cascade delete) and relate them while readers walk the
   * relationships. At the end no relationship dangles, counts and indexes agree, and the change
   * events, replayed in sequence order, never delete a twin that still has relationships, never
   * relate a twin that does not exist, and rebuild exactly the final graph.
   */
  @Test
  void twinsComeAndGoWithoutDanglingRelationships() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), this::churn);
  }

  private void churn() throws Exception {
    Twins g = Twins.builder(DemoModels.models()).cascadeDelete(true).build();
    List<ChangeEvent> events = new ArrayList<>();
    g.subscribe(ChangeFilters.all(), events::add);
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch writersDone = new CountDownLatch(WRITERS);
    AtomicLong reads = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int w = 0; w < WRITERS; w++) {
        long seed = 3000 + w;
        futures.add(pool.submit(() -> {
          try {
            start.await();
            Random r = new Random(seed);
            for (int op = 0; op < CHURN_OPS_PER_WRITER; op++) churnStep(g, r);
          } finally {
            writersDone.countDown();
          }
          return null;
        }));
      }
      for (int k = 0; k < READERS; k++) {
        long seed = 4000 + k;
        futures.add(pool.submit(() -> {
          start.await();
          Random r = new Random(seed);
          while (writersDone.getCount() > 0) {
            String id = "n-" + r.nextInt(NODES);
            try {
              for (Relation rel : g.outgoing(id)) assertThat(rel.sourceId()).isEqualTo(id);
              for (Relation rel : g.incoming(id)) assertThat(rel.targetId()).isEqualTo(id);
            } catch (GraphException e) {
              assertThat(e.code()).isEqualTo(Code.TWIN_NOT_FOUND);
            }
            g.twin(id).ifPresent(t -> assertThat(t.id()).isEqualTo(id));
            reads.incrementAndGet();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) f.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(reads.get()).isPositive();

    // no dangling relationship; counts agree
    Set<String> ids = g.twins().stream().map(Twin::id).collect(Collectors.toSet());
    assertThat(g.twinCount()).isEqualTo(ids.size());
    Set<String> outKeys = new HashSet<>();
    Set<String> inKeys = new HashSet<>();
    for (String id : ids) {
      for (Relation r : g.outgoing(id)) {
        assertThat(ids).as("target of %s", r).contains(r.targetId());
        outKeys.add(r.sourceId() + "/" + r.id() + "->" + r.targetId());
      }
      for (Relation r : g.incoming(id)) {
        assertThat(ids).as("source of %s", r).contains(r.sourceId());
        inKeys.add(r.sourceId() + "/" + r.id() + "->" + r.targetId());
      }
    }
    assertThat(inKeys).isEqualTo(outKeys);
    assertThat(g.relationCount()).isEqualTo(outKeys.size());
    for (int i = 0; i < NODES; i++) {
      String id = "n-" + i;
      if (!ids.contains(id)) assertThat(g.relation(id, "to-0")).isEmpty();
    }
    assertThat(g.twinsOfModel(DemoModels.SPACE)).extracting(Twin::id).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(g.twinsOfModel(DemoModels.FLOOR)).extracting(Twin::id).containsExactlyInAnyOrderElementsOf(
        g.twins().stream().filter(t -> t.model().value().equals(DemoModels.FLOOR)).map(Twin::id)
            .collect(Collectors.toList()));

    // the events, in sequence order, tell a consistent story that ends in this graph
    assertThat(events).extracting(ChangeEvent::sequence)
        .isEqualTo(LongStream.rangeClosed(1, events.size()).boxed().collect(Collectors.toList()));
    assertThat(g.version()).isEqualTo(events.size());
    GraphModelProperties.Replay replay = new GraphModelProperties.Replay();
    for (ChangeEvent e : events) e.accept(replay);
    assertThat(replay.docs.keySet()).isEqualTo(ids);
    for (String id : ids) {
      Twin t = g.twin(id).orElseThrow();
      assertThat(replay.docs.get(id)).isEqualTo(t.document());
      assertThat(replay.models.get(id)).isEqualTo(t.model().value());
    }
    Set<String> replayed = new HashSet<>();
    replay.out.values().forEach(m -> m.values().forEach(r -> replayed.add(r.source() + "/" + r.id() + "->" + r.target())));
    assertThat(replayed).isEqualTo(outKeys);
  }

  private static void churnStep(Twins g, Random r) {
    String a = "n-" + r.nextInt(NODES);
    int k = r.nextInt(10);
    try {
      if (k < 3) {
        g.createTwin(a, r.nextBoolean() ? DemoModels.FLOOR : DemoModels.BUILDING, Map.of("name", a));
      } else if (k < 5) {
        g.delete(a);
      } else if (k < 6) {
        g.set(a, "name", "renamed");
      } else if (k < 9) {
        int b = r.nextInt(NODES);
        g.relate(a, "to-" + b, "contains", "n-" + b);
      } else {
        g.deleteRelation(a, "to-" + r.nextInt(NODES), Condition.none());
      }
    } catch (GraphException e) {
      // losing a race is fine; anything else is not
      assertThat(e.code()).isIn(Code.PRECONDITION_FAILED, Code.TWIN_NOT_FOUND, Code.TARGET_NOT_FOUND,
          Code.RELATIONSHIP_NOT_FOUND, Code.SELF_RELATIONSHIP);
    }
  }
}
