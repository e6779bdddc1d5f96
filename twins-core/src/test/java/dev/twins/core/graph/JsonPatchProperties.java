package dev.twins.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.JsonPatch.Op;
import dev.twins.core.graph.JsonPatch.Operation;
import dev.twins.core.internal.graph.RandomJson;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Printing and reading a patch gives the patch back, whatever numbers it holds. */
class JsonPatchProperties {

  @Property(tries = 1000)
  void parsingThePrintedPatchGivesItBack(@ForAll("patches") JsonPatch patch) {
    JsonPatch reparsed = JsonPatch.parse(patch.toString());

    assertThat(reparsed).isEqualTo(patch).hasSameHashCodeAs(patch);
    assertThat(reparsed.toString()).isEqualTo(patch.toString());
    assertThat(JsonPatch.fromJson(patch.toJson())).isEqualTo(patch);
  }

  @Property(tries = 300)
  void operationsAreCanonicalSoRebuildingChangesNothing(@ForAll("patches") JsonPatch patch) {
    JsonPatch rebuilt = JsonPatch.of(patch.operations().stream()
        .map(op -> new Operation(op.op(), op.path(), op.value()))
        .toList());

    assertThat(rebuilt).isEqualTo(patch);
  }

  @Provide
  Arbitrary<JsonPatch> patches() {
    Arbitrary<Operation> operations = Combinators.combine(
            Arbitraries.of(Op.class), RandomJson.pointers(), RandomJson.exoticValues(2))
        .as((op, path, value) -> new Operation(op, path, op == Op.REMOVE ? Optional.empty() : Optional.of(value)));
    return operations.list().ofMaxSize(6).map((List<Operation> ops) -> JsonPatch.of(ops));
  }
}
