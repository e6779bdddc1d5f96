package dev.twins.core.adt;

import dev.twins.core.model.ModelSource;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Collects what a reader delivers, and the order of the calls. */
final class Recorder implements AdtRecordHandler {
  final List<String> calls = new ArrayList<>();
  final List<FileHeader> headers = new ArrayList<>();
  final List<List<ModelSource>> modelCalls = new ArrayList<>();
  final List<TwinRecord> twins = new ArrayList<>();
  final List<RelationshipRecord> relationships = new ArrayList<>();
  final List<AdtFileError> errors = new ArrayList<>();

  static Recorder bulk(String text) {
    Recorder r = new Recorder();
    ReadSummary s = AdtFiles.readBulkImport("f.ndjson", new StringReader(text), r, ErrorPolicy.CONTINUE);
    r.check(s);
    return r;
  }

  static Recorder explorer(String text) {
    Recorder r = new Recorder();
    ReadSummary s = AdtFiles.readExplorer("f.json", text, r, ErrorPolicy.CONTINUE);
    r.check(s);
    return r;
  }

  /** The summary must agree with what the handler saw. */
  void check(ReadSummary s) {
    if (s.twins() != twins.size() || s.relationships() != relationships.size() || s.errors() != errors.size()
        || s.models() != models().size() || modelCalls.size() != 1) {
      throw new AssertionError("summary " + s + " disagrees with the handler: " + calls);
    }
  }

  List<ModelSource> models() {
    return modelCalls.isEmpty() ? List.of() : modelCalls.get(0);
  }

  /** Errors rendered as {@code line: message}. */
  List<String> errorLines() {
    List<String> out = new ArrayList<>();
    for (AdtFileError e : errors) out.add(e.line() + ": " + e.message());
    return out;
  }

  @Override
  public void header(FileHeader header) {
    calls.add("header");
    headers.add(header);
  }

  @Override
  public void models(List<ModelSource> models) {
    calls.add("models" + models.size());
    modelCalls.add(models);
  }

  @Override
  public void twin(TwinRecord twin) {
    calls.add("twin");
    twins.add(twin);
  }

  @Override
  public void relationship(RelationshipRecord relationship) {
    calls.add("rel");
    relationships.add(relationship);
  }

  @Override
  public void error(AdtFileError error) {
    calls.add("error" + error.line());
    errors.add(error);
  }
}
