package dev.twins.persistence.internal;

import dev.twins.core.series.BooleanCursor;
import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleCursor;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.GeoCursor;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.Series;
import dev.twins.core.series.StringCursor;
import dev.twins.core.series.StringSeries;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.core.telemetry.TelemetryMessage;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The samples of one telemetry series in a snapshot ({@link RecordTypes#SERIES_SAMPLES}, version
 * 1): twin id, telemetry name ({@code component/name} for a component's), kind (0 double, 1
 * boolean, 2 string, 3 point), sample count, then per sample the time as a zigzag varint delta
 * from the previous one and the value (8-byte IEEE double; one byte; a string; two doubles, lon
 * then lat). Restored by ingesting the samples again, in time order.
 */
public final class SeriesCodec {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SeriesCodec() {}

  /**
   * Encodes a series.
   *
   * @param twinId the twin
   * @param name the telemetry name
   * @param s the series
   * @param out where to
   */
  public static void encode(String twinId, String name, Series s, Bytes out) {
    out.string(twinId);
    out.string(name);
    long prev = 0;
    if (s instanceof DoubleSeries) {
      out.u8(0);
      DoubleCursor c = ((DoubleSeries) s).scan(Long.MIN_VALUE, Long.MAX_VALUE);
      out.varLong(c.size());
      while (c.next()) {
        out.zigzag(c.time() - prev);
        prev = c.time();
        long bits = Double.doubleToRawLongBits(c.value());
        for (int i = 0; i < 8; i++) out.u8((int) (bits >>> (8 * i)));
      }
    } else if (s instanceof BooleanSeries) {
      out.u8(1);
      BooleanCursor c = ((BooleanSeries) s).scan(Long.MIN_VALUE, Long.MAX_VALUE);
      out.varLong(c.size());
      while (c.next()) {
        out.zigzag(c.time() - prev);
        prev = c.time();
        out.u8(c.value() ? 1 : 0);
      }
    } else if (s instanceof StringSeries) {
      out.u8(2);
      StringCursor c = ((StringSeries) s).scan(Long.MIN_VALUE, Long.MAX_VALUE);
      out.varLong(c.size());
      while (c.next()) {
        out.zigzag(c.time() - prev);
        prev = c.time();
        out.string(c.value());
      }
    } else {
      out.u8(3);
      GeoCursor c = ((GeoSeries) s).scan(Long.MIN_VALUE, Long.MAX_VALUE);
      out.varLong(c.size());
      while (c.next()) {
        out.zigzag(c.time() - prev);
        prev = c.time();
        putDouble(out, c.lon());
        putDouble(out, c.lat());
      }
    }
  }

  private static void putDouble(Bytes out, double d) {
    long bits = Double.doubleToRawLongBits(d);
    for (int i = 0; i < 8; i++) out.u8((int) (bits >>> (8 * i)));
  }

  private static double getDouble(Bytes.Reader r) {
    long bits = 0;
    for (int i = 0; i < 8; i++) bits |= (long) r.u8() << (8 * i);
    return Double.longBitsToDouble(bits);
  }

  /**
   * Restores a series by ingesting its samples into a hub.
   *
   * @param payload the record
   * @param hub the hub
   * @return the number of samples the hub did not accept
   */
  public static long restore(ByteBuffer payload, TelemetryHub hub) {
    Bytes.Reader r = new Bytes.Reader(payload);
    String twin = r.string();
    String name = r.string();
    int slash = name.indexOf('/');
    Optional<String> component = slash < 0 ? Optional.empty() : Optional.of(name.substring(0, slash));
    String telemetry = slash < 0 ? name : name.substring(slash + 1);
    int kind = r.u8();
    long n = r.varLong();
    long time = 0;
    long refused = 0;
    for (long i = 0; i < n; i++) {
      time += r.zigzag();
      JsonNode v;
      switch (kind) {
        case 0:
          v = NODES.numberNode(getDouble(r));
          break;
        case 1:
          v = NODES.booleanNode(r.u8() == 1);
          break;
        case 2:
          v = NODES.stringNode(r.string());
          break;
        case 3: {
          ObjectNode p = NODES.objectNode();
          p.put("type", "Point");
          double lon = getDouble(r);
          double lat = getDouble(r);
          p.putArray("coordinates").add(lon).add(lat);
          v = p;
          break;
        }
        default:
          throw new IllegalArgumentException("unknown series kind " + kind);
      }
      TelemetryMessage m = new TelemetryMessage(twin, component, time, Map.of(telemetry, v), Optional.empty());
      switch (hub.ingest(m)) {
        case ACCEPTED:
        case ACCEPTED_LATE:
          break;
        default:
          refused++;
      }
    }
    if (r.hasMore()) throw new IllegalArgumentException("unexpected bytes after the samples at " + r.position());
    return refused;
  }
}
