package dev.twins.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.twins.query.QueryRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the reactor example against the same plant simulated here without the library: the
 * valves opened on every rise above the limit and closed 10 °C below it.
 */
class ReactorTest {
  private static Reactor.Result result;

  @BeforeAll
  static void run() {
    result = Reactor.run();
  }

  /** Expected events "minute reactor kind" where kind is raised, cleared, open or close. */
  private static List<String> expectedEvents() {
    List<String> events = new ArrayList<>();
    for (int minute = 0; minute < Reactor.MINUTES; minute++) {
      for (Object[] r : Reactor.REACTORS) {
        simulateStep(r, minute, events);
      }
    }
    return events;
  }

  private static final java.util.Map<String, double[]> STATE = new java.util.HashMap<>(); // temp, opening

  private static void simulateStep(Object[] r, int minute, List<String> events) {
    String id = (String) r[0];
    double limit = (Double) r[1];
    double[] s = STATE.computeIfAbsent(id, k -> new double[] {(Double) r[2], 20, (Double) r[2]});
    double before = minute == 0 ? Double.NaN : s[0];
    if (minute > 0) {
      double heat = minute < (Integer) r[4] ? (Double) r[3] : 0;
      s[0] = Math.round((s[0] + heat - 2.5 * s[1] / 100 + 0.1) * 100) / 100.0;
    }
    double now = s[0];
    boolean wasAbove = minute > 0 && before > limit;
    if (now > limit && !wasAbove) {
      events.add(minute + " " + id + " raised");
      events.add(minute + " " + id + " open");
      s[1] = 100;
    } else if (now <= limit && wasAbove) {
      events.add(minute + " " + id + " cleared");
    }
    if (minute > 0 && before > limit - 10 && now <= limit - 10 && s[1] > 20) {
      events.add(minute + " " + id + " close");
      s[1] = 20;
    }
  }

  private static String kind(Reactor.LogLine l) {
    return l.event().startsWith("ALERT") ? "raised" : l.event().startsWith("alert cleared") ? "cleared"
        : l.event().contains("(100)") ? "open" : "close";
  }

  @Test
  void alertsAndCommandsFollowTheTemperature() {
    STATE.clear();
    List<String> expected = expectedEvents();
    assertThat(result.log()).extracting(l -> l.minute() + " " + l.reactor() + " " + kind(l))
        .containsExactlyElementsOf(expected);
    assertThat(expected).anyMatch(e -> e.endsWith("raised")).anyMatch(e -> e.endsWith("close"));
    assertThat(result.log()).filteredOn(l -> l.event().startsWith("command"))
        .allMatch(l -> l.event().endsWith("SUCCEEDED 200"));
  }

  @Test
  void theDashboardShowsEachPipesTransmitters() {
    assertThat(result.dashboard().rows()).hasSize(3);
    for (QueryRow row : result.dashboard()) {
      String reactor = row.string("reactor").orElseThrow();
      double[] temps = result.temperatures().get(reactor);
      double last = temps[temps.length - 1];
      assertThat(row.string("pipe")).contains("P-" + reactor.substring(2));
      assertThat(row.number("temperature").orElseThrow()).isCloseTo(last - 4, within(1e-9));
      assertThat(row.number("pressure").orElseThrow()).isCloseTo(2.0 + 0.02 * (last - 140), within(1e-3));
      assertThat(row.number("flow").orElseThrow()).isCloseTo(12.0 + 0.05 * 20, within(1e-9));
    }
  }

  @Test
  void noReactorIsInAlertAtTheEndAndTheHistoryIsKept() {
    assertThat(result.dashboardInAlert().stream().filter(r -> r.bool("alert").orElseThrow()).map(r -> r.string("reactor").orElseThrow()))
        .containsExactly(result.log().get(0).reactor());
    assertThat(result.firstAlertMinute()).isEqualTo(result.log().get(0).minute());
    assertThat(result.alerting().rows()).isEmpty();
    assertThat(result.hub().series("TT-101", "temperature").orElseThrow().size()).isEqualTo(Reactor.MINUTES);
    assertThat(result.twins().twin("R-101").orElseThrow().number("temperature").orElseThrow())
        .isEqualTo(result.temperatures().get("R-101")[Reactor.MINUTES - 1]);
  }
}
