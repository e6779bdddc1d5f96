package dev.twins.examples;

import static dev.twins.core.model.Schemas.BOOLEAN;
import static dev.twins.core.model.Schemas.DOUBLE;
import static dev.twins.core.model.Schemas.STRING;

import dev.twins.core.device.CommandRecord;
import dev.twins.core.device.CommandReply;
import dev.twins.core.device.Devices;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.Models;
import dev.twins.core.telemetry.Aggregate;
import dev.twins.core.telemetry.Rule;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.core.telemetry.ThresholdCrossing;
import dev.twins.examples.support.DataDir;
import dev.twins.examples.support.Svg;
import dev.twins.examples.support.Table;
import dev.twins.query.QueryEngine;
import dev.twins.query.QueryResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reactor alerts and a control-room view, on a synthetic batch plant: three batch reactors, each
 * with a temperature transmitter, a cooling valve and an outlet pipe carrying temperature,
 * pressure and flow transmitters.
 *
 * <p>Telemetry goes through the {@link TelemetryHub}; rules keep each reactor's and each pipe's
 * properties equal to the mean of their transmitters. A threshold watch on each reactor's
 * transmitter raises the reactor's {@code alert} when its temperature rises above the reactor's
 * limit and clears it when it comes back; the rise also sends the {@code setOpening} command to the
 * reactor's cooling valve (through {@link Devices}) to open it fully, and a second watch
 * {@value #CLOSE_MARGIN} °C below the limit sends it back to {@value #IDLE_OPENING} %. The valve is
 * simulated, and the simulated reactors heat or cool according to their valve's opening, so the
 * loop is closed through the twin graph. The dashboard is a query.
 */
public final class Reactor {
  /** Minutes simulated. */
  public static final int MINUTES = 150;
  /** The valves' opening when no reactor is hot, in per cent. */
  public static final double IDLE_OPENING = 20;
  /** A valve goes back to idle when its reactor is this many °C below its limit. */
  public static final double CLOSE_MARGIN = 10;
  /** Simulation start. */
  public static final Instant START = Instant.parse("2026-11-26T06:00:00Z");

  private static final String NS = "dtmi:twins:example:plant:";
  static final String PLANT = NS + "Plant;1";
  static final String REACTOR = NS + "BatchReactor;1";
  static final String PIPE = NS + "Pipe;1";
  static final String SENSOR = NS + "Transmitter;1";
  static final String VALVE = NS + "CoolingValve;1";

  /** Each reactor: id, limit °C, starting temperature, heating °C per minute while reacting, minutes reacting. */
  static final Object[][] REACTORS = {
    {"R-101", 180.0, 150.0, 1.0, 120},
    {"R-102", 175.0, 140.0, 0.5, 100},
    {"R-103", 185.0, 160.0, 1.2, 90},
  };

  private Reactor() {}

  /**
   * One line of the alert log.
   *
   * @param minute minutes after {@link #START}
   * @param reactor the reactor
   * @param event what happened
   * @param temperature the reactor's temperature then
   */
  public record LogLine(int minute, String reactor, String event, double temperature) {}

  /**
   * The answers.
   *
   * @param twins the plant graph
   * @param hub its telemetry hub
   * @param devices its device side
   * @param log alerts raised and cleared, and commands sent, in order
   * @param dashboard the pipes' temperature, pressure and flow at the end
   * @param alerting the reactors in alert at the end
   * @param temperatures each reactor's simulated temperature, minute by minute
   * @param firstAlertMinute the end of the first minute with a reactor in alert
   * @param dashboardInAlert the dashboard then
   */
  public record Result(Twins twins, TelemetryHub hub, Devices devices, List<LogLine> log, QueryResult dashboard,
      QueryResult alerting, Map<String, double[]> temperatures, int firstAlertMinute, QueryResult dashboardInAlert) {}

  /**
   * Runs the example and prints its answers.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Result r = run();
    print(r);
    Path out = DataDir.output(DataDir.find());
    System.out.println("Temperatures, limits and alerts: " + picture(r).write(out.resolve("reactor.svg")));
  }

  /** The reactors' temperatures minute by minute, their limits (dashed) and the alerts (dots). */
  static Svg picture(Result r) {
    int w = 760;
    int h = 360;
    int left = 50;
    int top = 40;
    int plotW = w - left - 120;
    int plotH = h - top - 40;
    double lo = 130;
    double hi = 200;
    Svg svg = new Svg(w, h);
    java.util.function.DoubleUnaryOperator x = m -> left + m / (MINUTES - 1.0) * plotW;
    java.util.function.DoubleUnaryOperator y = t -> top + (hi - t) / (hi - lo) * plotH;
    svg.rect(left, top, plotW, plotH, "white", "#444");
    svg.text(w / 2.0, 22, 14, "middle", "Batch reactors: temperature (°C), limits and alerts");
    for (int t = (int) lo; t <= hi; t += 10) {
      svg.text(left - 6, y.applyAsDouble(t) + 4, 11, "end", String.valueOf(t));
    }
    for (int m = 0; m < MINUTES; m += 30) {
      svg.text(x.applyAsDouble(m), top + plotH + 16, 11, "middle", START.plusSeconds(60L * m).toString().substring(11, 16));
    }
    int c = 0;
    for (Object[] reactor : REACTORS) {
      String id = (String) reactor[0];
      String colour = Svg.PALETTE[c++];
      double[] temps = r.temperatures().get(id);
      double[] xy = new double[2 * temps.length];
      for (int m = 0; m < temps.length; m++) {
        xy[2 * m] = x.applyAsDouble(m);
        xy[2 * m + 1] = y.applyAsDouble(Math.max(lo, Math.min(hi, temps[m])));
      }
      svg.polyline(xy, colour, 1.5, 1);
      double limit = (Double) reactor[1];
      for (double m = 0; m < MINUTES - 1; m += 4) {
        svg.line(x.applyAsDouble(m), y.applyAsDouble(limit), x.applyAsDouble(Math.min(m + 2, MINUTES - 1)),
            y.applyAsDouble(limit), colour, 1);
      }
      svg.text(left + plotW + 8, top + 20 + 18 * (c - 1), 12, "start", id + " (limit " + (int) limit + ")");
      svg.line(left + plotW + 90, top + 16 + 18 * (c - 1), left + plotW + 110, top + 16 + 18 * (c - 1), colour, 2);
      for (LogLine l : r.log()) {
        if (l.reactor().equals(id) && l.event().startsWith("ALERT")) {
          svg.circle(x.applyAsDouble(l.minute()), y.applyAsDouble(l.temperature()), 4, "red");
        }
      }
    }
    return svg;
  }

  static Models models() {
    return ModelBuilder.create()
        .define(PLANT, i -> i.property("name", STRING)
            .relationship("hasReactor", r -> r.target(REACTOR)).relationship("hasPipe", r -> r.target(PIPE)))
        .define(REACTOR, i -> i.property("name", STRING)
            .property("temperatureLimit", DOUBLE, p -> p.quantity("Temperature", "degreeCelsius"))
            .property("temperature", DOUBLE, p -> p.quantity("Temperature", "degreeCelsius"))
            .property("alert", BOOLEAN)
            .relationship("hasSensor", r -> r.target(SENSOR))
            .relationship("cooledBy", r -> r.target(VALVE).maxMultiplicity(1))
            .relationship("feeds", r -> r.target(PIPE)))
        .define(PIPE, i -> i.property("name", STRING)
            .property("temperature", DOUBLE, p -> p.quantity("Temperature", "degreeCelsius"))
            .property("pressure", DOUBLE, p -> p.quantity("Pressure", "bar"))
            .property("flow", DOUBLE)
            .relationship("hasSensor", r -> r.target(SENSOR)))
        .define(SENSOR, i -> i.property("tag", STRING)
            .telemetry("temperature", DOUBLE).telemetry("pressure", DOUBLE).telemetry("flow", DOUBLE))
        .define(VALVE, i -> i.property("opening", DOUBLE, p -> p.writable())
            .command("setOpening", c -> c.request("percent", DOUBLE).response("opening", DOUBLE)))
        .build();
  }

  /**
   * Builds the plant, runs {@link #MINUTES} minutes of the simulation and answers.
   *
   * @return the answers
   */
  public static Result run() {
    Twins twins = Twins.create(models());
    twins.createTwin("plant", PLANT, Map.of("name", "Batch plant"));
    for (Object[] r : REACTORS) {
      String id = (String) r[0];
      String n = id.substring(2);
      twins.createTwin(id, REACTOR, Map.of("name", "Batch reactor " + n, "temperatureLimit", r[1], "alert", false));
      twins.createTwin("TT-" + n, SENSOR, Map.of("tag", "TT-" + n));
      twins.createTwin("CV-" + n, VALVE, Map.of("opening", IDLE_OPENING));
      twins.createTwin("P-" + n, PIPE, Map.of("name", "Outlet of " + id));
      twins.relate("plant", id, "hasReactor", id);
      twins.relate("plant", "P-" + n, "hasPipe", "P-" + n);
      twins.relate(id, "TT-" + n, "hasSensor", "TT-" + n);
      twins.relate(id, "CV-" + n, "cooledBy", "CV-" + n);
      twins.relate(id, "P-" + n, "feeds", "P-" + n);
      for (String kind : new String[] {"TT", "PT", "FT"}) {
        String tag = kind + "-P" + n;
        twins.createTwin(tag, SENSOR, Map.of("tag", tag));
        twins.relate("P-" + n, tag, "hasSensor", tag);
      }
    }

    TelemetryHub hub = TelemetryHub.builder(twins).series(true).build();
    hub.rules().add(Rule.fromRelated(REACTOR, "temperature", "hasSensor", Rule.Source.telemetry("temperature"),
        Aggregate.MEAN));
    hub.rules().add(Rule.fromRelated(PIPE, "temperature", "hasSensor", Rule.Source.telemetry("temperature"),
        Aggregate.MEAN));
    hub.rules().add(Rule.fromRelated(PIPE, "pressure", "hasSensor", Rule.Source.telemetry("pressure"),
        Aggregate.MEAN));
    hub.rules().add(Rule.fromRelated(PIPE, "flow", "hasSensor", Rule.Source.telemetry("flow"), Aggregate.MEAN));

    // The cooling valves: a simulated device moves to the requested opening and says where it is.
    Devices devices = Devices.builder(twins).commandTimeout(Duration.ofSeconds(5)).build();
    devices.handle(VALVE, "setOpening", call -> {
      double percent = Math.max(0, Math.min(100, call.request().orElseThrow().asDouble()));
      twins.set(call.twinId(), "opening", percent);
      return CompletableFuture.completedFuture(CommandReply.ok(percent));
    });

    List<LogLine> log = new ArrayList<>();
    for (Object[] r : REACTORS) {
      String id = (String) r[0];
      String n = id.substring(2);
      double limit = (Double) r[1];
      hub.onTwinThreshold("TT-" + n, "temperature", limit, (ThresholdCrossing c) -> {
        int minute = minute(c.epochMillis());
        twins.set(id, "alert", c.rising());
        log.add(new LogLine(minute, id, c.rising() ? "ALERT raised: above " + limit + " °C" : "alert cleared",
            c.value()));
        if (c.rising()) {
          CommandRecord sent = devices.invoke("CV-" + n, "setOpening", 100.0).toCompletableFuture().join();
          log.add(new LogLine(minute, id, "command CV-" + n + ".setOpening(100) -> " + sent.outcome()
              + " " + sent.status().orElse(0), c.value()));
        }
      });
      hub.onTwinThreshold("TT-" + n, "temperature", limit - CLOSE_MARGIN, (ThresholdCrossing c) -> {
        if (!c.rising() && twins.twin("CV-" + n).orElseThrow().number("opening").orElse(0) > IDLE_OPENING) {
          CommandRecord sent = devices.invoke("CV-" + n, "setOpening", IDLE_OPENING).toCompletableFuture().join();
          log.add(new LogLine(minute(c.epochMillis()), id, "command CV-" + n + ".setOpening("
              + (int) IDLE_OPENING + ") -> " + sent.outcome() + " " + sent.status().orElse(0), c.value()));
        }
      });
    }

    QueryEngine q = QueryEngine.of(twins);
    String dashboardQuery = "SELECT P.$dtId AS pipe, R.$dtId AS reactor, R.alert, P.temperature, P.pressure, P.flow "
        + "FROM DIGITALTWINS R JOIN P RELATED R.feeds "
        + "WHERE IS_OF_MODEL(R, '" + REACTOR + "') ORDER BY P.$dtId";
    QueryResult[] firstAlert = new QueryResult[1];
    int[] firstAlertMinute = {-1};
    Map<String, double[]> temperatures = simulate(twins, hub, minute -> {
      if (firstAlert[0] == null && !q.query("SELECT R.$dtId FROM DIGITALTWINS R WHERE IS_OF_MODEL(R, '" + REACTOR
          + "') AND R.alert = true").isEmpty()) {
        firstAlert[0] = q.query(dashboardQuery);
        firstAlertMinute[0] = minute;
      }
    });
    QueryResult dashboard = q.query(dashboardQuery);
    QueryResult alerting = q.query("SELECT R.$dtId AS reactor, R.temperature, R.temperatureLimit FROM DIGITALTWINS R "
        + "WHERE IS_OF_MODEL(R, '" + REACTOR + "') AND R.alert = true");
    return new Result(twins, hub, devices, List.copyOf(log), dashboard, alerting, temperatures, firstAlertMinute[0],
        firstAlert[0]);
  }

  private static int minute(long epochMillis) {
    return (int) ((epochMillis - START.toEpochMilli()) / 60_000);
  }

  /**
   * The plant's physics, minute by minute: while reacting a reactor heats by its rate, and its
   * cooling takes off 2.5 °C per minute at a fully open valve (proportionally less when less
   * open); the outlet pipe runs 4 °C cooler than its reactor, its pressure rises with temperature
   * and its flow with the valve's opening.
   */
  static Map<String, double[]> simulate(Twins twins, TelemetryHub hub, java.util.function.IntConsumer endOfMinute) {
    Map<String, double[]> out = new LinkedHashMap<>();
    Map<String, Double> temp = new LinkedHashMap<>();
    for (Object[] r : REACTORS) {
      temp.put((String) r[0], (Double) r[2]);
      out.put((String) r[0], new double[MINUTES]);
    }
    for (int minute = 0; minute < MINUTES; minute++) {
      long t = START.plusSeconds(60L * minute).toEpochMilli();
      for (Object[] r : REACTORS) {
        String id = (String) r[0];
        String n = id.substring(2);
        double opening = twins.twin("CV-" + n).orElseThrow().number("opening").orElseThrow();
        double reacting = minute < (Integer) r[4] ? (Double) r[3] : 0;
        double now = temp.get(id);
        if (minute > 0) {
          now = now + reacting - 2.5 * opening / 100.0 + 0.5 * IDLE_OPENING / 100.0;
          now = Math.round(now * 100) / 100.0;
          temp.put(id, now);
        }
        out.get(id)[minute] = now;
        hub.ingest("TT-" + n, "temperature", t, now);
        hub.ingest("TT-P" + n, "temperature", t, now - 4);
        hub.ingest("PT-P" + n, "pressure", t, Math.round((2.0 + 0.02 * (now - 140)) * 1000) / 1000.0);
        hub.ingest("FT-P" + n, "flow", t, 12.0 + 0.05 * opening);
      }
      endOfMinute.accept(minute);
    }
    hub.settle();
    return out;
  }

  static void print(Result r) {
    System.out.println("Plant: " + r.twins() + "; " + MINUTES + " minutes simulated from " + START + "\n");
    Table log = Table.of("Alert log: alerts raised and cleared by threshold watches, commands sent to the cooling valves",
        "time", "reactor", "°C", "event");
    for (LogLine l : r.log()) {
      log.row(START.plusSeconds(60L * l.minute()).toString().substring(11, 16), l.reactor(),
          Table.fmt(l.temperature(), 2), l.event());
    }
    System.out.println(log);
    System.out.println("Control room at " + START.plusSeconds(60L * r.firstAlertMinute()).toString().substring(11, 16)
        + ", the first minute with a reactor in alert (a query)\n" + r.dashboardInAlert() + "\n");
    System.out.println("Control room at the end\n" + r.dashboard() + "\n");
    System.out.println("Reactors in alert now: " + r.alerting() + "\n");
    Table cmds = Table.of("Command log of the cooling valves", "valve", "command", "request", "outcome", "status");
    for (Object[] x : REACTORS) {
      String valve = "CV-" + ((String) x[0]).substring(2);
      for (CommandRecord c : r.devices().commandLog(valve)) {
        cmds.row(valve, c.command(), c.request().map(Object::toString).orElse(""), c.outcome(),
            c.status().orElse(0));
      }
    }
    System.out.println(cmds);
  }
}
