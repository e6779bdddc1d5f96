package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.adt.ErrorPolicy;
import dev.twins.core.graph.Twins;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Export, import and export again gives the same bytes, for random graphs over the demo models. */
class ExportImportProperties {
  /** One random twin: kind 0 building, 1 floor, 2 room, 3 sensor; and its values. */
  record Spec(int kind, String text, int number, double real, boolean flag, boolean withOptional) {}

  @Provide
  Arbitrary<List<Spec>> graphs() {
    Arbitrary<Spec> spec = Combinators.combine(Arbitraries.integers().between(0, 3),
        Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withChars('"', '\\', '\n').ofMaxLength(12), Arbitraries.integers(),
        Arbitraries.doubles().between(-1e12, 1e12).withSpecialValue(0.0).withSpecialValue(1e-9),
        Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Spec::new);
    return spec.list().ofMaxSize(25);
  }

  @Property(tries = 25)
  void exportImportExportIsByteStable(@ForAll("graphs") List<Spec> specs, @ForAll long seed) throws IOException {
    Twins g = Twins.create(Graphs.MODELS);
    Map<Integer, List<String>> byKind = new HashMap<>();
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      String id = "t" + i + (s.text().isEmpty() ? "" : "-" + Integer.toHexString(s.text().hashCode()));
      switch (s.kind()) {
        case 0:
          g.createTwin(id, "dtmi:twins:demo:Building;1", s.withOptional() ? Map.of("name", s.text()) : Map.of());
          break;
        case 1:
          g.createTwin(id, Graphs.FLOOR, Map.of("level", s.number()));
          break;
        case 2:
          g.createTwin(id, Graphs.ROOM, s.withOptional() ? Map.of("temperature", s.real(), "occupied", s.flag())
              : Map.of("area", s.real()));
          break;
        default:
          g.createTwin(id, "dtmi:twins:demo:Sensor;1", Map.of("kind", s.text()));
      }
      byKind.computeIfAbsent(s.kind(), k -> new java.util.ArrayList<>()).add(id);
      // relate to an earlier twin of the parent kind, if any
      List<String> parents = byKind.get(s.kind() - 1);
      if (s.kind() > 0 && parents != null) {
        String parent = parents.get(random.nextInt(parents.size()));
        String name = s.kind() == 1 ? "hasFloor" : s.kind() == 2 ? "hasRoom" : null;
        if (s.kind() == 3) continue;
        g.relate(parent, "r-" + i, name, id);
      }
      if (s.kind() == 3 && byKind.get(2) != null) {
        List<String> rooms = byKind.get(2);
        g.relate(rooms.get(random.nextInt(rooms.size())), "s-" + i, "hasSensor", id);
      }
    }
    String first = export(g);
    Path dir = Files.createTempDirectory("twins-roundtrip");
    try {
      Path file = dir.resolve("graph.ndjson");
      Files.writeString(file, first, StandardCharsets.UTF_8);
      try (TwinStore store = TwinStore.builder(dir.resolve("store")).durability(Durability.os()).snapshotEvery(0).open()) {
        ImportSummary s = GraphFiles.importFiles(store, List.of(file), ErrorPolicy.STOP);
        assertThat(s.twinsCreated()).isEqualTo(specs.size());
        String second = export(store.twins());
        assertThat(second).isEqualTo(first);
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String export(Twins t) {
    StringWriter w = new StringWriter();
    GraphFiles.export(t, ExportFormat.NDJSON, w);
    return w.toString();
  }
}
