package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.query.internal.Values;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Duration literals read by the query engine mean what the JDK's ISO-8601 parsers say. */
class DurationProperties {
  @Provide
  Arbitrary<String> durations() {
    Arbitrary<String> part = Arbitraries.of("", "0", "1", "7", "12", "59", "90", "123456789", "1234567890", "-1", "1.5");
    Arbitrary<String> unit = Arbitraries.of("D", "H", "M", "S", "W", "Y", "d", "h", "T", "");
    Arbitrary<String> piece = net.jqwik.api.Combinators.combine(part, unit).as((p, u) -> p + u);
    Arbitrary<String> prefix = Arbitraries.of("P", "PT", "p", "pt", "-P", "", "P1DT", "T");
    return net.jqwik.api.Combinators.combine(prefix, piece.list().ofMaxSize(4)).as((p, l) -> p + String.join("", l));
  }

  @Property(tries = 3000)
  void readAsTheJdkDoes(@ForAll("durations") String text) {
    assertThat(Values.duration(text)).as(text).isEqualTo(reference(text));
  }

  /** The JDK's Duration, or a Period of whole days. */
  private static Duration reference(String s) {
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      try {
        Period p = Period.parse(s);
        if (p.getYears() != 0 || p.getMonths() != 0) return null;
        return Duration.ofDays(p.getDays());
      } catch (DateTimeParseException | ArithmeticException e2) {
        return null;
      }
    }
  }
}
