package dev.twins.bench.peers;

import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.TableToken;
import io.questdb.cairo.TableWriter;
import io.questdb.cairo.sql.RecordCursor;
import io.questdb.cairo.sql.RecordCursorFactory;
import io.questdb.griffin.SqlException;
import io.questdb.griffin.SqlExecutionContextImpl;
import io.questdb.griffin.engine.functions.bind.BindVariableServiceImpl;

/**
 * QuestDB embedded as the telemetry history of the peers: one table {@code readings(sensor SYMBOL,
 * value DOUBLE, ts TIMESTAMP)}, partitioned by hour, written through its {@link TableWriter}
 * (out-of-order rows are merged on commit; duplicates are kept, as a table without WAL has no
 * deduplication) and queried with SQL. The symbol is not indexed (QuestDB's default): an index
 * made the 15-minute mean about 2.5× faster and the out-of-order ingest about 15× slower. The
 * database lives in a new directory under {@link Neo4jEngine#parent()} (a tmpfs where there is
 * one), deleted on close.
 */
public final class QuestDbHistory implements History {
  /** Rows per commit while ingesting. */
  public static final int COMMIT_EVERY = 10_000;

  private final QuestDbFiles db;
  private final CairoEngine engine;
  private final SqlExecutionContextImpl context;
  private final TableToken table;
  private final BindVariableServiceImpl binds;
  private RecordCursorFactory meanQuery;

  /** Opens a new, empty database with the {@code readings} table. */
  public QuestDbHistory() {
    db = new QuestDbFiles();
    engine = db.engine;
    binds = db.binds;
    context = db.context;
    try {
      engine.execute("CREATE TABLE readings (sensor SYMBOL CAPACITY 262144, value DOUBLE, ts TIMESTAMP) "
          + "TIMESTAMP(ts) PARTITION BY HOUR BYPASS WAL", context);
    } catch (SqlException e) {
      throw new IllegalStateException("cannot create the readings table: " + e.getMessage(), e);
    }
    table = engine.verifyTableName("readings");
  }

  @Override
  public String name() {
    return "questdb";
  }

  /**
   * Appends readings of a stream, in arrival order, committing every {@value #COMMIT_EVERY}.
   *
   * @param s the stream
   * @param from the first reading
   * @param to the reading after the last
   */
  @Override
  public void ingest(TelemetryStream s, int from, int to) {
    try (TableWriter w = engine.getWriter(table, "twins-bench")) {
      for (int k = from; k < to; k++) {
        TableWriter.Row row = w.newRow(s.timeMicros(k));
        row.putSym(0, s.sensorId(k));
        row.putDouble(1, s.value(k));
        row.append();
        if ((k - from + 1) % COMMIT_EVERY == 0) w.commit();
      }
      w.commit();
    }
  }

  /**
   * Opens the table's writer, for a caller that appends rows itself (one writer at a time).
   *
   * @return the writer; close it when done
   */
  TableWriter writer() {
    return engine.getWriter(table, "twins-bench");
  }

  /**
   * Runs a query whose first row's first column is a number.
   *
   * @param sql the query
   * @return the first column of the first row, as a double ({@code long} columns converted)
   */
  public double scalar(String sql) {
    try (RecordCursorFactory f = engine.select(sql, context); RecordCursor c = f.getCursor(context)) {
      if (!c.hasNext()) throw new IllegalStateException("no row from " + sql);
      int type = f.getMetadata().getColumnType(0);
      return io.questdb.cairo.ColumnType.isDouble(type) ? c.getRecord().getDouble(0) : c.getRecord().getLong(0);
    } catch (SqlException e) {
      throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /** @return the number of rows in {@code readings} */
  public long count() {
    return (long) scalar("SELECT count() FROM readings");
  }

  @Override
  public long count(String sensorId) {
    return (long) scalar("SELECT count() FROM readings WHERE sensor = '" + sensorId.replace("'", "''") + "'");
  }

  /** The mean through a prepared statement, {@code avg(value)} with the sensor and window bound. */
  @Override
  public double mean(String sensorId, long fromMicros, long toMicros) {
    try {
      if (meanQuery == null) {
        binds.clear();
        binds.setStr(0, sensorId);
        binds.setTimestamp(1, fromMicros);
        binds.setTimestamp(2, toMicros);
        meanQuery = engine.select("SELECT avg(value) FROM readings WHERE sensor = $1 AND ts >= $2 AND ts < $3", context);
      }
      binds.setStr(0, sensorId);
      binds.setTimestamp(1, fromMicros);
      binds.setTimestamp(2, toMicros);
      try (RecordCursor c = meanQuery.getCursor(context)) {
        return c.hasNext() ? c.getRecord().getDouble(0) : Double.NaN;
      }
    } catch (SqlException e) {
      throw new IllegalStateException("mean of " + sensorId + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long offHeapBytes() {
    return db.fileBytes();
  }

  @Override
  public void close() {
    if (meanQuery != null) meanQuery.close();
    db.close();
  }
}
