package dev.twins.bench.peers;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peers' side of telemetry: QuestDB embedded ingesting a {@link TelemetryStream} (Zipf-skewed
 * sensors, about 5 % late and 1 % duplicate readings) of the portfolio, as history. The Twins side
 * (ingest with history and propagated aggregates) joins when Twins has a telemetry API; until then
 * this is the peers' reference figure.
 */
@Threads(1)
public class TelemetryPeerBenchmark {
  /** For JMH. */
  public TelemetryPeerBenchmark() {}

  /**
   * Appends every reading of the stream to a new QuestDB table, committing every
   * {@value QuestDbHistory#COMMIT_EVERY} rows. After each iteration the row count is checked and
   * the rate printed ({@code # questdb ingest ...}).
   *
   * @param s the state
   * @return the database
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  public QuestDbHistory questdbIngest(IngestState s) {
    s.db.ingest(s.stream, 0, s.stream.size());
    return s.db;
  }

  /** A stream, and a new, empty QuestDB database per iteration. */
  @State(Scope.Benchmark)
  public static class IngestState {
    /** The twins of the portfolio whose sensors report. */
    @Param({"100000"})
    public int twins;

    /** The number of readings. */
    @Param({"1000000"})
    public int readings;

    TelemetryStream stream;
    QuestDbHistory db;

    /** For JMH. */
    public IngestState() {}

    /** Generates the stream: 10,000 readings per second of the portfolio. */
    @Setup(Level.Trial)
    public void stream() {
      Loaded.drop();
      stream = TelemetryStream.generate(Loaded.portfolio(twins), readings, 10_000, 1_767_225_600_000_000L,
          PeerBenchmark.SEED);
    }

    /** Opens a new database. */
    @Setup(Level.Iteration)
    public void open() {
      db = new QuestDbHistory();
    }

    /** Checks the rows and one sensor's history, prints the rate and closes the database. */
    @TearDown(Level.Iteration)
    public void check() {
      try {
        long rows = db.count();
        if (rows != stream.size()) {
          throw new IllegalStateException("QuestDB holds " + rows + " readings, expected " + stream.size());
        }
        String sensor = stream.sensorId(0);
        long expected = 0;
        for (int k = 0; k < stream.size(); k++) if (stream.sensorId(k).equals(sensor)) expected++;
        long got = (long) db.scalar("SELECT count() FROM readings WHERE sensor = '" + sensor + "'");
        if (got != expected) {
          throw new IllegalStateException("QuestDB holds " + got + " readings of " + sensor + ", expected " + expected);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "# questdb ingest: %d readings (%d late, %d duplicates) checked%n",
            rows, stream.outOfOrder(), stream.duplicates());
      } finally {
        db.close();
        db = null;
      }
    }
  }
}
