package dev.twins.bench.peers;

import java.util.List;

/**
 * One way of keeping and querying the portfolio's twin graph: Twins or a peer. Every engine
 * answers the same questions with the same meaning, so that their answers can be compared and
 * their times put side by side.
 *
 * <p>An engine is used by one thread, except where {@link #threadSafe()} says otherwise; the
 * benchmarks guard the others with a read-write lock when a writer runs beside the queries.
 */
public interface Engine extends AutoCloseable {
  /** @return the engine's name, as in the benchmarks' {@code engine} parameter */
  String name();

  /**
   * Loads every twin, then every relationship, of the portfolio into the (empty) engine.
   *
   * @param portfolio the portfolio
   */
  void load(PeerPortfolio portfolio);

  /** @return the number of twins held */
  long twinCount();

  /** @return the number of relationships held */
  long relationshipCount();

  /**
   * Reads a numeric property of a twin found by its id.
   *
   * @param id the twin id
   * @param property the property name
   * @return its value
   */
  double read(String id, String property);

  /**
   * Prepares what {@link #update} needs beyond the id, property and value, e.g. a JSON Patch;
   * called before the measurement.
   *
   * @param property the property name
   * @param value the new value
   * @return the prepared update, or {@code null} when the engine needs none
   */
  default Object prepare(String property, double value) {
    return null;
  }

  /**
   * Sets a numeric property of a twin found by its id, as its own write (transaction).
   *
   * @param id the twin id
   * @param property the property name
   * @param value the new value
   * @param prepared what {@link #prepare} returned for the property and value
   */
  void update(String id, String property, double value, Object prepared);

  /**
   * Applies several updates as one batch: a single transaction where the engine has them, else
   * one after the other. Used by the background writer.
   *
   * @param ids the twin ids
   * @param properties the property names
   * @param values the values
   * @param prepared the prepared updates
   * @param from the first index
   * @param to the index after the last
   */
  default void updateBatch(String[] ids, String[] properties, double[] values, Object[] prepared, int from, int to) {
    for (int k = from; k < to; k++) update(ids[k], properties[k], values[k], prepared[k]);
  }

  /**
   * The scoped threshold query: the temperature sensors ({@code kind} = {@code temperature})
   * reached from a twin along the scope's relationships, whose {@code value} is above a threshold.
   *
   * @param startId the id of the building, floor or air handler
   * @param scope the scope
   * @param threshold the threshold
   * @return the sensor ids, in any order
   */
  List<String> hotSensors(String startId, Scope scope, double threshold);

  /** @return whether reads and writes may run on several threads at once without a lock */
  boolean threadSafe();

  /** Releases what the engine holds (files, threads); the engine is unusable afterwards. */
  @Override
  void close();
}
