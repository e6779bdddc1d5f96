package dev.twins.bench.peers;

import java.util.List;

/**
 * The scopes of the threshold query "temperature sensors under X above 30 °C": where it starts
 * and which relationships it follows, in order, to reach the sensors.
 */
public enum Scope {
  /** From a building: {@code hasPart} (floors), {@code hasPart} (rooms), {@code contains} (sensors). */
  BUILDING(PeerPortfolio.Kind.BUILDING, "hasPart", "hasPart", "contains"),
  /** From a floor: {@code hasPart} (rooms), {@code contains} (sensors). */
  FLOOR(PeerPortfolio.Kind.FLOOR, "hasPart", "contains"),
  /** From an air handler: {@code feeds} (rooms), {@code contains} (sensors). */
  AIR_HANDLER(PeerPortfolio.Kind.AIR_HANDLER, "feeds", "contains");

  private final PeerPortfolio.Kind start;
  private final List<String> path;

  Scope(PeerPortfolio.Kind start, String... path) {
    this.start = start;
    this.path = List.of(path);
  }

  /** @return the kind of twin the query starts from */
  public PeerPortfolio.Kind start() {
    return start;
  }

  /** @return the relationship names followed from the start, in order */
  public List<String> path() {
    return path;
  }
}
