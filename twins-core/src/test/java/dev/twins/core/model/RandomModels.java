package dev.twins.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates random valid model sets with {@link ModelBuilder}: Interfaces with random names,
 * contents of every kind, complex schemas nested up to three levels, {@code extends} without
 * cycles, components whose Interfaces have no components, semantic types with units, and
 * relationships with targets. Everything is decided by one {@link Random}, so a seed replays a set.
 */
final class RandomModels {
  /** Semantic type, then units of its unit type; valid in DTDL v2 and in v3 with QuantitativeTypes. */
  private static final String[][] QUANTITIES_V2 = {
    {"Temperature", "degreeCelsius", "degreeFahrenheit", "kelvin"},
    {"Pressure", "pascal", "kilopascal", "bar"},
    {"RelativeHumidity", "percent", "unity"},
    {"TimeSpan", "second", "hour", "day"},
    {"Mass", "kilogram", "gram"},
    {"Velocity", "metrePerSecond", "knot"},
    {"Voltage", "volt"},
    {"Power", "watt", "kilowatt"},
  };
  /** Semantic types only the v3 QuantitativeTypes extension has. */
  private static final String[][] QUANTITIES_V3 = {
    {"Humidity", "gramPerCubicMetre", "kilogramPerCubicMetre"},
    {"Length", "metre", "millimetre"},
    {"Concentration", "partsPerMillion"},
  };
  private static final SchemaSpec[] NUMERIC = {Schemas.DOUBLE, Schemas.FLOAT, Schemas.INTEGER, Schemas.LONG};
  private static final SchemaSpec[] PRIMITIVE = {
    Schemas.BOOLEAN, Schemas.DATE, Schemas.DATE_TIME, Schemas.DOUBLE, Schemas.DURATION, Schemas.FLOAT, Schemas.INTEGER,
    Schemas.LONG, Schemas.STRING, Schemas.TIME};
  private static final SchemaSpec[] NUMERIC_V4 = {
    Schemas.of(PrimitiveSchema.BYTE), Schemas.of(PrimitiveSchema.SHORT), Schemas.of(PrimitiveSchema.DECIMAL),
    Schemas.of(PrimitiveSchema.UNSIGNED_BYTE), Schemas.of(PrimitiveSchema.UNSIGNED_SHORT),
    Schemas.of(PrimitiveSchema.UNSIGNED_INTEGER), Schemas.of(PrimitiveSchema.UNSIGNED_LONG)};
  private static final SchemaSpec[] PRIMITIVE_V4 = {
    Schemas.of(PrimitiveSchema.BYTE), Schemas.of(PrimitiveSchema.BYTES), Schemas.of(PrimitiveSchema.DECIMAL),
    Schemas.of(PrimitiveSchema.SHORT), Schemas.of(PrimitiveSchema.UNSIGNED_BYTE), Schemas.of(PrimitiveSchema.UUID)};
  private static final SchemaSpec[] GEO = {
    Schemas.POINT, Schemas.MULTI_POINT, Schemas.LINE_STRING, Schemas.MULTI_LINE_STRING, Schemas.POLYGON, Schemas.MULTI_POLYGON};
  private static final String[] LANGUAGES = {"de", "fr", "es", "it", "zh-Hans", "pt-BR", "sv"};
  private static final String TEXT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.,:;!?'\"\\/äöüéßΩ中€\t";

  /**
   * Whether the parser knows the semantic types used here; while the vocabulary tables are not
   * in place, the sets are generated without semantic types (and {@code ModelBuilderTest} fails).
   */
  static final boolean QUANTITIES_KNOWN = quantitiesKnown();

  private final Random random;
  private final DtdlVersion setVersion;
  /** The DTDL version of the Interface being generated. */
  private DtdlVersion version;
  /** Complex schemas given an explicit id in the Interface being generated, for references. */
  private final List<Entry> inlineIds = new ArrayList<>();
  private int counter;

  private static boolean quantitiesKnown() {
    try {
      ModelBuilder.create().define("dtmi:ex:Probe;1", p -> p.property("t", Schemas.DOUBLE, t -> t.quantity("Temperature", "kelvin")))
          .dtdlVersion(DtdlVersion.V2).build();
      ModelBuilder.create().define("dtmi:ex:Probe;1", p -> p.property("t", Schemas.DOUBLE,
          t -> t.quantity("Humidity", "gramPerCubicMetre").historized())).build();
      return true;
    } catch (ModelException e) {
      System.err.println("RandomModels: the parser does not know semantic types or Historized yet; generating without them");
      return false;
    }
  }

  /** A reusable schema of the Interface being generated. */
  private static final class Entry {
    final String id;
    final boolean propertySafe;

    Entry(String id, boolean propertySafe) {
      this.id = id;
      this.propertySafe = propertySafe;
    }
  }

  /** A schema being generated, and whether a DTDL v2 Property may use it (no Array, no geospatial). */
  private static final class Generated {
    final SchemaSpec spec;
    final boolean propertySafe;

    Generated(SchemaSpec spec, boolean propertySafe) {
      this.spec = spec;
      this.propertySafe = propertySafe;
    }
  }

  RandomModels(Random random, DtdlVersion version) {
    this.random = random;
    this.setVersion = version;
    this.version = version;
  }

  /**
   * Generates a model set. Interfaces are written in the set's DTDL version, some in an older
   * one; an Interface extends, and uses as components, only Interfaces defined before it in the
   * same or an older version, so there are no cycles.
   *
   * @param interfaces how many Interfaces, at least 1
   * @param maxContents the most contents per Interface
   * @return the builder holding the definitions
   */
  ModelBuilder generate(int interfaces, int maxContents) {
    ModelBuilder builder = ModelBuilder.create().dtdlVersion(setVersion);
    String prefix = "dtmi:" + segment() + ":" + segment();
    List<String> ids = new ArrayList<>();
    List<DtdlVersion> versions = new ArrayList<>();
    List<Boolean> leaf = new ArrayList<>();
    Set<String> usedNames = new HashSet<>();
    for (int k = 0; k < interfaces; k++) {
      version = random.nextInt(4) == 0 ? DtdlVersion.of(2 + random.nextInt(setVersion.number() - 1)) : setVersion;
      String id = prefix + ":I" + k + dtmiVersion();
      boolean isLeaf = random.nextInt(3) > 0;
      List<String> bases = new ArrayList<>();
      List<String> leaves = new ArrayList<>();
      List<String> targets = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        boolean usable = versions.get(j).number() <= version.number();
        if (leaf.get(j) && usable) leaves.add(ids.get(j));
        if (version != DtdlVersion.V2 || versions.get(j) == DtdlVersion.V2) targets.add(ids.get(j));
      }
      int extendsCount = random.nextInt(version == DtdlVersion.V2 ? 3 : 4);
      for (int e = 0; e < extendsCount && k > 0; e++) {
        int j = random.nextInt(k);
        boolean usable = versions.get(j).number() <= version.number();
        if (usable && (!isLeaf || leaf.get(j)) && !bases.contains(ids.get(j))) bases.add(ids.get(j));
      }
      int contents = random.nextInt(maxContents + 1);
      builder.define(id, i -> {
        if (version != setVersion) i.dtdlVersion(version);
        describe(i, version == DtdlVersion.V2 ? 64 : 200, false);
        if (!bases.isEmpty()) i.extendsFrom(bases.toArray(new String[0]));
        List<Entry> entries = new ArrayList<>();
        inlineIds.clear();
        int schemaEntries = random.nextInt(3);
        for (int s = 0; s < schemaEntries; s++) {
          Generated g = complex(2, version == DtdlVersion.V2 && random.nextBoolean(), false);
          String sid = id.replaceFirst("(;.*)?$", "") + ":schema" + s + dtmiVersion();
          i.schema(sid, g.spec);
          entries.add(new Entry(sid, g.propertySafe));
        }
        List<String> annotatable = new ArrayList<>();
        for (int c = 0; c < contents; c++) {
          String name = uniqueName(usedNames);
          switch (random.nextInt(leaves.isEmpty() || isLeaf ? 4 : 5)) {
            case 0: {
              boolean q = random.nextInt(4) == 0;
              boolean annotation = version != DtdlVersion.V2 && !annotatable.isEmpty() && random.nextInt(5) == 0;
              i.property(name, q ? numeric() : valueSchema(entries, true), p -> {
                if (random.nextBoolean()) p.writable();
                value(p, q, true);
                if (annotation) p.coType("ValueAnnotation").member("annotates", annotatable.get(random.nextInt(annotatable.size())));
              });
              annotatable.add(name);
              break;
            }
            case 1: {
              boolean q = random.nextInt(4) == 0;
              i.telemetry(name, q ? numeric() : valueSchema(entries, false), t -> value(t, q, true));
              annotatable.add(name);
              break;
            }
            case 2:
              i.command(name, cmd -> {
                describe(cmd, 60);
                boolean v3 = version != DtdlVersion.V2;
                if (random.nextBoolean()) {
                  boolean q = v3 && random.nextInt(4) == 0;
                  cmd.request(name(), q ? numeric() : valueSchema(entries, false), r -> payload(r, q));
                }
                if (random.nextBoolean()) {
                  boolean q = v3 && random.nextInt(4) == 0;
                  cmd.response(name(), q ? numeric() : valueSchema(entries, false), r -> payload(r, q));
                }
              });
              break;
            case 3:
              i.relationship(name, r -> {
                describe(r, 60);
                if (random.nextInt(4) > 0) {
                  r.target(random.nextInt(5) == 0 || targets.isEmpty() ? prefix + ":Elsewhere;1" : pick(targets.toArray(new String[0])));
                }
                if (random.nextBoolean()) r.maxMultiplicity(1 + random.nextInt(version == DtdlVersion.V2 ? 500 : 100000));
                if (random.nextInt(4) == 0) r.writable();
                int properties = random.nextInt(3);
                Set<String> names = new HashSet<>();
                for (int p = 0; p < properties; p++) {
                  boolean q = random.nextInt(4) == 0;
                  r.property(uniqueName(names), q ? numeric() : valueSchema(entries, true), rp -> {
                    if (random.nextBoolean()) rp.writable();
                    value(rp, q, true);
                  });
                }
              });
              break;
            default:
              i.component(name, pick(leaves.toArray(new String[0])), comp -> describe(comp, 60));
              break;
          }
        }
      });
      ids.add(id);
      versions.add(version);
      leaf.add(isLeaf);
    }
    version = setVersion;
    return builder;
  }

  private SchemaSpec numeric() {
    if (version == DtdlVersion.V4 && random.nextBoolean()) return pick(NUMERIC_V4);
    return pick(NUMERIC);
  }

  private SchemaSpec primitive() {
    if (version == DtdlVersion.V4 && random.nextInt(3) == 0) return pick(PRIMITIVE_V4);
    return pick(PRIMITIVE);
  }

  private void payload(ModelBuilder.ValueDef def, boolean quantity) {
    value(def, quantity, false);
    if (version == DtdlVersion.V4 && random.nextInt(3) == 0) def.member("nullable", true);
  }

  private String interfaceVersion() {
    if (version == DtdlVersion.V2) return ";" + (1 + random.nextInt(9));
    switch (random.nextInt(4)) {
      case 0: return "";
      case 1: return ";" + (1 + random.nextInt(999)) + "." + (1 + random.nextInt(99));
      default: return ";" + (1 + random.nextInt(999999999));
    }
  }

  private String dtmiVersion() {
    return version == DtdlVersion.V2 ? ";1" : interfaceVersion();
  }

  /** Sets random descriptive members; most elements get none. */
  private void describe(ModelBuilder.Def<?> def, int maxLength) {
    describe(def, maxLength, true);
  }

  private void describe(ModelBuilder.Def<?> def, int maxLength, boolean mayHaveId) {
    if (random.nextInt(3) == 0) def.displayName(text(maxLength));
    if (random.nextInt(6) == 0) def.displayName(pick(LANGUAGES), text(maxLength));
    if (random.nextInt(4) == 0) def.description(text(200));
    if (random.nextInt(5) == 0) def.comment(text(200));
    if (mayHaveId && random.nextInt(8) == 0) def.id("dtmi:gen:explicit:e" + (counter++) + dtmiVersion());
  }

  /** Settings of a value element: descriptive members, a semantic type (numeric schemas only), Historized. */
  private void value(ModelBuilder.QuantityDef<?> def, boolean quantity, boolean content) {
    describe(def, version == DtdlVersion.V2 ? 64 : 200);
    if (quantity) quantity(def);
    if (content && QUANTITIES_KNOWN && version != DtdlVersion.V2 && random.nextInt(6) == 0) def.historized();
    if (content && version == DtdlVersion.V2 && random.nextInt(8) == 0) {
      // the open world of DTDL v2: an undefined co-type allows undefined members
      def.coType("Commercial" + random.nextInt(3));
      def.member("brand", random.nextBoolean() ? text(20) : java.util.Map.of("n", random.nextInt(9), "tags", List.of("a", "b")));
    }
  }

  /** A schema for a value, possibly numeric with a semantic type decided by the caller's settings. */
  private SchemaSpec valueSchema(List<Entry> entries, boolean property) {
    boolean propertySafeOnly = property && version == DtdlVersion.V2;
    int choice = random.nextInt(10);
    if (choice < 3) return primitive();
    if (choice < 4 && !propertySafeOnly) return pick(GEO);
    List<Entry> referable = new ArrayList<>(entries);
    if (random.nextBoolean()) referable.addAll(inlineIds);
    if (choice < 6 && !referable.isEmpty()) {
      Entry e = referable.get(random.nextInt(referable.size()));
      if (e.propertySafe || !propertySafeOnly) return Schemas.ref(e.id);
    }
    return schema(3, propertySafeOnly).spec;
  }

  /** A schema of at most {@code depth} complex levels. */
  private Generated schema(int depth, boolean propertySafeOnly) {
    int choice = random.nextInt(10);
    if (depth == 0 || choice < 4) return new Generated(primitive(), true);
    if (choice < 5 && !propertySafeOnly) return new Generated(pick(GEO), false);
    return complex(depth, propertySafeOnly, true);
  }

  private Generated complex(int depth, boolean propertySafeOnly, boolean mayHaveId) {
    int kinds = propertySafeOnly ? 3 : 4;
    Generated g;
    switch (random.nextInt(kinds)) {
      case 0: {
        PrimitiveSchema valueSchema = random.nextBoolean() ? PrimitiveSchema.STRING : PrimitiveSchema.INTEGER;
        int n = (version == DtdlVersion.V2 ? 1 : 0) + random.nextInt(4);
        Set<String> names = new HashSet<>();
        Set<Object> values = new HashSet<>();
        g = new Generated(Schemas.enumOf(valueSchema, e -> {
          for (int v = 0; v < n; v++) {
            Object value;
            do {
              value = valueSchema == PrimitiveSchema.STRING ? text(12) : (Object) (random.nextInt(2001) - 1000);
            } while (!values.add(value));
            e.value(uniqueName(names), value, ev -> describe(ev, 40));
          }
        }), true);
        break;
      }
      case 1: {
        int n = (version == DtdlVersion.V2 ? 1 : 0) + random.nextInt(4);
        Set<String> names = new HashSet<>();
        boolean[] safe = {true};
        SchemaSpec spec = Schemas.object(o -> {
          for (int f = 0; f < n; f++) {
            boolean quantity = version != DtdlVersion.V2 && random.nextInt(4) == 0;
            SchemaSpec fieldSchema;
            if (quantity) {
              fieldSchema = numeric();
            } else {
              Generated inner = schema(depth - 1, propertySafeOnly);
              safe[0] &= inner.propertySafe;
              fieldSchema = inner.spec;
            }
            o.field(uniqueName(names), fieldSchema, fd -> {
              describe(fd, 40);
              if (quantity) quantity(fd);
            });
          }
        });
        g = new Generated(spec, safe[0]);
        break;
      }
      case 2: {
        boolean quantity = version != DtdlVersion.V2 && random.nextInt(4) == 0;
        Generated inner = quantity ? new Generated(numeric(), true) : schema(depth - 1, propertySafeOnly);
        g = new Generated(Schemas.mapOf(name(), name(), inner.spec, mv -> {
          describe(mv, 40);
          if (quantity) quantity(mv);
        }), inner.propertySafe);
        break;
      }
      default: {
        Generated inner = schema(depth - 1, propertySafeOnly);
        g = new Generated(Schemas.arrayOf(inner.spec), false);
        break;
      }
    }
    SchemaSpec spec = g.spec;
    if (random.nextInt(5) == 0) spec = spec.withDisplayName(text(40));
    if (random.nextInt(6) == 0) spec = spec.withComment(text(100));
    if (mayHaveId && random.nextInt(8) == 0) {
      String id = "dtmi:gen:explicit:s" + (counter++) + dtmiVersion();
      spec = spec.withId(id);
      inlineIds.add(new Entry(id, g.propertySafe));
    }
    return new Generated(spec, g.propertySafe);
  }

  /** Adds a random semantic type and unit valid in the generator's DTDL version. */
  void quantity(ModelBuilder.QuantityDef<?> def) {
    if (!QUANTITIES_KNOWN) return;
    String[] q = version == DtdlVersion.V2 || random.nextBoolean()
        ? QUANTITIES_V2[random.nextInt(QUANTITIES_V2.length)]
        : QUANTITIES_V3[random.nextInt(QUANTITIES_V3.length)];
    def.quantity(q[0], q[1 + random.nextInt(q.length - 1)]);
  }

  /**
   * A name that follows the DTDL name rule, unique within {@code used}.
   *
   * @param used the names taken so far; the new name is added
   * @return the name
   */
  String uniqueName(Set<String> used) {
    String n = name();
    while (!used.add(n)) n = n + (counter++);
    return n;
  }

  /** @return a random name: a letter, then letters, digits and underscores, ending with a letter or digit */
  String name() {
    String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    String inner = letters + "0123456789_";
    int max = random.nextInt(10) > 0 ? 12 : version != DtdlVersion.V2 && random.nextInt(5) == 0 ? 500 : 50;
    int length = 1 + random.nextInt(max);
    StringBuilder sb = new StringBuilder();
    sb.append(letters.charAt(random.nextInt(letters.length())));
    for (int i = 1; i < length; i++) {
      char c = inner.charAt(random.nextInt(inner.length()));
      if (i == length - 1 && c == '_') c = 'z';
      sb.append(c);
    }
    return sb.toString();
  }

  private String segment() {
    String n = name();
    return n.length() > 20 ? n.substring(0, 19) + "x" : n;
  }

  private String text(int maxLength) {
    int length = random.nextInt(Math.min(maxLength, 30) + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) sb.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
    return sb.toString();
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
