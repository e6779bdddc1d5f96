package dev.twins.core.internal.dtdl;

import dev.twins.core.model.DtdlVersion;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.ElementInfo;
import dev.twins.core.model.Field;
import dev.twins.core.model.ObjectSchema;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schemas that extension contexts add as terms, such as the IoT Central {@code vector} (an object
 * with {@code x}, {@code y}, {@code z}) and {@code geopoint} ({@code lat}, {@code lon},
 * {@code alt}).
 */
final class ExtraSchemas {
  private ExtraSchemas() {}

  static Schema of(String term, DtdlVersion version) {
    switch (term) {
      case "vector":
        return doubles(term, version, "x", "y", "z");
      case "geopoint":
        return doubles(term, version, "lat", "lon", "alt");
      default:
        return new ObjectSchema(ElementInfo.of(id(term, version)), List.of());
    }
  }

  private static Schema doubles(String term, DtdlVersion version, String... names) {
    Dtmi id = id(term, version);
    List<Field> fields = new ArrayList<>();
    for (String n : names) {
      fields.add(new Field(ElementInfo.of(Dtmi.of(id.unversioned() + ":_fields:__" + n + ";" + version.number())), n,
          PrimitiveSchema.DOUBLE, Optional.empty()));
    }
    return new ObjectSchema(ElementInfo.of(id), fields);
  }

  private static Dtmi id(String term, DtdlVersion version) {
    return Dtmi.of("dtmi:iotcentral:schema:" + term + ";" + version.number());
  }
}
