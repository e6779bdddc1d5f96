package dev.twins.core.internal.dtdl;

import dev.twins.core.internal.Vocabulary;
import dev.twins.core.model.DtdlVersion;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.DtmiResolver;
import dev.twins.core.model.ErrorCode;
import dev.twins.core.model.GeospatialSchema;
import dev.twins.core.model.LocalizedText;
import dev.twins.core.model.ModelError;
import dev.twins.core.model.ModelException;
import dev.twins.core.model.ModelSource;
import dev.twins.core.model.Models;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Quantity;
import dev.twins.core.model.UndefinedExtensions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads DTDL texts into {@link Raw} elements, checking every rule that one element's text can
 * break; {@link ModelResolver} then checks the rules that span the model set and builds the
 * immutable object model. All errors are collected; one {@link ModelException} carries them.
 */
public final class DtdlParser {
  static final Pattern NAME = Pattern.compile("^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$");
  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$");
  private static final Pattern MEMBER_DTMI = Pattern.compile("^dtmi:dtdl:property:([A-Za-z0-9_]+);([2-9])$");
  private static final Pattern CLASS_DTMI = Pattern.compile("^dtmi:dtdl:class:([A-Za-z0-9_]+);([2-9])$");
  private static final Pattern SCHEMA_DTMI = Pattern.compile("^dtmi:dtdl:instance:Schema:([A-Za-z]+);([2-9])$");
  private static final int MAX_TEXT = 512;
  private static final int MAX_INTERFACE_BYTES = 1024 * 1024;

  private static final Set<String> CONTENT_CLASSES = Set.of("Telemetry", "Property", "Command", "Relationship", "Component");
  private static final Set<String> COMPLEX_CLASSES = Set.of("Array", "Enum", "Map", "Object");
  private static final Set<String> ALL_CLASSES = Set.of("Interface", "Telemetry", "Property", "Command", "Relationship",
      "Component", "Array", "Enum", "Map", "Object", "EnumValue", "MapKey", "MapValue", "Field", "CommandPayload",
      "CommandRequest", "CommandResponse", "CommandType", "Unit", "UnitAttribute", "LatentType", "NamedLatentType");
  private static final Set<String> SINGLE_LITERALS = Set.of("comment", "writable", "name", "target",
      "minMultiplicity", "maxMultiplicity", "enumValue", "commandType", "nullable", "unit", "annotates", "overrides");
  private static final Set<String> COMMON_MEMBERS = Set.of("@id", "@type", "@context", "comment", "description", "displayName");

  private final UndefinedExtensions policy;
  private final Optional<DtmiResolver> resolver;
  final List<ModelError> errors = new ArrayList<>();
  final List<ModelError> warnings = new ArrayList<>();
  final Map<String, Raw> byId = new HashMap<>();
  private final Map<Raw, Map<String, Raw>> local = new java.util.IdentityHashMap<>();
  final Map<String, Node> firstReference = new LinkedHashMap<>();
  final Map<String, String> firstReferenceSource = new HashMap<>();
  /** Inline schemas are read this many levels deep at most: far beyond every version's limit. */
  private static final int MAX_READ_NESTING = 32;
  private int schemaNesting;

  /**
   * Creates a parser for one model set.
   *
   * @param policy what to do with undefined extensions
   * @param resolver where to find DTMIs the texts do not define
   */
  public DtdlParser(UndefinedExtensions policy, Optional<DtmiResolver> resolver) {
    this.policy = policy;
    this.resolver = resolver;
  }

  /**
   * Parses the texts as one model set.
   *
   * @param sources the texts
   * @param readErrors problems met while reading the texts (unreadable files, ...), reported with
   *     those found in the texts
   * @return the resolved models
   * @throws ModelException listing every problem, if any
   */
  public Models parse(Collection<ModelSource> sources, List<ModelError> readErrors) {
    errors.addAll(readErrors);
    if (sources.isEmpty() && !readErrors.isEmpty()) throw new ModelException(readErrors);
    if (sources.isEmpty()) {
      throw new ModelException(List.of(new ModelError(ErrorCode.NO_MODELS, "no model text was given", "", "", 0, "")));
    }
    for (ModelSource s : sources) readDocument(s);
    resolveMissing();
    boolean readCleanly = errors.isEmpty();
    try {
      Models models = new ModelResolver(this).resolve(readCleanly);
      if (errors.isEmpty()) return models;
    } catch (RuntimeException e) {
      // The set-wide checks also run over elements that failed to read, to report every problem at
      // once; a half-read element must not hide the errors already found.
      if (readCleanly) throw e;
    }
    errors.sort(null);
    throw new ModelException(dedupe(errors));
  }

  private static List<ModelError> dedupe(List<ModelError> errors) {
    return new ArrayList<>(new LinkedHashSet<>(errors));
  }

  // ---------------------------------------------------------------- resolution of missing DTMIs

  private void resolveMissing() {
    if (resolver.isEmpty()) return;
    Set<String> asked = new HashSet<>();
    while (true) {
      Set<Dtmi> missing = new java.util.TreeSet<>();
      for (String d : firstReference.keySet()) {
        if (!byId.containsKey(d) && asked.add(d) && Dtmi.isValid(d)) missing.add(Dtmi.of(d));
      }
      if (missing.isEmpty()) return;
      Collection<ModelSource> found = resolver.get().resolve(java.util.Collections.unmodifiableSet(missing));
      if (found == null || found.isEmpty()) return;
      for (ModelSource s : found) readDocument(s);
    }
  }

  void reference(String dtmi, Node at, String source) {
    if (!firstReference.containsKey(dtmi)) {
      firstReference.put(dtmi, at);
      firstReferenceSource.put(dtmi, source);
    }
  }

  // ---------------------------------------------------------------- errors

  void error(ErrorCode code, String message, String dtmi, String source, Node at) {
    errors.add(new ModelError(code, message, dtmi == null ? "" : dtmi, source, at == null ? 0 : at.line,
        at == null ? "" : at.pointer()));
  }

  private void error(ErrorCode code, String message, Raw r, Node at) {
    error(code, message, r.id, r.source, at);
  }

  // ---------------------------------------------------------------- documents

  private void readDocument(ModelSource s) {
    String text = s.text();
    if (text.isBlank() || (text.charAt(0) == '\uFEFF' && text.substring(1).isBlank())) {
      error(ErrorCode.EMPTY_INPUT, "the text is empty; a model file must hold a JSON object or an array of objects",
          "", s.name(), null);
      return;
    }
    Node root;
    try {
      root = JsonText.read(text);
    } catch (JsonText.Failure f) {
      errors.add(new ModelError(f.tooDeep ? ErrorCode.JSON_TOO_DEEP : ErrorCode.JSON_SYNTAX,
          (f.tooDeep ? "" : "not valid JSON: ") + f.getMessage(), "", s.name(), f.line, ""));
      return;
    }
    if (root.isObject()) {
      readTopLevel(root, s.name(), text);
    } else if (root.isArray() && !root.items.isEmpty()) {
      for (Node item : root.items) {
        if (item.isObject()) readTopLevel(item, s.name(), text);
        else error(ErrorCode.ROOT_NOT_OBJECT, "a model document must be an object or an array of objects, but item "
            + item.pointer() + " is " + item.describe(), "", s.name(), item);
      }
    } else {
      error(ErrorCode.ROOT_NOT_OBJECT, "a model document must be an object or an array of objects, not "
          + root.describe(), "", s.name(), root);
    }
  }

  private void readTopLevel(Node obj, String source, String text) {
    Node ctxNode = obj.get("@context");
    Node idNode = obj.get("@id");
    String id = idNode != null && idNode.isString() ? idNode.text : "";
    if (ctxNode == null) {
      error(ErrorCode.CONTEXT_MISSING, "a top-level element needs \"@context\": \"dtmi:dtdl:context;3\" (or ;2)", id,
          source, obj);
      return;
    }
    Context ctx = readContext(ctxNode, null, id, source);
    if (ctx == null) return;
    Raw r = readElement(obj, ctx, Set.of("Interface"), null, null, source, "top-level element");
    if (r == null) return;
    checkSize(r, text);
  }

  /** The 1 MiB limit of DTDL v3 and later, for an Interface and each Interface defined inline in it. */
  private void checkSize(Raw r, String text) {
    Node obj = r.node;
    for (Raw inline : inlineInterfaces(r)) checkSize(inline, text);
    if (r.ctx.version != DtdlVersion.V2 && obj.end > obj.start) {
      long chars = obj.end - obj.start;
      if (chars * 3 > MAX_INTERFACE_BYTES) {
        // Interfaces defined inline (extended or used as components) do not count.
        int bytes = utf8Length(text, obj);
        for (Raw inline : inlineInterfaces(r)) bytes -= utf8Length(text, inline.node);
        if (bytes > MAX_INTERFACE_BYTES) {
          error(ErrorCode.INTERFACE_TOO_LARGE, "the Interface's JSON text is " + bytes
              + " bytes; DTDL v3 allows at most 1 MiB (1,048,576 bytes) per Interface: split it", r, obj);
        }
      }
    }
  }

  private static int utf8Length(String text, Node n) {
    return text.substring((int) n.start, (int) Math.min(n.end, text.length())).getBytes(StandardCharsets.UTF_8).length;
  }

  private static List<Raw> inlineInterfaces(Raw i) {
    List<Raw> out = new ArrayList<>();
    for (Raw.Ref b : i.bases) if (b.inline != null) out.add(b.inline);
    for (Raw c : i.contents) if (c.schema != null && c.schema.inline != null && c.schema.inline.isInterface()) {
      out.add(c.schema.inline);
    }
    return out;
  }

  // ---------------------------------------------------------------- context

  private Context readContext(Node n, Context parent, String id, String source) {
    List<Node> values = new ArrayList<>();
    if (n.isString()) values.add(n);
    else if (n.isArray() && !n.items.isEmpty()) values.addAll(n.items);
    else {
      error(ErrorCode.CONTEXT_INVALID, "\"@context\" must be a DTMI string or an array of them, not " + n.describe(),
          id, source, n);
      return null;
    }
    DtdlVersion version = parent == null ? null : parent.version;
    boolean dtdlSeen = false;
    boolean extensionSeen = false;
    Map<String, Vocabulary.Extension> extensions = new LinkedHashMap<>();
    if (parent != null) for (Vocabulary.Extension e : parent.extensions) extensions.put(unversioned(e.context()), e);
    boolean incomplete = parent != null && parent.contextuallyIncomplete;
    List<Node> unknown = new ArrayList<>();
    boolean ok = true;
    for (Node v : values) {
      if (!v.isString() || !Dtmi.isValid(v.text) || !v.text.contains(";")) {
        error(ErrorCode.CONTEXT_INVALID, "each \"@context\" value must be a DTMI with a version, such as "
            + "\"dtmi:dtdl:context;3\", not " + v.describe(), id, source, v);
        ok = false;
        continue;
      }
      String c = v.text;
      if (c.startsWith("dtmi:dtdl:context;")) {
        String num = c.substring("dtmi:dtdl:context;".length());
        if (!num.equals("2") && !num.equals("3") && !num.equals("4")) {
          error(ErrorCode.CONTEXT_VERSION_UNSUPPORTED, "DTDL context " + c + " is not supported; use "
              + "dtmi:dtdl:context;2, ;3 or ;4", id, source, v);
          ok = false;
          continue;
        }
        if (dtdlSeen) {
          error(ErrorCode.CONTEXT_INVALID, "\"@context\" names the DTDL context twice", id, source, v);
          ok = false;
        }
        dtdlSeen = true;
        DtdlVersion nv = DtdlVersion.of(Integer.parseInt(num));
        if (extensionSeen && nv != DtdlVersion.V2) {
          error(ErrorCode.CONTEXT_ORDER, "the DTDL context " + c + " must come before every extension context",
              id, source, v);
        }
        version = nv;
      } else {
        extensionSeen = true;
        unknown.add(v);
      }
    }
    if (!ok) return null;
    if (version == null) {
      error(ErrorCode.CONTEXT_INVALID, "\"@context\" must include a DTDL context such as \"dtmi:dtdl:context;3\"",
          id, source, n);
      return null;
    }
    boolean openWorld = policy == UndefinedExtensions.ALLOW
        || (policy == UndefinedExtensions.BY_VERSION && version == DtdlVersion.V2);
    for (Node v : unknown) {
      Optional<Vocabulary.Extension> ext = Vocabulary.extension(v.text);
      if (ext.isPresent()) {
        if (!ext.get().dtdlVersions().contains(version.number())) {
          error(ErrorCode.CONTEXT_EXTENSION_VERSION, "extension " + v.text + " cannot be used with DTDL v"
              + version.number() + "; it is for DTDL v" + ext.get().dtdlVersions(), id, source, v);
          continue;
        }
        extensions.remove(unversioned(v.text));
        extensions.put(unversioned(v.text), ext.get());
      } else if (openWorld) {
        incomplete = true;
      } else {
        error(ErrorCode.CONTEXT_EXTENSION_UNKNOWN, "extension context " + v.text + " is not known; known are "
            + new java.util.TreeSet<>(Vocabulary.knownContexts())
            + " (undefined extensions can be allowed with UndefinedExtensions.ALLOW)", id, source, v);
      }
    }
    List<Vocabulary.Extension> list = new ArrayList<>();
    if (version == DtdlVersion.V2) list.add(Vocabulary.v2SemanticTypes());
    list.addAll(extensions.values());
    return new Context(version, list, openWorld, incomplete);
  }

  private static String unversioned(String dtmi) {
    int i = dtmi.indexOf(';');
    return i < 0 ? dtmi : dtmi.substring(0, i);
  }

  // ---------------------------------------------------------------- elements

  /**
   * Reads one element.
   *
   * @param allowed the classes allowed in this place; when it holds one class whose {@code @type}
   *     is optional, that class is the default
   * @param autoId the id to assign when the element has no {@code @id}, or null when {@code @id} is required
   */
  private Raw readElement(Node obj, Context ctx, Set<String> allowed, String autoId, Raw partition, String source,
      String place) {
    String idForErrors = autoId == null ? "" : autoId;
    Node idNode0 = obj.get("@id");
    if (idNode0 != null && idNode0.isString()) idForErrors = idNode0.text;
    if (!obj.isObject()) {
      error(ErrorCode.MEMBER_TYPE, place + " must be an object, not " + obj.describe(), idForErrors, source, obj);
      return null;
    }
    Node nestedCtx = obj.get("@context");
    if (nestedCtx != null && partition != null) {
      Context c = readContext(nestedCtx, ctx, idForErrors, source);
      if (c == null) return null;
      ctx = c;
    }
    // ---- @type
    Node typeNode = obj.get("@type");
    String cls = null;
    List<Node> coTypeNodes = new ArrayList<>();
    if (typeNode == null) {
      String dflt = defaultClass(allowed);
      if (dflt == null) {
        error(ErrorCode.TYPE_MISSING, place + " needs \"@type\" (one of " + sorted(allowed) + ")", idForErrors, source,
            obj);
        return null;
      }
      cls = dflt;
    } else {
      List<Node> typeValues = new ArrayList<>();
      if (typeNode.isString()) typeValues.add(typeNode);
      else if (typeNode.isArray() && !typeNode.items.isEmpty()) typeValues.addAll(typeNode.items);
      else {
        error(ErrorCode.TYPE_INVALID, "\"@type\" must be a string or a non-empty array of strings, not "
            + typeNode.describe(), idForErrors, source, typeNode);
        return null;
      }
      Node clsNode = null;
      for (Node t : typeValues) {
        if (!t.isString()) {
          error(ErrorCode.TYPE_INVALID, "each \"@type\" value must be a string, not " + t.describe(), idForErrors,
              source, t);
          return null;
        }
        String term = classTerm(t.text, ctx);
        if (term != null) {
          if (cls != null) {
            if (cls.equals(term)) continue; // the class as a term and as a DTMI: discouraged, not invalid
            error(ErrorCode.TYPE_INVALID, "\"@type\" names two classes, " + cls + " and " + term
                + "; an element has exactly one", idForErrors, source, t);
            return null;
          }
          cls = term;
          clsNode = t;
        } else {
          coTypeNodes.add(t);
        }
      }
      if (cls == null) {
        String dflt = defaultClass(allowed);
        if (dflt == null) {
          error(ErrorCode.TYPE_INVALID, "\"@type\" names no DTDL class; " + place + " must be one of "
              + sorted(allowed), idForErrors, source, typeNode);
          return null;
        }
        cls = dflt;
      } else if (!allowed.contains(cls)) {
        error(partition == null && place.equals("top-level element") ? ErrorCode.TOP_LEVEL_NOT_INTERFACE
            : ErrorCode.TYPE_NOT_ALLOWED, place + " cannot be a " + cls + "; allowed here: " + sorted(allowed),
            idForErrors, source, clsNode);
        return null;
      }
    }
    Raw r = new Raw(cls, obj, source, ctx);
    r.partition = partition == null ? r : partition;
    // ---- @id
    Node idNode = obj.get("@id");
    if (idNode != null) {
      if (!idNode.isString()) {
        error(ErrorCode.MEMBER_TYPE, "\"@id\" must be a DTMI string, not " + idNode.describe(), autoIdOr(autoId),
            source, idNode);
        r.id = autoIdOr(autoId);
      } else {
        r.id = idNode.text;
        r.explicitId = true;
        checkId(r, idNode);
      }
    } else if (autoId == null) {
      error(ErrorCode.MEMBER_REQUIRED, place + " (" + cls + ") needs an \"@id\"", "", source, obj);
      r.id = "";
    } else {
      r.id = autoId;
      if (autoId.length() > Dtmi.MAX_LENGTH) {
        error(ErrorCode.DTMI_TOO_LONG, "the identifier assigned to this " + cls + " from its parent's and its name ("
            + autoId.length() + " characters) is longer than 4096; give it a shorter \"@id\" or shorter names", r, obj);
        r.id = "";
      }
    }
    if (r.explicitId && !r.id.isEmpty()) register(r, idNode);
    else if (!r.id.isEmpty()) byId.putIfAbsent(r.id, r);
    // ---- members: normalise names
    Map<String, Node> members = new LinkedHashMap<>();
    Map<String, String> written = new HashMap<>();
    for (Map.Entry<String, Node> e : obj.fields.entrySet()) {
      String key = e.getKey();
      String term = key;
      java.util.regex.Matcher m = MEMBER_DTMI.matcher(key);
      if (m.matches()) term = m.group(1);
      if (key.startsWith("@") && !COMMON_MEMBERS.contains(key) && ctx.version == DtdlVersion.V2
          && !key.equals("@graph")) {
        continue; // DTDL v2: other JSON-LD keywords are discouraged, not invalid; they carry no model data
      }
      if (key.startsWith("@") && !COMMON_MEMBERS.contains(key)) {
        error(ErrorCode.MEMBER_RESERVED, "member \"" + key + "\" is not allowed; the only @-members are @context, "
            + "@id and @type", r, e.getValue());
        continue;
      }
      if (written.containsKey(term)) {
        error(ErrorCode.MEMBER_DUPLICATE_FORM, "member \"" + term + "\" is written twice (\"" + written.get(term)
            + "\" and \"" + key + "\")", r, e.getValue());
        continue;
      }
      written.put(term, key);
      // An empty array of a single-valued literal member is the member left out.
      if (e.getValue().isArray() && e.getValue().items.isEmpty() && SINGLE_LITERALS.contains(term)) continue;
      members.put(term, e.getValue());
    }
    members.remove("@id");
    members.remove("@type");
    members.remove("@context");
    // ---- common members
    Node comment = members.remove("comment");
    if (comment != null) {
      String c = string(r, comment, "comment");
      if (c != null) {
        if (c.length() > MAX_TEXT) {
          error(ErrorCode.STRING_TOO_LONG, "\"comment\" is " + c.length() + " characters; at most 512 are allowed",
              r, comment);
        }
        r.comment = c;
      }
    }
    Node description = members.remove("description");
    if (description != null) r.description = localized(r, description, "description", MAX_TEXT);
    Node displayName = members.remove("displayName");
    if (displayName != null) {
      r.displayName = localized(r, displayName, "displayName", ctx.version.maxDisplayNameLength());
    }
    // ---- co-types
    List<Vocabulary.AdjunctType> adjuncts = new ArrayList<>();
    boolean undefinedReported = false;
    Set<String> undefinedCoTypes = new LinkedHashSet<>();
    for (Node t : coTypeNodes) {
      String term = standardTerm(t.text, "class");
      if (!r.coTypes.add(term)) {
        error(ErrorCode.TYPE_INVALID, "\"@type\" names the co-type " + term + " twice", r, t);
        continue;
      }
      Vocabulary.AdjunctType a = ctx.adjunct(term);
      if (a == null) {
        if (ctx.openWorld || ctx.contextuallyIncomplete) {
          undefinedCoTypes.add(term);
          r.informal = true;
        } else {
          undefinedReported = true;
          error(ErrorCode.COTYPE_UNDEFINED, "co-type \"" + Node.abbreviate(term) + "\" is not defined by DTDL v"
              + ctx.version.number() + " or an extension in \"@context\"" + extensionHint(term, ctx.version), r, t);
        }
      } else if (!a.appliesTo().contains(cls) && !(cls.equals("CommandPayload") && (a.appliesTo().contains(
          "CommandRequest") || a.appliesTo().contains("CommandResponse")))) {
        error(ErrorCode.COTYPE_NOT_APPLICABLE, "co-type " + term + " cannot be applied to a " + cls + "; it applies to "
            + sorted(a.appliesTo()), r, t);
      } else {
        adjuncts.add(a);
      }
    }
    if (ctx.contextuallyIncomplete) r.informal = true;
    // ---- class members
    readClassMembers(r, members, ctx);
    // ---- extension members
    if (undefinedReported) {
      // the members of an undefined co-type were reported with it; do not report each again
      for (String k : List.of("unit", "annotates", "overrides")) {
        if (adjuncts.stream().noneMatch(a -> a.members().containsKey(k))) members.remove(k);
      }
    }
    readExtensionMembers(r, members, adjuncts, ctx);
    // ---- leftovers
    for (Map.Entry<String, Node> e : members.entrySet()) {
      if (r.informal) {
        r.other.put(e.getKey(), e.getValue());
      } else {
        error(ErrorCode.MEMBER_UNKNOWN, "member \"" + Node.abbreviate(e.getKey()) + "\" is not defined for a " + cls
            + " in DTDL v" + ctx.version.number() + memberHint(e.getKey()), r, e.getValue());
      }
    }
    return r;
  }

  /**
   * Registers an element's explicit id. Interface ids are global; the ids of other elements need
   * only be unique within their partition (the top-level Interface that holds them), since they
   * can only be referenced from there. The same element written twice with identical content is
   * one element (model repositories keep several versions of an Interface that share element ids).
   */
  private void register(Raw r, Node idNode) {
    Raw old;
    if (r.isInterface()) {
      old = byId.get(r.id);
      if (old == null) byId.put(r.id, r);
    } else {
      old = local.computeIfAbsent(r.partition, k -> new HashMap<>()).putIfAbsent(r.id, r);
      Raw global = byId.putIfAbsent(r.id, r);
      if (old == null && global != null && global.isInterface()) old = global;
    }
    if (old != null && (r.isInterface() || !(old.cls.equals(r.cls) && old.node.sameAs(r.node)))) {
      error(ErrorCode.ID_DUPLICATE, "@id " + r.id + " is already used by a " + old.cls + " in " + old.source
          + " line " + old.node.line + "; every @id must be unique in the model set", r, idNode);
    }
  }

  /** Finds the element a DTMI names, as seen from an element: its own partition first. */
  Raw lookup(String dtmi, Raw from) {
    Map<String, Raw> l = local.get(from.partition);
    Raw r = l == null ? null : l.get(dtmi);
    return r != null ? r : byId.get(dtmi);
  }

  /** {@code dtmi:standard:class:Temperature;2} is the term {@code Temperature}; other texts stay. */
  static String standardTerm(String text, String kind) {
    String prefix = "dtmi:standard:" + kind + ":";
    if (!text.startsWith(prefix)) return text;
    int semi = text.indexOf(';');
    String term = semi < 0 ? text.substring(prefix.length()) : text.substring(prefix.length(), semi);
    return term.matches("[A-Za-z][A-Za-z0-9_]*") ? term : text;
  }

  /** Names the known extension that defines a co-type, if any. */
  private static String extensionHint(String term, DtdlVersion version) {
    for (String c : new java.util.TreeSet<>(Vocabulary.knownContexts())) {
      Vocabulary.Extension e = Vocabulary.extension(c).orElseThrow();
      if (e.dtdlVersions().contains(version.number()) && e.adjunctTypes().containsKey(term)) {
        return "; it is defined by the extension " + c + ": add that to \"@context\"";
      }
    }
    return "";
  }

  private static String memberHint(String key) {
    if (key.equals("unit")) return " (\"unit\" needs a semantic co-type such as \"Temperature\")";
    if (key.equals("annotates")) return " (needs the co-type ValueAnnotation and the annotation extension context)";
    if (key.equals("overrides")) return " (needs the co-type Override and the overriding extension context)";
    return "";
  }

  private static String autoIdOr(String autoId) {
    return autoId == null ? "" : autoId;
  }

  private static String defaultClass(Set<String> allowed) {
    if (allowed.size() != 1) return null;
    String only = allowed.iterator().next();
    switch (only) {
      case "EnumValue": case "MapKey": case "MapValue": case "Field": case "CommandPayload":
      case "CommandRequest": case "CommandResponse":
        return only;
      default:
        return null;
    }
  }

  private static String classTerm(String t, Context ctx) {
    if (ALL_CLASSES.contains(t)) return t;
    java.util.regex.Matcher m = CLASS_DTMI.matcher(t);
    if (m.matches() && ALL_CLASSES.contains(m.group(1))) return m.group(1);
    return null;
  }

  private static String sorted(Set<String> s) {
    return new java.util.TreeSet<>(s).toString();
  }

  private void checkId(Raw r, Node idNode) {
    String id = r.id;
    if (!Dtmi.isUserSyntax(id)) {
      if (id.length() > Dtmi.MAX_LENGTH) {
        error(ErrorCode.DTMI_TOO_LONG, "@id is " + id.length() + " characters; a DTMI has at most 4096", r, idNode);
      } else {
        error(ErrorCode.DTMI_INVALID, "@id \"" + Node.abbreviate(id) + "\" is not a valid DTMI: use "
            + "dtmi:<segment>(:<segment>)*;<version>, segments of letters, digits and inner underscores starting "
            + "with a letter", r, idNode);
      }
      return;
    }
    if (id.startsWith("dtmi:dtdl:") || id.startsWith("dtmi:standard:")) {
      error(ErrorCode.DTMI_RESERVED, "@id " + id + " uses a reserved prefix (dtmi:dtdl: and dtmi:standard: belong to "
          + "DTDL)", r, idNode);
    }
    int max = r.isInterface() ? Dtmi.MAX_INTERFACE_LENGTH : Dtmi.MAX_USER_LENGTH;
    if (id.length() > max) {
      error(ErrorCode.DTMI_TOO_LONG, "@id is " + id.length() + " characters; " + (r.isInterface() ? "an Interface"
          : "an element") + " @id has at most " + max, r, idNode);
    }
    int semi = id.indexOf(';');
    if (r.ctx.version == DtdlVersion.V2) {
      if (semi < 0 || id.indexOf('.', semi) >= 0) {
        error(ErrorCode.DTMI_VERSION, "@id " + id + ": DTDL v2 requires a one-part version such as ;1", r, idNode);
      }
    }
  }

  /** Reports a reference that is not a DTMI that a model may define. */
  private boolean badReference(Raw r, Node v, String what) {
    String s = v.text;
    if (!Dtmi.isUserSyntax(s)) {
      error(s.length() > Dtmi.MAX_LENGTH ? ErrorCode.DTMI_TOO_LONG : ErrorCode.DTMI_INVALID, what + " value \""
          + Node.abbreviate(s) + "\" is not a DTMI that a model can define", r, v);
      return true;
    }
    if (s.length() > Dtmi.MAX_USER_LENGTH) {
      error(ErrorCode.DTMI_TOO_LONG, what + " names a DTMI of " + s.length() + " characters; element ids have at most "
          + Dtmi.MAX_USER_LENGTH, r, v);
      return true;
    }
    return false;
  }

  private static String childId(String parentId, String member, String name) {
    if (parentId == null || parentId.isEmpty()) return "";
    int semi = parentId.indexOf(';');
    String base = semi < 0 ? parentId : parentId.substring(0, semi);
    String version = semi < 0 ? "" : parentId.substring(semi);
    String seg = ":_" + member + (name == null ? "" : ":__" + name);
    return base + seg + version;
  }

  // ---------------------------------------------------------------- literals

  /** Unwraps a representational literal: {@code {"@value": x}} or an array holding one value. */
  private static Node literal(Node n) {
    if (n.isArray() && n.items.size() == 1) n = n.items.get(0);
    if (n.isObject() && n.fields.containsKey("@value")) return n.get("@value");
    return n;
  }

  private String string(Raw r, Node n, String member) {
    Node v = literal(n);
    if (v.isString()) return v.text;
    error(ErrorCode.MEMBER_TYPE, "\"" + member + "\" must be a string, not " + v.describe(), r, v);
    return null;
  }

  private Boolean bool(Raw r, Node n, String member) {
    Node v = literal(n);
    if (v.kind == Node.Kind.BOOLEAN) return v.bool;
    error(ErrorCode.MEMBER_TYPE, "\"" + member + "\" must be true or false, not " + v.describe(), r, v);
    return null;
  }

  private Integer integer(Raw r, Node n, String member) {
    Node v = literal(n);
    if (v.kind == Node.Kind.NUMBER) {
      Number num = v.number;
      if (num instanceof Integer) return (Integer) num;
      if (num instanceof Long || num instanceof BigInteger) {
        error(ErrorCode.VALUE_INVALID, "\"" + member + "\" must be a 32-bit integer; " + num + " is out of range", r, v);
        return null;
      }
      if (num instanceof BigDecimal) {
        error(ErrorCode.MEMBER_TYPE, "\"" + member + "\" must be an integer, not " + v.describe(), r, v);
        return null;
      }
    }
    error(ErrorCode.MEMBER_TYPE, "\"" + member + "\" must be an integer, not " + v.describe(), r, v);
    return null;
  }

  private LocalizedText localized(Raw r, Node n, String member, int maxLength) {
    Map<String, String> values = new LinkedHashMap<>();
    if (n.isString()) {
      values.put("en", n.text);
      checkLength(r, n, member, n.text, maxLength);
    } else if (n.isObject() && !n.fields.containsKey("@value")) {
      for (Map.Entry<String, Node> e : n.fields.entrySet()) {
        if (!LANGUAGE.matcher(e.getKey()).matches()) {
          error(ErrorCode.LANGUAGE_TAG_INVALID, "\"" + member + "\": \"" + Node.abbreviate(e.getKey())
              + "\" is not a language tag such as en, de or zh-Hans", r, e.getValue());
          continue;
        }
        if (!e.getValue().isString()) {
          error(ErrorCode.MEMBER_TYPE, "\"" + member + "\" values must be strings, not " + e.getValue().describe(), r,
              e.getValue());
          continue;
        }
        checkLength(r, e.getValue(), member, e.getValue().text, maxLength);
        values.put(e.getKey(), e.getValue().text);
      }
    } else if (n.isArray() || n.isObject()) {
      List<Node> items = n.isArray() ? n.items : List.of(n);
      for (Node item : items) {
        String lang = "en";
        Node val = item;
        if (item.isObject()) {
          val = item.get("@value");
          Node l = item.get("@language");
          if (l != null) {
            if (!l.isString() || !LANGUAGE.matcher(l.text).matches()) {
              error(ErrorCode.LANGUAGE_TAG_INVALID, "\"" + member + "\": \"@language\" must be a language tag such as "
                  + "en", r, l);
              continue;
            }
            lang = l.text;
          }
        }
        if (val == null || !val.isString()) {
          error(ErrorCode.MEMBER_TYPE, "\"" + member + "\" must be a string, a language map or an array of strings",
              r, item);
          continue;
        }
        if (values.containsKey(lang)) {
          error(ErrorCode.LANGUAGE_TAG_INVALID, "\"" + member + "\" has two values for the language " + lang, r, item);
          continue;
        }
        checkLength(r, val, member, val.text, maxLength);
        values.put(lang, val.text);
      }
    } else {
      error(ErrorCode.MEMBER_TYPE, "\"" + member + "\" must be a string or a language map, not " + n.describe(), r, n);
    }
    return new LocalizedText(values);
  }

  private void checkLength(Raw r, Node n, String member, String value, int max) {
    if (value.length() > max) {
      error(ErrorCode.STRING_TOO_LONG, "\"" + member + "\" is " + value.length() + " characters; DTDL v"
          + r.ctx.version.number() + " allows at most " + max, r, n);
    }
  }

  private List<Node> many(Raw r, Node n, String member) {
    if (n.isArray()) return n.items;
    if (n.isObject() || n.isString()) return List.of(n);
    error(ErrorCode.MEMBER_TYPE, "\"" + member + "\" must be an array, not " + n.describe(), r, n);
    return List.of();
  }

  // ---------------------------------------------------------------- class members

  private void readClassMembers(Raw r, Map<String, Node> m, Context ctx) {
    switch (r.cls) {
      case "Interface":
        readInterface(r, m, ctx);
        break;
      case "Telemetry":
      case "Field":
      case "MapValue":
        readName(r, m);
        r.schema = readSchema(r, m, "schema", ctx, true);
        break;
      case "Property":
        readName(r, m);
        r.schema = readSchema(r, m, "schema", ctx, true);
        readWritable(r, m);
        break;
      case "CommandPayload":
      case "CommandRequest":
      case "CommandResponse":
        readName(r, m);
        r.schema = readSchema(r, m, "schema", ctx, true);
        if (ctx.version == DtdlVersion.V4) {
          Node nl = m.remove("nullable");
          if (nl != null) {
            Boolean b = bool(r, nl, "nullable");
            r.nullable = b != null && b;
          }
        }
        break;
      case "Command":
        readCommand(r, m, ctx);
        break;
      case "Relationship":
        readRelationship(r, m, ctx);
        break;
      case "Component":
        readName(r, m);
        readComponentSchema(r, m, ctx);
        break;
      case "Array":
        r.schema = readSchema(r, m, "elementSchema", ctx, true);
        break;
      case "Enum":
        readEnum(r, m, ctx);
        break;
      case "EnumValue":
        readName(r, m);
        Node ev = m.remove("enumValue");
        if (ev == null) {
          error(ErrorCode.MEMBER_REQUIRED, "an EnumValue needs \"enumValue\"", r, r.node);
        } else {
          Node v = literal(ev);
          r.enumValueNode = v;
          if (v.isString()) r.enumValue = v.text;
          else if (v.kind == Node.Kind.NUMBER && v.number instanceof Integer) r.enumValue = v.number;
          else error(ErrorCode.ENUM_SCHEMA, "\"enumValue\" must be an integer or a string, not " + v.describe(), r, v);
        }
        break;
      case "Map":
        r.mapKey = readSub(r, m, "mapKey", "MapKey", ctx, true);
        r.mapValue = readSub(r, m, "mapValue", "MapValue", ctx, true);
        break;
      case "MapKey":
        readName(r, m);
        Node ks = m.remove("schema");
        if (ks == null) {
          error(ErrorCode.MEMBER_REQUIRED, "a MapKey needs \"schema\": \"string\"", r, r.node);
        } else {
          Node v = literal(ks);
          if (!v.isString() || !(v.text.equals("string") || v.text.matches("dtmi:dtdl:instance:Schema:string;[2-9]"))) {
            error(ErrorCode.MAP_KEY_SCHEMA, "a MapKey's schema must be \"string\", not " + v.describe(), r, v);
          }
        }
        break;
      case "Object":
        readObject(r, m, ctx);
        break;
      default:
        error(ErrorCode.TYPE_NOT_ALLOWED, "a " + r.cls + " cannot be written in a model", r, r.node);
    }
  }

  private void readName(Raw r, Map<String, Node> m) {
    Node n = m.remove("name");
    if (n == null) {
      error(ErrorCode.MEMBER_REQUIRED, "a " + r.cls + " needs a \"name\"", r, r.node);
      return;
    }
    String s = string(r, n, "name");
    if (s == null) return;
    r.name = s;
    r.nameNode = literal(n);
    int max = r.ctx.version.maxNameLength();
    if (s.length() > max) {
      error(ErrorCode.NAME_TOO_LONG, "name \"" + Node.abbreviate(s) + "\" is " + s.length()
          + " characters; DTDL v" + r.ctx.version.number() + " allows at most " + max, r, r.nameNode);
    } else if (!NAME.matcher(s).matches()) {
      error(ErrorCode.NAME_INVALID, "name \"" + Node.abbreviate(s) + "\" is invalid: start with a letter, use letters, "
          + "digits and underscores, and end with a letter or digit", r, r.nameNode);
    }
  }

  private void readWritable(Raw r, Map<String, Node> m) {
    Node w = m.remove("writable");
    if (w != null) {
      Boolean b = bool(r, w, "writable");
      r.writable = b != null && b;
    }
  }

  private void readInterface(Raw r, Map<String, Node> m, Context ctx) {
    Node contents = m.remove("contents");
    if (contents != null) {
      for (Node c : many(r, contents, "contents")) {
        if (c.isString()) {
          error(ErrorCode.MEMBER_TYPE, "\"contents\" items must be objects (Telemetry, Property, Command, "
              + "Relationship, Component), not " + c.describe(), r, c);
          continue;
        }
        Raw child = readElement(c, ctx, CONTENT_CLASSES, childId(r.id, "contents", nameOf(c)), r.partition,
            r.source, "a \"contents\" item");
        if (child != null) r.contents.add(child);
      }
    }
    Node ext = m.remove("extends");
    if (ext != null) {
      List<Node> items = ext.isArray() ? ext.items : List.of(ext);
      if (ctx.version == DtdlVersion.V2 && items.size() > 2) {
        error(ErrorCode.EXTENDS_TOO_MANY, "\"extends\" names " + items.size() + " Interfaces; DTDL v2 allows at most 2",
            r, ext);
      }
      for (Node e : items) {
        if (e.isString()) {
          if (!badReference(r, e, "\"extends\"")) {
            r.bases.add(Raw.Ref.dtmi(e.text, e));
            reference(e.text, e, r.source);
          }
        } else if (e.isObject()) {
          Raw inline = readElement(e, ctx, Set.of("Interface"), null, null, r.source, "an \"extends\" item");
          if (inline != null) {
            inline.partition = inline;
            r.bases.add(Raw.Ref.inline(inline));
          }
        } else {
          error(ErrorCode.MEMBER_TYPE, "\"extends\" must name Interfaces by DTMI or define them inline, not "
              + e.describe(), r, e);
        }
      }
    }
    Node schemas = m.remove("schemas");
    if (schemas != null) {
      for (Node s : many(r, schemas, "schemas")) {
        Raw child = readElement(s, ctx, COMPLEX_CLASSES, null, r.partition, r.source, "a \"schemas\" item");
        if (child != null) r.schemas.add(child);
      }
    }
  }

  private static String nameOf(Node c) {
    if (!c.isObject()) return null;
    Node n = c.get("name");
    if (n == null) return null;
    Node v = literal(n);
    return v.isString() && NAME.matcher(v.text).matches() ? v.text : null;
  }

  private void readCommand(Raw r, Map<String, Node> m, Context ctx) {
    readName(r, m);
    String payload = ctx.version == DtdlVersion.V2 ? "CommandPayload" : null;
    r.request = readSub(r, m, "request", payload == null ? "CommandRequest" : payload, ctx, false);
    r.response = readSub(r, m, "response", payload == null ? "CommandResponse" : payload, ctx, false);
    {
      Node ct = m.remove("commandType");
      if (ct != null) {
        String s = string(r, ct, "commandType");
        if (s != null && !s.matches("(?:dtmi:dtdl:instance:CommandType:)?(?:synchronous|asynchronous)(?:;[2-9])?")) {
          error(ErrorCode.VALUE_INVALID, "\"commandType\" must be \"synchronous\" or \"asynchronous\" (it is "
              + "deprecated and ignored)", r, literal(ct));
        }
        if (s != null) r.other.put("commandType", literal(ct));
      }
    }
  }

  private Raw readSub(Raw r, Map<String, Node> m, String member, String cls, Context ctx, boolean required) {
    Node n = m.remove(member);
    if (n == null) {
      if (required) error(ErrorCode.MEMBER_REQUIRED, "a " + r.cls + " needs \"" + member + "\"", r, r.node);
      return null;
    }
    Node v = literal(n);
    return readElement(v, ctx, Set.of(cls), childId(r.id, member, null), r.partition, r.source, "\"" + member + "\"");
  }

  private void readRelationship(Raw r, Map<String, Node> m, Context ctx) {
    readName(r, m);
    readWritable(r, m);
    Node t = m.remove("target");
    if (t != null) {
      String s = string(r, t, "target");
      if (s != null) {
        if (!Dtmi.isValidUserDtmi(s)) {
          error(s.length() > Dtmi.MAX_USER_LENGTH ? ErrorCode.DTMI_TOO_LONG : ErrorCode.DTMI_INVALID,
              "\"target\" must be an Interface DTMI of at most 2048 characters, not \"" + Node.abbreviate(s) + "\"", r,
              literal(t));
        } else {
          r.target = s;
        }
      }
    }
    Node min = m.remove("minMultiplicity");
    if (min != null) {
      Integer v = integer(r, min, "minMultiplicity");
      if (v != null && v != 0) {
        error(ErrorCode.MULTIPLICITY, "\"minMultiplicity\" must be 0, not " + v, r, literal(min));
      }
    }
    Node max = m.remove("maxMultiplicity");
    if (max != null) {
      Integer v = integer(r, max, "maxMultiplicity");
      if (v != null) {
        if (v < 1) {
          error(ErrorCode.MULTIPLICITY, "\"maxMultiplicity\" must be at least 1, not " + v, r, literal(max));
        } else if (ctx.version == DtdlVersion.V2 && v > 500) {
          error(ErrorCode.MULTIPLICITY, "\"maxMultiplicity\" is " + v + "; DTDL v2 allows at most 500", r,
              literal(max));
        } else {
          r.maxMultiplicity = v;
        }
      }
    }
    Node props = m.remove("properties");
    if (props != null) {
      List<Node> items = many(r, props, "properties");
      if (ctx.version == DtdlVersion.V2 && items.size() > 300) {
        error(ErrorCode.COUNT_LIMIT, "a Relationship has " + items.size() + " properties; DTDL v2 allows at most 300",
            r, props);
      }
      for (Node p : items) {
        Raw child = readElement(p, ctx, Set.of("Property"), childId(r.id, "properties", nameOf(p)), r.partition,
            r.source, "a \"properties\" item");
        if (child != null) r.properties.add(child);
      }
      uniqueNames(r, r.properties, "properties");
    }
  }

  private void readComponentSchema(Raw r, Map<String, Node> m, Context ctx) {
    Node n = m.remove("schema");
    if (n == null) {
      error(ErrorCode.MEMBER_REQUIRED, "a Component needs a \"schema\" naming an Interface", r, r.node);
      return;
    }
    Node v = literal(n);
    if (v.isString()) {
      if (!v.text.startsWith("dtmi:")) {
        error(ErrorCode.COMPONENT_SCHEMA_NOT_INTERFACE, "a Component's schema must be an Interface DTMI, not \""
            + Node.abbreviate(v.text) + "\"", r, v);
        return;
      }
      if (badReference(r, v, "a Component's schema")) return;
      r.schema = Raw.Ref.dtmi(v.text, v);
      reference(v.text, v, r.source);
    } else if (v.isObject()) {
      Raw inline = readElement(v, ctx, Set.of("Interface"), null, null, r.source, "a Component's schema");
      if (inline != null) {
        inline.partition = inline;
        r.schema = Raw.Ref.inline(inline);
      }
    } else {
      error(ErrorCode.COMPONENT_SCHEMA_NOT_INTERFACE, "a Component's schema must be an Interface, not "
          + v.describe(), r, v);
    }
  }

  private Raw.Ref readSchema(Raw r, Map<String, Node> m, String member, Context ctx, boolean required) {
    Node n = m.remove(member);
    if (n == null) {
      if (required) error(ErrorCode.MEMBER_REQUIRED, "a " + r.cls + " needs \"" + member + "\"", r, r.node);
      return null;
    }
    Node v = literal(n);
    if (v.isString()) {
      String s = v.text;
      Optional<PrimitiveSchema> p = PrimitiveSchema.ofTerm(s);
      java.util.regex.Matcher sm = SCHEMA_DTMI.matcher(s);
      if (p.isEmpty() && sm.matches()) p = PrimitiveSchema.ofTerm(sm.group(1));
      if (p.isPresent()) {
        if (p.get().since().number() > ctx.version.number()) {
          error(ErrorCode.SCHEMA_INVALID, "schema \"" + s + "\" exists only from DTDL v" + p.get().since().number(),
              r, v);
          return null;
        }
        return Raw.Ref.standard(p.get(), v);
      }
      Optional<GeospatialSchema> g = GeospatialSchema.ofTerm(s);
      if (g.isPresent()) return Raw.Ref.standard(g.get(), v);
      if (ctx.units(s) != null) return Raw.Ref.dtmi("unit:" + s, v);
      if (ctx.hasExtraSchema(s)) return Raw.Ref.dtmi("extra:" + s, v);
      if (s.startsWith("dtmi:")) {
        if (badReference(r, v, "\"" + member + "\"")) return null;
        reference(s, v, r.source);
        return Raw.Ref.dtmi(s, v);
      }
      error(ErrorCode.SCHEMA_INVALID, "\"" + member + "\": \"" + Node.abbreviate(s) + "\" is not a schema; use a "
          + "primitive such as double or string, a geospatial schema, an inline Array/Enum/Map/Object, or the DTMI of "
          + "one of the Interface's \"schemas\"", r, v);
      return null;
    }
    if (v.isObject()) {
      if (schemaNesting >= MAX_READ_NESTING) {
        error(ErrorCode.SCHEMA_TOO_DEEP, "schemas nest more than " + MAX_READ_NESTING + " levels here; DTDL v"
            + ctx.version.number() + " allows at most " + ctx.version.maxSchemaDepth(), r, v);
        return null;
      }
      schemaNesting++;
      try {
        Raw inline = readElement(v, ctx, COMPLEX_CLASSES, childId(r.id, member, null), r.partition, r.source,
            "\"" + member + "\"");
        return inline == null ? null : Raw.Ref.inline(inline);
      } finally {
        schemaNesting--;
      }
    }
    error(ErrorCode.MEMBER_TYPE, "\"" + member + "\" must be a schema name, DTMI or object, not " + v.describe(), r, v);
    return null;
  }

  private void readEnum(Raw r, Map<String, Node> m, Context ctx) {
    Node vs = m.remove("valueSchema");
    if (vs == null) {
      error(ErrorCode.MEMBER_REQUIRED, "an Enum needs \"valueSchema\": \"integer\" or \"string\"", r, r.node);
    } else {
      Node v = literal(vs);
      String s = v.isString() ? v.text : "";
      java.util.regex.Matcher sm = SCHEMA_DTMI.matcher(s);
      if (sm.matches()) s = sm.group(1);
      if (s.equals("integer")) r.valueSchema = PrimitiveSchema.INTEGER;
      else if (s.equals("string")) r.valueSchema = PrimitiveSchema.STRING;
      else error(ErrorCode.ENUM_SCHEMA, "an Enum's \"valueSchema\" must be \"integer\" or \"string\", not "
          + v.describe(), r, v);
    }
    Node values = m.remove("enumValues");
    List<Node> items = values == null ? List.of() : many(r, values, "enumValues");
    if (ctx.version == DtdlVersion.V2 && values == null) {
      error(ErrorCode.MEMBER_REQUIRED, "a DTDL v2 Enum needs \"enumValues\" (1 to 100)", r, r.node);
    } else if (ctx.version == DtdlVersion.V2 && (items.isEmpty() || items.size() > 100)) {
      error(ErrorCode.COUNT_LIMIT, "an Enum has " + items.size() + " enumValues; DTDL v2 requires 1 to 100", r,
          values == null ? r.node : values);
    }
    for (Node item : items) {
      Raw child = readElement(item, ctx, Set.of("EnumValue"), childId(r.id, "enumValues", nameOf(item)), r.partition,
          r.source, "an \"enumValues\" item");
      if (child != null) r.enumValues.add(child);
    }
    uniqueNames(r, r.enumValues, "enumValues");
    Map<Object, Raw> seen = new HashMap<>();
    for (Raw ev : r.enumValues) {
      if (ev.enumValue == null) continue;
      if (r.valueSchema == PrimitiveSchema.INTEGER && !(ev.enumValue instanceof Integer)
          || r.valueSchema == PrimitiveSchema.STRING && !(ev.enumValue instanceof String)) {
        error(ErrorCode.ENUM_SCHEMA, "\"enumValue\" " + ev.enumValueNode.describe() + " does not match the Enum's "
            + "valueSchema " + r.valueSchema.term(), ev, ev.enumValueNode);
        continue;
      }
      Raw old = seen.putIfAbsent(ev.enumValue, ev);
      if (old != null) {
        error(ErrorCode.ENUM_VALUE_DUPLICATE, "enumValue " + ev.enumValueNode.describe() + " is also the value of \""
            + old.name + "\"; enum values must be unique", ev, ev.enumValueNode);
      }
    }
  }

  private void readObject(Raw r, Map<String, Node> m, Context ctx) {
    Node fields = m.remove("fields");
    List<Node> items = fields == null ? List.of() : many(r, fields, "fields");
    if (ctx.version == DtdlVersion.V2 && fields == null) {
      error(ErrorCode.MEMBER_REQUIRED, "a DTDL v2 Object needs \"fields\" (1 to 30)", r, r.node);
    } else if (ctx.version == DtdlVersion.V2 && (items.isEmpty() || items.size() > 30)) {
      error(ErrorCode.COUNT_LIMIT, "an Object has " + items.size() + " fields; DTDL v2 requires 1 to 30", r,
          fields == null ? r.node : fields);
    }
    for (Node item : items) {
      Raw child = readElement(item, ctx, Set.of("Field"), childId(r.id, "fields", nameOf(item)), r.partition,
          r.source, "a \"fields\" item");
      if (child != null) r.fields.add(child);
    }
    uniqueNames(r, r.fields, "fields");
  }

  void uniqueNames(Raw owner, List<Raw> items, String member) {
    Map<String, Raw> seen = new HashMap<>();
    for (Raw c : items) {
      if (c.name == null) continue;
      Raw old = seen.putIfAbsent(c.name, c);
      if (old != null) {
        error(ErrorCode.NAME_DUPLICATE, "name \"" + c.name + "\" is used twice in \"" + member + "\" of "
            + owner.id, c, c.nameNode);
      }
    }
  }

  // ---------------------------------------------------------------- extension members

  private void readExtensionMembers(Raw r, Map<String, Node> m, List<Vocabulary.AdjunctType> adjuncts, Context ctx) {
    for (Vocabulary.AdjunctType a : adjuncts) {
      r.numericRequired |= a.requiresNumericSchema();
      String context = ctx.contextOf(a.term());
      if (context != null) r.adjunctContexts.put(a.term(), context);
      for (String req : a.requiresCoTypes()) {
        if (!r.coTypes.contains(req)) {
          error(a.term().equals("Override") ? ErrorCode.OVERRIDES_INVALID : ErrorCode.COTYPE_NOT_APPLICABLE,
              "co-type " + a.term() + " needs the co-type " + req + " on the same element", r,
              r.node.get("@type"));
        }
      }
      for (String req : a.requiredMembers()) {
        if (!m.containsKey(req) && !r.other.containsKey(req)) {
          if (req.equals("unit")) {
            error(ErrorCode.UNIT_REQUIRED, "semantic type " + a.term() + " needs a \"unit\" of " + a.unitType()
                .orElse("its unit type") + unitChoices(ctx, a), r, r.node);
          } else {
            error(ErrorCode.MEMBER_REQUIRED, "co-type " + a.term() + " needs \"" + req + "\"", r, r.node);
          }
        }
      }
      for (Map.Entry<String, Vocabulary.MemberKind> e : a.members().entrySet()) {
        Node n = m.remove(e.getKey());
        if (n == null) continue;
        Node v = literal(n);
        r.other.put(e.getKey(), v);
        switch (e.getValue()) {
          case UNIT: {
            if (!v.isString()) {
              error(ErrorCode.UNIT_INVALID, "\"unit\" must be a unit name string, not " + v.describe(), r, v);
              break;
            }
            String unitType = a.unitType().orElse("");
            Set<String> units = ctx.units(unitType);
            String unit = standardTerm(v.text, "unit");
            if (units != null && !units.contains(unit)) {
              error(ErrorCode.UNIT_INVALID, "unit \"" + Node.abbreviate(v.text) + "\" is not a " + unitType
                  + unitChoices(ctx, a), r, v);
            } else if (a.unitType().isPresent()) {
              r.quantity = new Quantity(a.term(), unitType, unit);
            }
            break;
          }
          case STRING:
          case CONTENT_NAME:
          case PROPERTY_NAME:
            if (!v.isString()) {
              error(ErrorCode.MEMBER_TYPE, "\"" + e.getKey() + "\" must be a string, not " + v.describe(), r, v);
            } else {
              Set<String> allowed = context == null ? Set.of() : Vocabulary.allowedValues(context, a.term(), e.getKey());
              if (!allowed.isEmpty() && !allowed.contains(v.text)) {
                error(ErrorCode.VALUE_INVALID, "\"" + e.getKey() + "\" must be one of " + sorted(allowed) + ", not \""
                    + Node.abbreviate(v.text) + "\"", r, v);
              }
            }
            break;
          case DURATION:
            if (!v.isString() || dev.twins.core.internal.TextFormats.duration(v.text) != null) {
              error(ErrorCode.VALUE_INVALID, "\"" + e.getKey() + "\" must be an ISO 8601 duration such as PT30S, not "
                  + v.describe(), r, v);
            }
            break;
          case INTEGER:
            integer(r, v, e.getKey());
            break;
          case BOOLEAN:
            bool(r, v, e.getKey());
            break;
          case DTMI:
            if (!v.isString() || !Dtmi.isValid(v.text)) {
              error(ErrorCode.DTMI_INVALID, "\"" + e.getKey() + "\" must be a DTMI, not " + v.describe(), r, v);
            }
            break;
          default:
            break;
        }
      }
    }
    if (!r.informal && m.containsKey("unit") && r.quantity == null) {
      Node u = m.remove("unit");
      error(ErrorCode.UNIT_INVALID, "\"unit\" is only allowed together with a semantic co-type such as "
          + "\"Temperature\"", r, u);
    }
  }

  private static String unitChoices(Context ctx, Vocabulary.AdjunctType a) {
    Set<String> units = a.unitType().map(ctx::units).orElse(null);
    if (units == null || units.isEmpty()) return "";
    List<String> list = new ArrayList<>(new java.util.TreeSet<>(units));
    String shown = list.size() <= 12 ? list.toString() : list.subList(0, 12) + " and " + (list.size() - 12) + " more";
    return " (one of " + shown + ")";
  }
}
