package dev.twins.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/** Every engine gives the portfolio's answers, before and after updates. */
class EnginesTest {
  private static final PeerPortfolio P = PeerPortfolio.generate(2_000, 42);
  // Cypher runs on the same database as the core API; its adapter is checked by every benchmark
  // trial, and left out here because each Neo4j database costs seconds to start.
  static final List<String> ENGINES = Engines.NAMES.stream().filter(n -> !n.equals("cypher")).toList();

  @ParameterizedTest
  @FieldSource("ENGINES")
  void givesThePortfoliosAnswersBeforeAndAfterUpdates(String name) {
    try (Engine e = Engines.create(name)) {
      e.load(P);
      assertThat(Engines.check(e, P, 50)).isGreaterThan(50);
      SplittableRandom random = new SplittableRandom(5);
      List<String> ids = new ArrayList<>();
      List<String> props = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (int k = 0; k < 200; k++) {
        int i = random.nextInt(P.twinCount());
        if (P.hotProperty(i) == null) continue;
        double v = P.nudge(i, random);
        e.update(P.id(i), P.hotProperty(i), v, e.prepare(P.hotProperty(i), v));
        ids.add(P.id(i));
        props.add(P.hotProperty(i));
        values.add(v);
      }
      int last = ids.size() - 1;
      assertThat(e.read(ids.get(last), props.get(last))).isEqualTo(values.get(last));
      String[] is = ids.toArray(String[]::new);
      String[] ps = props.toArray(String[]::new);
      double[] vs = values.stream().mapToDouble(Double::doubleValue).toArray();
      Object[] prepared = new Object[is.length];
      for (int k = 0; k < is.length; k++) prepared[k] = e.prepare(ps[k], vs[k] + 0.01);
      for (int k = 0; k < is.length; k++) vs[k] += 0.01;
      e.updateBatch(is, ps, vs, prepared, 0, is.length);
      assertThat(e.read(is[0], ps[0])).isEqualTo(vs[0]);
      assertThat(Engines.check(e, P, 50)).isGreaterThan(50);
    }
  }

  @Test
  void aWrongAnswerIsReportedWithTheEngineAndScope() {
    try (Engine e = Engines.create("jgrapht")) {
      e.load(P);
      int hot = -1;
      for (int i : P.indexesOf(PeerPortfolio.Kind.SENSOR)) if (P.hotValue(i) > 30 && "temperature".equals(P.propertyValues(i)[1])) hot = i;
      e.update(P.id(hot), "value", 20.0, null);
      // the sampled reads or the query from the sensor's building find it, whichever comes first
      assertThatThrownBy(() -> Engines.check(e, P, 10_000)).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("jgrapht ").hasMessageContaining(P.id(hot)).hasMessageContaining("expected");
    }
  }

  @Test
  void refusesAnUnknownEngine() {
    assertThatThrownBy(() -> Engines.create("orient")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown engine 'orient'");
  }
}
