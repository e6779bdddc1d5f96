package dev.twins.core.internal.graph;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.StringNode;

/**
 * How a twin snapshot keeps its values unboxed: one reference per value slot, plus one
 * {@code long[]} of the numbers.
 *
 * <p>A slot's reference is
 * <ul>
 *   <li>a {@link String}: a JSON string (a {@link StringNode} made on demand), the text shared
 *       through {@link #intern} when it is short;
 *   <li>a {@link Num}: a JSON number of the exact kind {@code int}, {@code long} or {@code
 *       double} ({@link IntNode}, {@link LongNode}, {@link DoubleNode}), whose value is in the
 *       numbers array at the marker's index (the double's raw bits for a double), so that an int
 *       stays an int and the JSON is written byte for byte as before;
 *   <li>any other {@link JsonNode} (objects, arrays, booleans, null, other number kinds) as it is.
 * </ul>
 * Both arrays are immutable once a twin holds them. The markers are shared constants, so telling a
 * slot's kind reads no memory of the twin beyond its reference.
 */
public final class PackedValues {
  /** Strings longer than this are not interned. */
  public static final int MAX_INTERNED_LENGTH = 64;
  /** At most this many distinct strings are interned (the table never shrinks). */
  public static final int MAX_INTERNED = 1 << 16;

  private static final ConcurrentHashMap<String, String> STRINGS = new ConcurrentHashMap<>();
  private static final AtomicInteger INTERNED = new AtomicInteger();
  private static final int SHARED_INDEXES = 64;
  private static final Num[][] NUMS = new Num[3][SHARED_INDEXES];

  static {
    for (int k = 0; k < 3; k++) for (int i = 0; i < SHARED_INDEXES; i++) NUMS[k][i] = new Num((byte) k, i);
  }

  private PackedValues() {}

  /** A slot holding a number: its JSON kind and its index in the twin's numbers array. */
  public static final class Num {
    /** An {@code int} ({@link IntNode}). */
    public static final byte INT = 0;
    /** A {@code long} ({@link LongNode}). */
    public static final byte LONG = 1;
    /** A {@code double} ({@link DoubleNode}), kept as its raw bits. */
    public static final byte DOUBLE = 2;

    private final byte kind;
    private final int index;

    private Num(byte kind, int index) {
      this.kind = kind;
      this.index = index;
    }

    /** @return {@link #INT}, {@link #LONG} or {@link #DOUBLE} */
    public byte kind() {
      return kind;
    }

    /** @return the index in the numbers array */
    public int index() {
      return index;
    }

    /** @return whether the number is an integer ({@code int} or {@code long}) */
    public boolean integral() {
      return kind != DOUBLE;
    }

    @Override
    public String toString() {
      return "Num[" + kind + ", " + index + "]";
    }
  }

  /**
   * @param kind a number kind
   * @param index an index in the numbers array
   * @return the marker (shared for small indexes)
   */
  public static Num num(byte kind, int index) {
    return index < SHARED_INDEXES ? NUMS[kind][index] : new Num(kind, index);
  }

  /**
   * Returns the shared instance of a short string, interning it when there is room.
   *
   * @param s a string
   * @return the shared instance equal to it, or {@code s}
   */
  public static String intern(String s) {
    if (s.length() > MAX_INTERNED_LENGTH) return s;
    String c = STRINGS.get(s);
    if (c != null) return c;
    if (INTERNED.get() >= MAX_INTERNED) return s;
    c = STRINGS.putIfAbsent(s, s);
    if (c != null) return c;
    INTERNED.incrementAndGet();
    return s;
  }

  /**
   * Looks a string up without interning it.
   *
   * @param s a string
   * @return the shared instance equal to it, or null when none is interned
   */
  public static String canonical(String s) {
    return s.length() > MAX_INTERNED_LENGTH ? null : STRINGS.get(s);
  }

  /**
   * @param v a JSON value
   * @return the kind it is kept as in the numbers array, or -1 when it is kept as a reference
   */
  public static int numberKind(JsonNode v) {
    Class<?> c = v.getClass();
    if (c == DoubleNode.class) return Num.DOUBLE;
    if (c == IntNode.class) return Num.INT;
    if (c == LongNode.class) return Num.LONG;
    return -1;
  }

  /**
   * @param v a number of {@link #numberKind} {@code kind}
   * @param kind its kind
   * @return what the numbers array keeps of it
   */
  public static long bits(JsonNode v, int kind) {
    return kind == Num.DOUBLE ? Double.doubleToRawLongBits(v.doubleValue()) : v.longValue();
  }

  /**
   * @param v a JSON value that is not a number kept unboxed
   * @return the slot reference of it
   */
  public static Object ref(JsonNode v) {
    return v.getClass() == StringNode.class ? intern(v.stringValue()) : v;
  }

  /**
   * @param values JSON values by slot
   * @return how many of them go to the numbers array
   */
  public static int countNumbers(JsonNode[] values) {
    int k = 0;
    for (JsonNode v : values) if (numberKind(v) >= 0) k++;
    return k;
  }

  /**
   * Fills a twin's references from JSON values.
   *
   * @param values the values by slot
   * @param refs the references to fill, as long as {@code values}
   * @param nums the numbers array, {@link #countNumbers} long (null when none)
   */
  public static void pack(JsonNode[] values, Object[] refs, long[] nums) {
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      JsonNode v = values[i];
      int kind = numberKind(v);
      if (kind < 0) {
        refs[i] = ref(v);
      } else {
        nums[k] = bits(v, kind);
        refs[i] = num((byte) kind, k++);
      }
    }
  }

  /**
   * Makes the JSON value of a slot.
   *
   * @param ref the slot's reference
   * @param nums the twin's numbers
   * @return the value: a new node for a string or number, the node itself otherwise
   */
  public static JsonNode node(Object ref, long[] nums) {
    if (ref instanceof String) return StringNode.valueOf((String) ref);
    if (ref instanceof Num) {
      Num n = (Num) ref;
      long b = nums[n.index];
      switch (n.kind) {
        case Num.INT: return IntNode.valueOf((int) b);
        case Num.LONG: return LongNode.valueOf(b);
        default: return DoubleNode.valueOf(Double.longBitsToDouble(b));
      }
    }
    return (JsonNode) ref;
  }

  /**
   * Whether two slots hold equal values, as their nodes would compare.
   *
   * @param a a reference
   * @param an its twin's numbers
   * @param b another reference
   * @param bn its twin's numbers
   * @return whether the values are equal
   */
  public static boolean equal(Object a, long[] an, Object b, long[] bn) {
    if (a instanceof Num && b instanceof Num) {
      Num x = (Num) a;
      Num y = (Num) b;
      if (x.kind == y.kind) {
        long p = an[x.index];
        long q = bn[y.index];
        if (x.kind != Num.DOUBLE) return p == q;
        return Double.compare(Double.longBitsToDouble(p), Double.longBitsToDouble(q)) == 0;
      }
    } else if (a instanceof String && b instanceof String) {
      return a.equals(b);
    }
    return node(a, an).equals(node(b, bn));
  }
}
