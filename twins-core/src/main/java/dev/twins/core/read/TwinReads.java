package dev.twins.core.read;

import dev.twins.core.graph.Twin;
import dev.twins.core.internal.graph.GraphStore;
import dev.twins.core.internal.graph.PackedValues;
import dev.twins.core.internal.graph.TwinAccess;
import dev.twins.core.internal.graph.TwinShape;
import tools.jackson.databind.JsonNode;

/**
 * Reads a top-level property of a twin snapshot as the snapshot keeps it (see {@link
 * PackedValues}): a string or a number without making its JSON node, anything else as its node.
 *
 * <p>A read is in two steps, so that a batch can first load every row's slot and then compare:
 * {@link #ref} gives the slot's reference (null when the property is not set), and {@link
 * #isString}, {@link #isNumber}, {@link #isIntegral}, {@link #longValue}, {@link #doubleValue} and
 * {@link #node} interpret it. Both steps read the one snapshot given, so a filter and a projection
 * of the same row see the same version of the twin.
 */
public final class TwinReads {
  private static final TwinAccess.Hooks HOOKS = TwinAccess.get();

  private TwinReads() {}

  /**
   * @param t a twin snapshot
   * @param name a top-level property or component name (no {@code /})
   * @return the slot's reference, or null when the property is not set
   */
  public static Object ref(Twin t, String name) {
    int i = HOOKS.shape(t).slot(name);
    return i < 0 ? null : HOOKS.refs(t)[i];
  }

  /**
   * The layout of a twin's values, shared by the twins of one model written the same way: a
   * batch looks a name's slot up once per layout ({@link #slot}) and reads each twin's slot
   * ({@link #ref(Twin, int)}).
   *
   * @param t a twin snapshot
   * @return its layout (an opaque object, compared by identity)
   */
  public static Object layout(Twin t) {
    return HOOKS.shape(t);
  }

  /**
   * @param layout a layout from {@link #layout}
   * @param name a top-level property or component name (no {@code /})
   * @return its slot in twins of that layout, or -1 when they do not have the property set
   */
  public static int slot(Object layout, String name) {
    return ((TwinShape) layout).slot(name);
  }

  /**
   * The slot references of a twin, for a batch that first loads every twin and then reads their
   * slots ({@link #ref(Object[], int)}).
   *
   * @param t a twin snapshot
   * @return its slot references (opaque; never to be changed)
   */
  public static Object[] refs(Twin t) {
    return HOOKS.refs(t);
  }

  /**
   * @param refs the slot references of a twin, from {@link #refs}
   * @param slot a slot of its {@link #layout}, not -1
   * @return the slot's reference
   */
  public static Object ref(Object[] refs, int slot) {
    return refs[slot];
  }

  /**
   * @param t a twin snapshot
   * @param slot a slot of its {@link #layout}, not -1
   * @return the slot's reference
   */
  public static Object ref(Twin t, int slot) {
    return HOOKS.refs(t)[slot];
  }

  /**
   * @param ref a slot's reference
   * @return whether it is a string, which the reference then is
   */
  public static boolean isString(Object ref) {
    return ref instanceof String;
  }

  /**
   * @param ref a slot's reference
   * @return whether it is a number kept unboxed (an {@code int}, {@code long} or {@code double})
   */
  public static boolean isNumber(Object ref) {
    return ref instanceof PackedValues.Num;
  }

  /**
   * @param ref a slot's reference of which {@link #isNumber} holds
   * @return whether the number is an {@code int} or {@code long}
   */
  public static boolean isIntegral(Object ref) {
    return ((PackedValues.Num) ref).integral();
  }

  /**
   * @param t the twin the reference was read from
   * @param ref a slot's reference of an integral number
   * @return its value
   */
  public static long longValue(Twin t, Object ref) {
    return HOOKS.nums(t)[((PackedValues.Num) ref).index()];
  }

  /**
   * @param t the twin the reference was read from
   * @param ref a slot's reference of a number
   * @return the number as the twin keeps it: the value of an integer, the raw bits of a double
   */
  public static long bits(Twin t, Object ref) {
    return HOOKS.nums(t)[((PackedValues.Num) ref).index()];
  }

  /**
   * @param t the twin the reference was read from
   * @param ref a slot's reference of a number
   * @return its value as a double
   */
  public static double doubleValue(Twin t, Object ref) {
    PackedValues.Num n = (PackedValues.Num) ref;
    long b = HOOKS.nums(t)[n.index()];
    return n.integral() ? (double) b : Double.longBitsToDouble(b);
  }

  /**
   * @param t the twin the reference was read from
   * @param ref a slot's reference (not null)
   * @return its JSON value (made for a string or number; not to be changed)
   */
  public static JsonNode node(Twin t, Object ref) {
    return PackedValues.node(ref, HOOKS.nums(t));
  }

  /** Receives the twins a batch visit finds. */
  @FunctionalInterface
  public interface OtherVisitor {
    /**
     * @param row the index of the twin (in the array given) this one was found from
     * @param other the twin at the other end of a relationship
     */
    void visit(int row, Twin other);
  }

  /**
   * Visits the twins at the other ends of the relationships of one name of many twins, row by
   * row in order and, within a row, in the order of {@link
   * dev.twins.core.graph.Twins#forEachOutgoingTarget}: the same twins as that visit of each row in
   * turn, found a phase at a time over all rows so that their memory reads overlap.
   *
   * @param twins the graph
   * @param from snapshots of the twins to start from
   * @param n how many of {@code from}
   * @param name the Relationship name
   * @param outgoing outgoing relationships (to their targets) or incoming (to their sources)
   * @param visitor called with each twin found
   */
  public static void forEachOther(dev.twins.core.graph.Twins twins, Twin[] from, int n, String name,
      boolean outgoing, OtherVisitor visitor) {
    GraphStore.Others o = TwinAccess.store(twins).others(from, n, name, outgoing);
    for (int i = 0, size = o.size(); i < size; i++) {
      Twin t = o.twin(i);
      if (t != null) visitor.visit(o.row(i), t);
    }
  }

  /**
   * The shared instance of a string as the snapshots keep it, for a comparison by identity: two
   * strings of snapshots equal to it are this very instance when it is not null.
   *
   * @param s a string, such as a query literal
   * @return its shared instance, or null when no snapshot's string is interned as it
   */
  public static String canonical(String s) {
    return PackedValues.canonical(s);
  }
}
