package dev.twins.query;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A function registered from Java and callable in queries by name, for example
 * {@code WHERE FAHRENHEIT(r.temperature) > 80}.
 *
 * <pre>{@code
 * QueryEngine engine = QueryEngine.builder(twins)
 *     .function("FAHRENHEIT", 1, 1, args -> Optional.of(DoubleNode.valueOf(args.get(0).asDouble() * 9 / 5 + 32)))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface QueryFunction {
  /**
   * Computes the function.
   *
   * @param args the arguments as JSON; a missing value is a {@code MissingNode}, a twin or
   *     relationship its JSON document
   * @return the result, or empty for no value (left out of rows; conditions on it are not true)
   */
  Optional<JsonNode> apply(List<JsonNode> args);
}
