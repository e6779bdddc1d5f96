package dev.twins.core.internal.telemetry;

import dev.twins.core.model.Dtmi;
import dev.twins.core.telemetry.ThresholdCrossing;

/** Threshold watches: a watch per subscription, a state per slot it applies to. */
final class Watches {
  private Watches() {}

  /** A watch: twins of a model (or one twin), one telemetry, one threshold. */
  record Watch(Dtmi model, String twinId, String key, double threshold, Sub<ThresholdCrossing> sub) {
    boolean appliesTo(HubCore core, TwinState t, String slotKey) {
      if (!key.equals(slotKey)) return false;
      if (twinId != null) return twinId.equals(t.id);
      return core.models().isOfModel(t.model.id(), model);
    }
  }

  /** Whether the newest value of one slot is above the watch's threshold. */
  static final class State {
    final Watch watch;
    boolean above;

    State(Watch watch) {
      this.watch = watch;
    }

    void observe(String twinId, String key, long t, double v) {
      boolean now = v > watch.threshold();
      if (now != above) {
        above = now;
        watch.sub().deliver(new ThresholdCrossing(twinId, key, watch.threshold(), now, t, v));
      }
    }
  }
}
