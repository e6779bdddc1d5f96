package dev.twins.persistence.internal;

import dev.twins.core.model.Dtmi;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Shares the values that repeat across the records a thread decodes — model DTMIs, relationship
 * names, the source twin of consecutive relationships, short string values — so that a store
 * opened from millions of records holds one copy of each instead of one per record (less memory,
 * less to copy for the garbage collector). Per thread; bounded: a table that fills up is cleared.
 */
final class Interner {
  private static final ThreadLocal<Interner> LOCAL = ThreadLocal.withInitial(Interner::new);
  private static final int MAX = 4096;
  private static final int SHORT = 24;

  private final HashMap<String, String> strings = new HashMap<>();
  private final HashMap<String, Dtmi> dtmis = new HashMap<>();
  private final HashMap<String, JsonNode> texts = new HashMap<>();
  private String lastSource = "";

  private Interner() {}

  /** @return this thread's interner */
  static Interner get() {
    return LOCAL.get();
  }

  private static <V> V bounded(Map<String, V> m, String key, V value) {
    if (m.size() >= MAX) m.clear();
    m.put(key, value);
    return value;
  }

  /** @param s a name that repeats (relationship names, metadata keys) @return the shared copy */
  String name(String s) {
    String x = strings.get(s);
    return x != null ? x : bounded(strings, s, s);
  }

  /** @param s a model id @return the shared DTMI */
  Dtmi dtmi(String s) {
    Dtmi d = dtmis.get(s);
    return d != null ? d : bounded(dtmis, s, Dtmi.of(s));
  }

  /** @param s a source twin id, often the previous relationship's @return the shared copy */
  String source(String s) {
    if (s.equals(lastSource)) return lastSource;
    lastSource = s;
    return s;
  }

  /** @param s a string value @return a shared (immutable) node for short values, else a new one */
  JsonNode text(String s) {
    if (s.length() > SHORT) return JsonNodeFactory.instance.stringNode(s);
    JsonNode n = texts.get(s);
    return n != null ? n : bounded(texts, s, JsonNodeFactory.instance.stringNode(s));
  }
}
