package dev.twins.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.device.Devices;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Content;
import dev.twins.core.model.Interface;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import dev.twins.core.series.Retention;
import dev.twins.core.series.SeriesStore;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.query.QueryEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a JShell user sees of the public types: short, bounded {@code toString()}s (counts and ids,
 * never a whole graph or model), whatever the size of what they hold.
 */
class ToStringBoundsTest {
  private static final int BOUND = 200;

  @Test
  void everyModelElementOfALargeOntologyPrintsShort() {
    Models models = ModelParser.parseFiles(Path.of(System.getProperty("twins.repo.dir", ".."),
        "data", "ontologies", "rec-building-v3"));
    List<Object> printed = new ArrayList<>();
    printed.add(models);
    for (Interface i : models.interfaces()) {
      printed.add(i);
      printed.add(i.info());
      for (Content c : i.contents().values()) {
        printed.add(c);
      }
    }
    assertThat(printed).hasSizeGreaterThan(5_000);
    assertThat(printed).allSatisfy(o -> assertThat(o.toString()).hasSizeLessThanOrEqualTo(BOUND));
  }

  @Test
  void graphsAndTheirServicesPrintCountsOnly() {
    Twins twins = Twins.demo();
    for (int i = 0; i < 2_000; i++) {
      twins.createTwin("extra-" + i, "dtmi:twins:demo:Sensor;1", Map.of());
    }
    SeriesStore store = SeriesStore.create();
    for (int i = 0; i < 10_000; i++) {
      store.doubles("room-101", "temperature").append(i, i);
    }
    List<Object> printed = List.of(twins, twins.snapshot(), twins.twin("room-101").orElseThrow(),
        twins.outgoing("floor-1").get(0), twins.indexes(), TelemetryHub.attach(twins), Devices.attach(twins),
        QueryEngine.of(twins), QueryEngine.of(twins).query("SELECT T.$dtId FROM DIGITALTWINS T"),
        store, store.doubles("room-101", "temperature"), Retention.ofCount(10),
        store.doubles("room-101", "temperature").stats(0, 10_000));
    for (Object o : printed) {
      assertThat(o.toString()).as(o.getClass().getName()).hasSizeLessThanOrEqualTo(2_000);
    }
    assertThat(twins.snapshot().toString()).hasSizeLessThanOrEqualTo(BOUND);
  }
}
