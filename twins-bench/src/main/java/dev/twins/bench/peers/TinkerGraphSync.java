package dev.twins.bench.peers;

import java.util.Iterator;
import java.util.OptionalDouble;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;

/**
 * QuestDB plus TinkerGraph's structure API: the sensor's vertex gets {@code temperature} and
 * {@code temperatureTime}; the room is found by {@code vertices(IN, "contains")}, the floor and
 * building by {@code vertices(OUT, "isPartOf")}, and each mean is recomputed over
 * {@code vertices(OUT, ...)} and set with {@code property(k, v)}.
 */
final class TinkerGraphSync extends PeerSync {
  private final TinkerGraphEngine engine = new TinkerGraphEngine();
  private Vertex[] vertices;

  TinkerGraphSync(PeerPortfolio p) {
    super(p);
    engine.load(p);
  }

  @Override
  public String name() {
    return "questdb-tinkergraph";
  }

  @Override
  public void prepare(TelemetryStream s) {
    super.prepare(s);
    vertices = new Vertex[portfolio.twinCount()];
    for (int k = 0; k < s.size(); k++) {
      int i = s.sensor(k);
      if (vertices[i] == null) vertices[i] = engine.vertex(portfolio.id(i));
    }
  }

  @Override
  void propagate(int sensor, long micros, double value) {
    Vertex v = vertices[sensor];
    VertexProperty<Long> time = v.property("temperatureTime");
    if (time.isPresent() && time.value() > micros) return;
    v.property("temperatureTime", micros);
    v.property("temperature", value);
    Vertex room = v.vertices(Direction.IN, "contains").next();
    mean(room, "contains", "temperature");
    Vertex floor = room.vertices(Direction.OUT, "isPartOf").next();
    mean(floor, "hasPart", TwinsSync.MEAN);
    mean(floor.vertices(Direction.OUT, "isPartOf").next(), "hasPart", TwinsSync.MEAN);
  }

  private static void mean(Vertex whole, String parts, String property) {
    double sum = 0;
    int n = 0;
    for (Iterator<Vertex> it = whole.vertices(Direction.OUT, parts); it.hasNext(); ) {
      VertexProperty<Object> p = it.next().property(property);
      if (p.isPresent() && p.value() instanceof Number x) {
        sum += x.doubleValue();
        n++;
      }
    }
    if (n > 0) whole.property(TwinsSync.MEAN, sum / n);
  }

  @Override
  public OptionalDouble meanTemperature(String twinId) {
    VertexProperty<Object> p = engine.vertex(twinId).property(TwinsSync.MEAN);
    return p.isPresent() ? OptionalDouble.of(((Number) p.value()).doubleValue()) : OptionalDouble.empty();
  }

  @Override
  public void close() {
    super.close();
    engine.close();
  }
}
