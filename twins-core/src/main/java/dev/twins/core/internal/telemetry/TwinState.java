package dev.twins.core.internal.telemetry;

import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Telemetry;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The telemetry of one twin: a slot per Telemetry its model (and its components) declares, and the
 * message ids seen recently. Its monitor guards every slot and the ids.
 */
final class TwinState {
  final String id;
  final Interface model;
  private final Map<String, Slot> slots;

  private final HashMap<String, Long> ids = new HashMap<>();
  private final ArrayDeque<String> idOrder = new ArrayDeque<>();
  private long newestIdTime = Long.MIN_VALUE;

  TwinState(HubCore core, String id, Interface model) {
    this.id = id;
    this.model = model;
    Map<String, Slot> s = new HashMap<>();
    for (Content c : model.contents().values()) {
      if (c instanceof Telemetry t) {
        s.put(t.name(), new Slot(core, this, null, t, s.size()));
      } else if (c instanceof Component comp) {
        for (Content cc : comp.schema().contents().values()) {
          if (cc instanceof Telemetry t) {
            s.put(comp.name() + "/" + t.name(), new Slot(core, this, comp.name(), t, s.size()));
          }
        }
      }
    }
    this.slots = s;
  }

  /**
   * Marks every slot retired (the twin was deleted or moved to another model): they take no more
   * readings. Never blocks, since the graph calls it while it commits.
   */
  void retire() {
    for (Slot s : slots.values()) s.retired = true;
  }

  Slot slot(String key) {
    return slots.get(key);
  }

  Collection<Slot> slots() {
    return slots.values();
  }

  /** Called under the monitor: whether the id was seen within the window. */
  boolean seen(String messageId) {
    return ids.containsKey(messageId);
  }

  /** Called under the monitor: remembers an id and forgets those out of the window or over capacity. */
  void remember(String messageId, long time, long windowMillis, int capacity) {
    if (ids.put(messageId, time) == null) idOrder.addLast(messageId);
    if (time > newestIdTime) newestIdTime = time;
    long horizon = newestIdTime - windowMillis;
    while (!idOrder.isEmpty()) {
      String head = idOrder.peekFirst();
      Long t = ids.get(head);
      if (idOrder.size() > capacity || t == null || t < horizon) {
        idOrder.pollFirst();
        ids.remove(head);
      } else {
        break;
      }
    }
  }

  /** Called under the monitor: the ids remembered, oldest first, or null if none. */
  dev.twins.core.telemetry.RecentMessageIds recentIds() {
    if (idOrder.isEmpty()) return null;
    java.util.List<dev.twins.core.telemetry.RecentMessageIds.Entry> out = new java.util.ArrayList<>(idOrder.size());
    for (String id : idOrder) {
      Long t = ids.get(id);
      if (t != null) out.add(new dev.twins.core.telemetry.RecentMessageIds.Entry(id, t));
    }
    return new dev.twins.core.telemetry.RecentMessageIds(this.id, newestIdTime, out);
  }

  /** Called under the monitor: replaces the remembered ids. */
  void restoreIds(dev.twins.core.telemetry.RecentMessageIds r) {
    ids.clear();
    idOrder.clear();
    for (dev.twins.core.telemetry.RecentMessageIds.Entry e : r.ids()) {
      if (ids.put(e.messageId(), e.epochMillis()) == null) idOrder.addLast(e.messageId());
    }
    newestIdTime = r.newestEpochMillis();
  }
}
