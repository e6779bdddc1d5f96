package dev.twins.bench.peers;

import dev.twins.bench.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.Transaction;

/**
 * Neo4j embedded through its core Java API: nodes labelled {@code Twin} and with their kind,
 * with a uniqueness constraint (and so an index) on {@code id}; relationships typed with their
 * name, with an {@code id} property. Loaded in transactions of {@value #BATCH} writes; every read,
 * update and query is a transaction of its own. The database lives in a new directory under
 * {@link #parent()}, deleted on close; its page cache ({@value #PAGE_CACHE} bytes) is off the
 * Java heap.
 */
class Neo4jEngine implements Engine {
  static final int BATCH = 10_000;
  static final Label TWIN = Label.label("Twin");
  static final long PAGE_CACHE = 2L << 30;

  private Path dir;
  private DatabaseManagementService dbms;
  GraphDatabaseService db;
  final RelationshipType[] types = new RelationshipType[PeerPortfolio.REL_NAMES.length];
  final Label[] labels = new Label[PeerPortfolio.Kind.values().length];

  Neo4jEngine() {
    this(null);
  }

  /**
   * Opens the database in a directory: a new one with the uniqueness constraint if the directory
   * is empty, or, when it holds one already (e.g. after a crash of the process that wrote it), that one, which
   * Neo4j recovers from its transaction log as it starts.
   *
   * @param existing the directory of an existing database, or {@code null} for a new one in a new
   *     directory under {@link #parent()}
   */
  Neo4jEngine(Path existing) {
    for (int k = 0; k < types.length; k++) types[k] = RelationshipType.withName(PeerPortfolio.REL_NAMES[k]);
    for (PeerPortfolio.Kind k : PeerPortfolio.Kind.values()) labels[k.ordinal()] = Label.label(k.label());
    open(existing);
  }

  private void open(Path existing) {
    boolean fresh;
    try {
      dir = existing != null ? existing : Files.createTempDirectory(parent(), "twins-bench-neo4j");
      try (Stream<Path> files = Files.list(dir)) {
        fresh = files.findAny().isEmpty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dbms = new DatabaseManagementServiceBuilder(dir)
        .setConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE)
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .build();
    db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!fresh) return;
    try (Transaction tx = db.beginTx()) {
      tx.schema().constraintFor(TWIN).assertPropertyIsUnique("id").withName("twin_id").create();
      tx.commit();
    }
    try (Transaction tx = db.beginTx()) {
      tx.schema().awaitIndexesOnline(5, TimeUnit.MINUTES);
      tx.commit();
    }
  }

  /**
   * Where the databases go: the system property {@code twins.bench.neo4j.dir}, else
   * {@code /dev/shm} (a tmpfs, where a commit's forced write of the transaction log does not wait
   * for a disk: the other engines keep everything in memory too), else the temporary directory.
   */
  static Path parent() {
    String p = System.getProperty("twins.bench.neo4j.dir", "");
    if (!p.isEmpty()) return Path.of(p);
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) return shm;
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  @Override
  public String name() {
    return "neo4j";
  }

  @Override
  public void load(PeerPortfolio p) {
    String[] elementIds = new String[p.twinCount()];
    for (int from = 0; from < p.twinCount(); from += BATCH) {
      try (Transaction tx = db.beginTx()) {
        for (int i = from; i < Math.min(p.twinCount(), from + BATCH); i++) {
          Node node = tx.createNode(TWIN, labels[p.kind(i).ordinal()]);
          node.setProperty("id", p.id(i));
          String[] names = p.propertyNames(i);
          Object[] values = p.propertyValues(i);
          for (int k = 0; k < names.length; k++) node.setProperty(names[k], values[k]);
          elementIds[i] = node.getElementId();
        }
        tx.commit();
      }
    }
    for (int from = 0; from < p.relationshipCount(); from += BATCH) {
      try (Transaction tx = db.beginTx()) {
        for (int r = from; r < Math.min(p.relationshipCount(), from + BATCH); r++) {
          Node source = tx.getNodeByElementId(elementIds[p.source(r)]);
          Node target = tx.getNodeByElementId(elementIds[p.target(r)]);
          source.createRelationshipTo(target, types[p.relationshipKind(r)]).setProperty("id", p.relationshipId(r));
        }
        tx.commit();
      }
    }
  }

  @Override
  public long twinCount() {
    try (Transaction tx = db.beginTx(); ResourceIterable<Node> all = tx.getAllNodes()) {
      return all.stream().count();
    }
  }

  @Override
  public long relationshipCount() {
    try (Transaction tx = db.beginTx(); ResourceIterable<Relationship> all = tx.getAllRelationships()) {
      return all.stream().count();
    }
  }

  static Node node(Transaction tx, String id) {
    Node n = tx.findNode(TWIN, "id", id);
    if (n == null) throw new NoSuchElementException("no node " + id);
    return n;
  }

  @Override
  public double read(String id, String property) {
    try (Transaction tx = db.beginTx()) {
      return ((Number) node(tx, id).getProperty(property)).doubleValue();
    }
  }

  @Override
  public void update(String id, String property, double value, Object prepared) {
    try (Transaction tx = db.beginTx()) {
      node(tx, id).setProperty(property, value);
      tx.commit();
    }
  }

  @Override
  public void updateBatch(String[] ids, String[] properties, double[] values, Object[] prepared, int from, int to) {
    try (Transaction tx = db.beginTx()) {
      for (int k = from; k < to; k++) node(tx, ids[k]).setProperty(properties[k], values[k]);
      tx.commit();
    }
  }

  @Override
  public List<String> hotSensors(String startId, Scope scope, double threshold) {
    try (Transaction tx = db.beginTx()) {
      List<Node> frontier = List.of(node(tx, startId));
      for (String step : scope.path()) {
        RelationshipType type = RelationshipType.withName(step);
        List<Node> next = new ArrayList<>();
        for (Node n : frontier) {
          try (ResourceIterable<Relationship> rels = n.getRelationships(Direction.OUTGOING, type)) {
            for (Relationship r : rels) next.add(r.getEndNode());
          }
        }
        frontier = next;
      }
      List<String> out = new ArrayList<>();
      for (Node n : frontier) {
        if ("temperature".equals(n.getProperty("kind", null)) && n.getProperty("value", null) instanceof Number v
            && v.doubleValue() > threshold) {
          out.add((String) n.getProperty("id"));
        }
      }
      return out;
    }
  }

  @Override
  public boolean threadSafe() {
    return true;
  }

  /** @return the bytes of the database's files on disk */
  long storeBytes() {
    return Folders.bytes(dir);
  }

  @Override
  public void close() {
    dbms.shutdown();
    Folders.delete(dir);
  }
}
