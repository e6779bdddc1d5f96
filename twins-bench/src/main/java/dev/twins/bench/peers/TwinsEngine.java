package dev.twins.bench.peers;

import dev.twins.bench.ArrayMap;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import tools.jackson.databind.JsonNode;

/**
 * Twins through its public graph API: {@code createTwin} and {@code relate} to load,
 * {@code twin(id)} to read, {@code setNumber(id, property, value)} per update, and the scoped query by hand:
 * the start twin by {@code twin(id)}, then each hop by {@code forEachOutgoingTarget(twin, name, visitor)},
 * which hands over the twins at the other ends without looking them up by id.
 */
class TwinsEngine implements Engine {
  private final Models models;
  private Twins twins;

  TwinsEngine(Models models) {
    this.models = models;
    this.twins = Twins.create(models);
  }

  /**
   * Wraps a graph that already holds the portfolio, e.g. a reopened store's.
   *
   * @param twins the graph
   */
  TwinsEngine(Twins twins) {
    this.models = twins.models();
    this.twins = twins;
  }

  @Override
  public String name() {
    return "twins";
  }

  @Override
  public void load(PeerPortfolio p) {
    twins = Twins.create(models);
    loadInto(twins, p);
  }

  /**
   * Creates every twin, then every relationship, of a portfolio in a graph.
   *
   * @param twins the graph, over {@link PeerPortfolio#models()}
   * @param p the portfolio
   */
  static void loadInto(Twins twins, PeerPortfolio p) {
    for (int i = 0; i < p.twinCount(); i++) {
      twins.createTwin(p.id(i), p.kind(i).model(), new ArrayMap(p.propertyNames(i), p.propertyValues(i)));
    }
    for (int r = 0; r < p.relationshipCount(); r++) {
      twins.relate(p.id(p.source(r)), p.relationshipId(r), p.relationshipName(r), p.id(p.target(r)));
    }
  }

  /** @return the graph */
  final Twins twins() {
    return twins;
  }

  @Override
  public long twinCount() {
    return twins.twinCount();
  }

  @Override
  public long relationshipCount() {
    return twins.relationCount();
  }

  @Override
  public double read(String id, String property) {
    Twin t = twins.twin(id).orElseThrow(() -> new NoSuchElementException("no twin " + id));
    return t.number(property).orElseThrow();
  }

  /**
   * Sets the property with {@link Twins#setNumber(String, String, double)}: the same write as a JSON
   * Patch {@code add} of the value (the same checks, version, ETag, times and event), the call a
   * user setting one number makes.
   */
  @Override
  public void update(String id, String property, double value, Object prepared) {
    twins.setNumber(id, property, value);
  }

  @Override
  public List<String> hotSensors(String startId, Scope scope, double threshold) {
    Twin start = twins.twin(startId).orElse(null);
    if (start == null) return List.of();
    List<Twin> frontier = List.of(start);
    for (String step : scope.path()) {
      List<Twin> next = new ArrayList<>();
      for (Twin t : frontier) twins.forEachOutgoingTarget(t, step, next::add);
      frontier = next;
    }
    List<String> out = new ArrayList<>();
    for (Twin t : frontier) {
      JsonNode kind = t.property("kind").orElse(null);
      if (kind == null || !kind.isString() || !kind.stringValue().equals("temperature")) continue;
      if (t.number("value").orElse(Double.NaN) > threshold) out.add(t.id());
    }
    return out;
  }

  @Override
  public boolean threadSafe() {
    return true;
  }

  @Override
  public void close() {
    twins = Twins.create(models);
  }
}
