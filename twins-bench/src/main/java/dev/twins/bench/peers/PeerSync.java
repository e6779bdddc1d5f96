package dev.twins.bench.peers;

import io.questdb.cairo.TableWriter;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The peers' telemetry to twin sync: every reading appended to QuestDB (through its
 * {@code TableWriter}, committed every {@value QuestDbHistory#COMMIT_EVERY} rows), and each
 * temperature reading newer than its sensor's newest propagated by hand-written Java through a
 * graph engine: the sensor's newest value, its room's, floor's and building's mean temperature
 * recomputed from their parts. QuestDB's writer and the graph engines take one writer at a time,
 * so readings from several threads are applied under one lock.
 */
abstract class PeerSync implements Sync {
  final PeerPortfolio portfolio;
  private final QuestDbHistory history = new QuestDbHistory();
  private final ReentrantLock lock = new ReentrantLock();
  private TableWriter writer;
  private long rows;
  final boolean[] temperature;

  PeerSync(PeerPortfolio p) {
    this.portfolio = p;
    temperature = new boolean[p.twinCount()];
    for (int i = 0; i < p.twinCount(); i++) temperature[i] = TwinsSync.temperatureSensor(p, i);
  }

  /**
   * Sets a temperature sensor's newest reading unless it has a later one, and recomputes the
   * means above it.
   *
   * @param sensor the sensor's twin index
   * @param micros the reading's time
   * @param value the reading
   */
  abstract void propagate(int sensor, long micros, double value);

  @Override
  public void prepare(TelemetryStream s) {
    writer = history.writer();
  }

  @Override
  public void replay(TelemetryStream s, int[] readings) {
    for (int k : readings) {
      lock.lock();
      try {
        TableWriter.Row row = writer.newRow(s.timeMicros(k));
        row.putSym(0, s.sensorId(k));
        row.putDouble(1, s.value(k));
        row.append();
        if (++rows % QuestDbHistory.COMMIT_EVERY == 0) writer.commit();
        int i = s.sensor(k);
        if (temperature[i]) propagate(i, s.timeMicros(k), s.value(k));
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public void flush() {
    lock.lock();
    try {
      writer.commit();
      writer.close();
      writer = null;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long stored(String sensorId) {
    return history.count(sensorId);
  }

  @Override
  public long offHeapBytes() {
    return history.offHeapBytes();
  }

  @Override
  public void close() {
    if (writer != null) writer.close();
    history.close();
  }
}
