package dev.twins.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.persistence.TwinStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reopening side of {@link ReopenAfterCrash} on a small portfolio: the engines wrapped around
 * a reopened store or a reloaded TinkerGraph file give the portfolio's answers. (The crash itself,
 * a killed child JVM, is exercised by running the workload.)
 */
class ReopenAfterCrashTest {
  private static final PeerPortfolio P = PeerPortfolio.generate(2_000, 42);

  @Test
  void aReopenedTwinStoreGivesThePortfoliosAnswersByHandAndInTheQueryLanguage(@TempDir Path dir) {
    try (TwinStore store = TwinStore.builder(dir).models(PeerPortfolio.models()).open()) {
      store.batch(() -> TwinsEngine.loadInto(store.twins(), P));
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.recovery().recordsReplayed()).isEqualTo(P.twinCount() + P.relationshipCount());
      assertThat(Engines.check(new TwinsEngine(store.twins()), P, 20)).isGreaterThan(20);
      assertThat(Engines.check(new TwinsQueryEngine(store.twins()), P, 20)).isGreaterThan(20);
    }
  }

  @Test
  void tinkerGraphWritesItsFileOnCloseOnlyAndReadsItBackOnOpen(@TempDir Path dir) {
    TinkerGraphEngine writer = new TinkerGraphEngine(ReopenAfterCrash.tinkerGraphFile(dir));
    writer.load(P);
    assertThat(dir.resolve("graph.kryo")).doesNotExist();
    writer.graph.close();
    assertThat(dir.resolve("graph.kryo")).isRegularFile();
    TinkerGraphEngine reader = new TinkerGraphEngine(ReopenAfterCrash.tinkerGraphFile(dir));
    assertThat(Engines.check(reader, P, 20)).isGreaterThan(20);
    reader.close();
  }

  @Test
  void theEnginesMapToTheStoresTheyReopen() throws Exception {
    assertThat(ReopenAfterCrash.ENGINES).extracting(ReopenAfterCrash::kind)
        .containsExactly("twins", "twins", "neo4j", "neo4j", "tinkergraph");
    assertThatThrownBy(() -> ReopenAfterCrash.main(new String[] {"--engines", "jgrapht"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown engine 'jgrapht'");
    assertThat(Files.isDirectory(Neo4jEngine.parent())).isTrue();
  }
}
