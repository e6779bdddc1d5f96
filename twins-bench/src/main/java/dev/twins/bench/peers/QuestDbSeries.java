package dev.twins.bench.peers;

import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.TableWriter;
import io.questdb.cairo.sql.Record;
import io.questdb.cairo.sql.RecordCursor;
import io.questdb.cairo.sql.RecordCursorFactory;
import io.questdb.griffin.SqlException;
import io.questdb.griffin.SqlExecutionContextImpl;
import io.questdb.griffin.engine.functions.bind.BindVariableServiceImpl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * QuestDB embedded holding the {@link PortfolioSeries} for the peers of the analytics workloads:
 * {@code supply(ahu SYMBOL, v DOUBLE, ts TIMESTAMP)} and {@code occupancy(room SYMBOL, occupied
 * DOUBLE, ts TIMESTAMP)} (occupancy as 0 or 1, so that {@code avg} gives the share of samples
 * occupied), partitioned by day, without WAL, written through its {@code TableWriter}. The
 * statements are compiled once and reused with bound times (the maintenance statement once per
 * building, as its air handlers are a literal {@code IN} list: QuestDB binds no lists).
 */
final class QuestDbSeries implements AutoCloseable {
  private final QuestDbFiles db;
  private final CairoEngine engine;
  private final SqlExecutionContextImpl context;
  private final BindVariableServiceImpl binds;
  private final Map<String, RecordCursorFactory> supplyStats = new HashMap<>();
  private RecordCursorFactory usage;
  private final long now;

  QuestDbSeries(PortfolioSeries s) {
    this.now = s.now();
    db = new QuestDbFiles();
    engine = db.engine;
    binds = db.binds;
    context = db.context;
    try {
      engine.execute("CREATE TABLE supply (ahu SYMBOL CAPACITY 65536, v DOUBLE, ts TIMESTAMP) "
          + "TIMESTAMP(ts) PARTITION BY DAY BYPASS WAL", context);
      engine.execute("CREATE TABLE occupancy (room SYMBOL CAPACITY 262144, occupied DOUBLE, ts TIMESTAMP) "
          + "TIMESTAMP(ts) PARTITION BY DAY BYPASS WAL", context);
    } catch (SqlException e) {
      throw new IllegalStateException("cannot create the tables: " + e.getMessage(), e);
    }
    PeerPortfolio p = s.portfolio();
    int[] ahus = s.airHandlers();
    try (TableWriter w = engine.getWriter(engine.verifyTableName("supply"), "twins-bench")) {
      for (int k = 0; k < PortfolioSeries.SUPPLY_SAMPLES; k++) {
        for (int a = 0; a < ahus.length; a++) {
          TableWriter.Row row = w.newRow(s.supplyTime(k) * 1000);
          row.putSym(0, p.id(ahus[a]));
          row.putDouble(1, s.supply(a, k));
          row.append();
        }
      }
      w.commit();
    }
    int[] rooms = s.rooms();
    try (TableWriter w = engine.getWriter(engine.verifyTableName("occupancy"), "twins-bench")) {
      for (int k = 0; k < PortfolioSeries.OCCUPANCY_SAMPLES; k++) {
        for (int r = 0; r < rooms.length; r++) {
          TableWriter.Row row = w.newRow(s.occupancyTime(k) * 1000);
          row.putSym(0, p.id(rooms[r]));
          row.putDouble(1, s.occupied(r, k) ? 1 : 0);
          row.append();
        }
        if (k % 96 == 95) w.commit();
      }
      w.commit();
    }
  }

  /** The least-squares sums of each air handler's last 15 minutes. */
  record Sums(long n, double sx, double sy, double sxx, double sxy) {
    PortfolioSeries.Fit fit() {
      PortfolioSeries.Fit f = new PortfolioSeries.Fit();
      f.set(n, sx, sy, sxx, sxy);
      return f;
    }
  }

  /**
   * The sums for a least-squares fit of the supply temperature of air handlers over the last 15
   * minutes, x being milliseconds since the window's start.
   *
   * @param building the building (names the compiled statement)
   * @param ahus the air handlers' ids
   * @return the sums by air handler id
   */
  Map<String, Sums> supplyStats(String building, List<String> ahus) {
    long to = (now + 1) * 1000;
    long from = to - PortfolioSeries.SUPPLY_WINDOW * 1000;
    Map<String, Sums> out = new HashMap<>();
    if (ahus.isEmpty()) return out;
    try {
      RecordCursorFactory f = supplyStats.get(building);
      binds.clear();
      binds.setTimestamp(0, from);
      binds.setTimestamp(1, to);
      if (f == null) {
        String in = ahus.stream().map(a -> "'" + a.replace("'", "''") + "'").collect(Collectors.joining(","));
        f = engine.select("SELECT ahu, count() n, sum(x) sx, sum(v) sy, sum(x * x) sxx, sum(x * v) sxy FROM "
            + "(SELECT ahu, v, (cast(ts AS LONG) - cast($1 AS LONG)) / 1000.0 x FROM supply "
            + "WHERE ahu IN (" + in + ") AND ts >= $1 AND ts < $2)", context);
        supplyStats.put(building, f);
      }
      try (RecordCursor c = f.getCursor(context)) {
        while (c.hasNext()) {
          Record r = c.getRecord();
          out.put(r.getSymA(0).toString(), new Sums(r.getLong(1), r.getDouble(2), r.getDouble(3), r.getDouble(4),
              r.getDouble(5)));
        }
      }
      return out;
    } catch (SqlException e) {
      throw new IllegalStateException("supply statistics of " + building + " failed: " + e.getMessage(), e);
    }
  }

  /** @return every room's share of occupied samples over the week, by room id */
  Map<String, Double> usage() {
    long to = (now + 1) * 1000;
    long from = to - PortfolioSeries.WEEK * 1000;
    Map<String, Double> out = new HashMap<>();
    try {
      binds.clear();
      binds.setTimestamp(0, from);
      binds.setTimestamp(1, to);
      if (usage == null) {
        usage = engine.select("SELECT room, avg(occupied) FROM occupancy WHERE ts >= $1 AND ts < $2", context);
      }
      try (RecordCursor c = usage.getCursor(context)) {
        while (c.hasNext()) {
          Record r = c.getRecord();
          out.put(r.getSymA(0).toString(), r.getDouble(1));
        }
      }
      return out;
    } catch (SqlException e) {
      throw new IllegalStateException("room usage failed: " + e.getMessage(), e);
    }
  }

  /** @return the bytes of the database's files */
  long fileBytes() {
    return db.fileBytes();
  }

  @Override
  public void close() {
    supplyStats.values().forEach(RecordCursorFactory::close);
    if (usage != null) usage.close();
    db.close();
  }
}
