package dev.twins.bench.peers;

import static dev.twins.core.model.Schemas.DOUBLE;

import dev.twins.bench.ArrayMap;
import dev.twins.bench.BuildingPortfolio;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.ModelSource;
import dev.twins.core.model.ModelWriter;
import dev.twins.core.model.Models;
import dev.twins.core.series.Series;
import dev.twins.core.telemetry.Aggregate;
import dev.twins.core.telemetry.Channel;
import dev.twins.core.telemetry.Rule;
import dev.twins.core.telemetry.TelemetryHub;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Twins: the portfolio loaded with telemetry-bearing models ({@link #models()}), a
 * {@link TelemetryHub} keeping every reading in its series, and three rules that keep
 * the mean temperature of rooms, floors and buildings up to date ({@code meanTemperature},
 * {@code floorTemperature}, {@code buildingTemperature})
 * ({@code Rule.fromRelated(..., MEAN)} over {@code contains} and {@code hasPart}). Readings go in
 * through one resolved {@link Channel} per sensor.
 */
final class TwinsSync implements Sync {
  static final String PREFIX = "dtmi:twins:bench:sync:";
  static final String BUILDING = PREFIX + "Building;1";
  static final String FLOOR = PREFIX + "Floor;1";
  static final String ROOM = PREFIX + "Room;1";
  static final String TEMPERATURE_SENSOR = PREFIX + "TemperatureSensor;1";
  static final String SENSOR = PREFIX + "Sensor;1";
  static final String MEAN = "meanTemperature";
  /** Floors' mean: rules name distinct properties per level (a floor's parts could be floors, by the models). */
  static final String FLOOR_MEAN = "floorTemperature";
  /** Buildings' mean. */
  static final String BUILDING_MEAN = "buildingTemperature";
  /** The Telemetry of the sensors other than temperature sensors. */
  static final String OTHER = "reading";

  private final PeerPortfolio portfolio;
  private final Twins twins;
  private final TelemetryHub hub;
  private Channel[] channels;

  TwinsSync(PeerPortfolio p) {
    this.portfolio = p;
    twins = Twins.create(models());
    for (int i = 0; i < p.twinCount(); i++) {
      twins.createTwin(p.id(i), model(p, i), new ArrayMap(p.propertyNames(i), p.propertyValues(i)));
    }
    for (int r = 0; r < p.relationshipCount(); r++) {
      twins.relate(p.id(p.source(r)), p.relationshipId(r), p.relationshipName(r), p.id(p.target(r)));
    }
    hub = TelemetryHub.attach(twins);
    hub.rules().add(Rule.fromRelated(ROOM, MEAN, BuildingPortfolio.CONTAINS, Rule.Source.telemetry("temperature"),
        Aggregate.MEAN));
    hub.rules().add(Rule.fromRelated(FLOOR, FLOOR_MEAN, BuildingPortfolio.HAS_PART, Rule.Source.property(MEAN),
        Aggregate.MEAN));
    hub.rules().add(Rule.fromRelated(BUILDING, BUILDING_MEAN, BuildingPortfolio.HAS_PART,
        Rule.Source.property(FLOOR_MEAN), Aggregate.MEAN));
  }

  /**
   * The portfolio's models plus, for this workload: buildings, floors and rooms with a
   * mean temperature property, temperature sensors with a {@code temperature} Telemetry and
   * the other sensors with a {@code reading} Telemetry, each extending the portfolio's model.
   *
   * @return the model set
   */
  static Models models() {
    List<ModelSource> sources = new ArrayList<>();
    int k = 0;
    for (String json : ModelWriter.toJsonDocuments(PeerPortfolio.models())) sources.add(new ModelSource("portfolio-" + k++, json));
    ModelBuilder b = ModelBuilder.create()
        .define(BUILDING, d -> d.extendsFrom(PeerPortfolio.Kind.BUILDING.model()).property(BUILDING_MEAN, DOUBLE, x -> x.writable()))
        .define(FLOOR, d -> d.extendsFrom(PeerPortfolio.Kind.FLOOR.model()).property(FLOOR_MEAN, DOUBLE, x -> x.writable()))
        .define(ROOM, d -> d.extendsFrom(PeerPortfolio.Kind.ROOM.model()).property(MEAN, DOUBLE, x -> x.writable()))
        .define(TEMPERATURE_SENSOR, d -> d.extendsFrom(PeerPortfolio.Kind.SENSOR.model()).telemetry("temperature", DOUBLE))
        .define(SENSOR, d -> d.extendsFrom(PeerPortfolio.Kind.SENSOR.model()).telemetry(OTHER, DOUBLE));
    for (String json : b.toJson()) sources.add(new ModelSource("sync-" + k++, json));
    return ModelParser.defaults().parse(sources);
  }

  static boolean temperatureSensor(PeerPortfolio p, int i) {
    return p.kind(i) == PeerPortfolio.Kind.SENSOR && "temperature".equals(p.propertyValues(i)[1]);
  }

  private static String model(PeerPortfolio p, int i) {
    switch (p.kind(i)) {
      case BUILDING: return BUILDING;
      case FLOOR: return FLOOR;
      case ROOM: return ROOM;
      case SENSOR: return temperatureSensor(p, i) ? TEMPERATURE_SENSOR : SENSOR;
      default: return p.kind(i).model();
    }
  }

  @Override
  public String name() {
    return "twins";
  }

  @Override
  public void prepare(TelemetryStream s) {
    channels = new Channel[portfolio.twinCount()];
    for (int k = 0; k < s.size(); k++) {
      int i = s.sensor(k);
      if (channels[i] == null) channels[i] = hub.channel(portfolio.id(i), temperatureSensor(portfolio, i) ? "temperature" : OTHER);
    }
  }

  @Override
  public void replay(TelemetryStream s, int[] readings) {
    Channel[] ch = channels;
    for (int k : readings) ch[s.sensor(k)].ingest(s.timeMicros(k) / 1000, s.value(k));
  }

  @Override
  public void flush() {
    // every ingest call returns after its history and derived properties are written
  }

  @Override
  public OptionalDouble meanTemperature(String twinId) {
    dev.twins.core.graph.Twin t = twins.twin(twinId).orElseThrow();
    String model = t.model().toString();
    return t.number(model.equals(ROOM) ? MEAN : model.equals(FLOOR) ? FLOOR_MEAN : BUILDING_MEAN);
  }

  @Override
  public long stored(String sensorId) {
    var store = hub.seriesStore().orElseThrow();
    return store.find(sensorId, "temperature").or(() -> store.find(sensorId, OTHER)).map(Series::size).orElse(0L);
  }

  /** @return the hub */
  TelemetryHub hub() {
    return hub;
  }

  @Override
  public long offHeapBytes() {
    return 0;
  }

  @Override
  public void close() {
    hub.close();
  }
}
