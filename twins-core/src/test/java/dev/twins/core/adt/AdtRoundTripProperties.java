package dev.twins.core.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any twins and relationships, whatever characters their ids and values hold (line breaks,
 * {@code \r}, U+2028, a byte order mark, quotes, surrogate pairs), survive writing and reading
 * in both formats.
 */
class AdtRoundTripProperties {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars('a', 'Z', ' ', '"', '\\', '\n', '\r', '\t', '\u2028', '\uFEFF', '$', '{', '}')
        .withCharRange('\u00e0', '\u00ff').withChars("\uD83D\uDE00".toCharArray()).ofMinLength(1).ofMaxLength(12);
  }

  @Provide
  Arbitrary<List<String>> idLists() {
    return texts().list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 200)
  void twinsAndRelationshipsSurviveBothFormats(@ForAll("idLists") List<String> ids, @ForAll("texts") String value,
      @ForAll boolean pretty) {
    List<ObjectNode> twins = new ArrayList<>();
    List<ObjectNode> rels = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      ObjectNode t = JSON.createObjectNode().put("$dtId", ids.get(i) + i);
      t.putObject("$metadata").put("$model", "dtmi:ex:A;1");
      t.put(value, i).putObject("c").put("v", value).putObject("$metadata");
      twins.add(t);
      rels.add(JSON.createObjectNode().put("$relationshipId", value + i).put("$sourceId", ids.get(i) + i)
          .put("$targetId", ids.get(0) + 0).put("$relationshipName", "r").put("p", value));
    }
    StringWriter bulk = new StringWriter();
    try (AdtWriter w = AdtFiles.bulkImportWriter(bulk)) {
      w.twins(twins).relationships(rels);
    }
    Recorder b = Recorder.bulk(bulk.toString());
    assertThat(b.errors).isEmpty();
    assertThat(AdtWriterTest.json(b.twins)).isEqualTo(twins);
    assertThat(AdtWriterTest.rels(b.relationships)).isEqualTo(rels);
    assertThat(b.twins.get(b.twins.size() - 1).line()).isEqualTo(3 + twins.size());

    StringWriter explorer = new StringWriter();
    try (AdtWriter w = AdtFiles.explorerWriter(explorer, pretty)) {
      w.twins(twins).relationships(rels);
    }
    Recorder e = Recorder.explorer(explorer.toString());
    assertThat(e.errors).isEmpty();
    assertThat(AdtWriterTest.json(e.twins)).isEqualTo(twins);
    assertThat(AdtWriterTest.rels(e.relationships)).isEqualTo(rels);
  }
}
