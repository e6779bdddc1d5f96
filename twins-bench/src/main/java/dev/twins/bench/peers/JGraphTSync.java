package dev.twins.bench.peers;

import java.util.Map;
import java.util.OptionalDouble;
import org.jgrapht.Graph;

/**
 * QuestDB plus the floor of hand-written code, JGraphT with a map of properties per twin: the
 * sensor's map gets {@code temperature} and {@code temperatureTime}; the room is found through the
 * sensor's incoming {@code contains} edge, the floor and building through outgoing
 * {@code isPartOf} edges, and each mean is recomputed over the outgoing edges of a name.
 */
final class JGraphTSync extends PeerSync {
  private final JGraphTEngine engine = new JGraphTEngine();
  private String[] ids;

  JGraphTSync(PeerPortfolio p) {
    super(p);
    engine.load(p);
  }

  @Override
  public String name() {
    return "questdb-jgrapht";
  }

  @Override
  public void prepare(TelemetryStream s) {
    super.prepare(s);
    ids = new String[portfolio.twinCount()];
    for (int i = 0; i < ids.length; i++) ids[i] = portfolio.id(i);
  }

  @Override
  void propagate(int sensor, long micros, double value) {
    Graph<String, JGraphTEngine.Edge> g = engine.graph();
    Map<String, Map<String, Object>> props = engine.properties();
    String id = ids[sensor];
    Map<String, Object> p = props.get(id);
    Object time = p.get("temperatureTime");
    if (time != null && (Long) time > micros) return;
    p.put("temperatureTime", micros);
    p.put("temperature", value);
    String room = related(g, id, "contains", false);
    mean(g, props, room, "contains", "temperature");
    String floor = related(g, room, "isPartOf", true);
    mean(g, props, floor, "hasPart", TwinsSync.MEAN);
    mean(g, props, related(g, floor, "isPartOf", true), "hasPart", TwinsSync.MEAN);
  }

  private static String related(Graph<String, JGraphTEngine.Edge> g, String id, String name, boolean outgoing) {
    for (JGraphTEngine.Edge e : outgoing ? g.outgoingEdgesOf(id) : g.incomingEdgesOf(id)) {
      if (e.name.equals(name)) return outgoing ? g.getEdgeTarget(e) : g.getEdgeSource(e);
    }
    throw new IllegalStateException("no " + name + " relationship " + (outgoing ? "from " : "to ") + id);
  }

  private static void mean(Graph<String, JGraphTEngine.Edge> g, Map<String, Map<String, Object>> props, String whole,
      String parts, String property) {
    double sum = 0;
    int n = 0;
    for (JGraphTEngine.Edge e : g.outgoingEdgesOf(whole)) {
      if (!e.name.equals(parts)) continue;
      if (props.get(g.getEdgeTarget(e)).get(property) instanceof Number x) {
        sum += x.doubleValue();
        n++;
      }
    }
    if (n > 0) props.get(whole).put(TwinsSync.MEAN, sum / n);
  }

  @Override
  public OptionalDouble meanTemperature(String twinId) {
    Object v = engine.properties().get(twinId).get(TwinsSync.MEAN);
    return v instanceof Number x ? OptionalDouble.of(x.doubleValue()) : OptionalDouble.empty();
  }

  @Override
  public void close() {
    super.close();
    engine.close();
  }
}
