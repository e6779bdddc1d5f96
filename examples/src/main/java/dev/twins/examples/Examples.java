package dev.twins.examples;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one example by name: {@code java -jar examples/target/twins-examples.jar ranch} (or
 * {@code bin/example ranch}).
 */
public final class Examples {
  private static final Map<String, Consumer<String[]>> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put("ranch", Ranch::main);
    EXAMPLES.put("building", Building::main);
    EXAMPLES.put("engines", Engines::main);
    EXAMPLES.put("reactor", Reactor::main);
    EXAMPLES.put("adt", AdtMigration::main);
  }

  private Examples() {}

  /**
   * Runs the example named by the first argument.
   *
   * @param args the example's name, then its own arguments
   */
  public static void main(String[] args) {
    if (args.length == 0 || !EXAMPLES.containsKey(args[0])) {
      System.err.println("usage: example NAME, where NAME is one of " + String.join(", ", EXAMPLES.keySet()));
      System.exit(2);
      return;
    }
    EXAMPLES.get(args[0]).accept(Arrays.copyOfRange(args, 1, args.length));
  }
}
