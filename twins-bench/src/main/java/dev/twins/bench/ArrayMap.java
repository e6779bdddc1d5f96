package dev.twins.bench;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** A small, unmodifiable, ordered map over shared keys and one twin's values, for loading twins. */
public final class ArrayMap extends AbstractMap<String, Object> {
  private final String[] keys;
  private final Object[] values;

  /**
   * @param keys the property names, shared between twins of one kind
   * @param values one twin's values, in the order of the keys
   */
  public ArrayMap(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  @Override
  public Object get(Object key) {
    for (int i = 0; i < keys.length; i++) if (keys[i].equals(key)) return values[i];
    return null;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= keys.length) throw new NoSuchElementException();
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }
    };
  }
}
