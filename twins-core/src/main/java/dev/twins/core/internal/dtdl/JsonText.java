package dev.twins.core.internal.dtdl;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/** Reads a JSON text into a {@link Node} tree, keeping lines and JSON pointers. Iterative: no deep recursion. */
final class JsonText {
  /** Deeper nesting is rejected: DTDL never needs more than a few dozen levels. */
  static final int MAX_DEPTH = 256;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxStringLength(Integer.MAX_VALUE / 4)
          .build())
      .build();

  /** A failure to read the text as JSON. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean tooDeep;
    final int line;

    Failure(String message, int line, boolean tooDeep) {
      super(message, null, false, false);
      this.line = line;
      this.tooDeep = tooDeep;
    }
  }

  private JsonText() {}

  static Node read(String text) throws Failure {
    int from = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    Deque<Node> stack = new ArrayDeque<>();
    Node root = null;
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text.toCharArray(), from, text.length() - from)) {
      try {
        root = readTokens(p, stack);
      } catch (StreamConstraintsException e) {
        throw new Failure("JSON nests deeper than " + MAX_DEPTH + " levels", p.currentLocation().getLineNr(), true);
      }
    } catch (StreamConstraintsException e) {
      throw new Failure("JSON nests deeper than " + MAX_DEPTH + " levels", line(e), true);
    } catch (JacksonException e) {
      throw new Failure(clean(e.getOriginalMessage()), line(e), false);
    }
    if (root == null) throw new Failure("the text is empty", 0, false);
    return root;
  }

  private static Node readTokens(JsonParser p, Deque<Node> stack) throws Failure {
    Node root = null;
    {
      JsonToken t;
      String name = null;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.PROPERTY_NAME) {
          name = p.currentName();
          Node parent = stack.peek();
          if (parent.fields.containsKey(name)) {
            throw new Failure("duplicate member \"" + Node.abbreviate(name) + "\" in one object",
                p.currentTokenLocation().getLineNr(), false);
          }
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          Node done = stack.pop();
          done.end = p.currentTokenLocation().getCharOffset() + 1;
          done.freeze();
          continue;
        }
        Node parent = stack.peek();
        // The JSON pointer is made only when an error needs it: from the parent and the key or index.
        Object pointer = parent == null ? null : parent.isObject() ? name : (Object) parent.items.size();
        TokenStreamLocation loc = p.currentTokenLocation();
        Node n;
        switch (t) {
          case START_OBJECT:
            n = new Node(Node.Kind.OBJECT, loc.getLineNr(), parent, pointer, loc.getCharOffset());
            n.fields = Node.newFields();
            break;
          case START_ARRAY:
            n = new Node(Node.Kind.ARRAY, loc.getLineNr(), parent, pointer, loc.getCharOffset());
            n.items = new ArrayList<>();
            break;
          case VALUE_STRING:
            n = new Node(Node.Kind.STRING, loc.getLineNr(), parent, pointer, loc.getCharOffset());
            n.text = p.getString();
            break;
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            n = new Node(Node.Kind.NUMBER, loc.getLineNr(), parent, pointer, loc.getCharOffset());
            n.number = t == JsonToken.VALUE_NUMBER_INT ? p.getNumberValue() : p.getDecimalValue();
            break;
          case VALUE_TRUE:
          case VALUE_FALSE:
            n = new Node(Node.Kind.BOOLEAN, loc.getLineNr(), parent, pointer, loc.getCharOffset());
            n.bool = t == JsonToken.VALUE_TRUE;
            break;
          case VALUE_NULL:
            n = new Node(Node.Kind.NULL, loc.getLineNr(), parent, pointer, loc.getCharOffset());
            break;
          default:
            throw new Failure("unexpected JSON token " + t, loc.getLineNr(), false);
        }
        if (parent == null) root = n;
        else if (parent.isObject()) parent.fields.put(name, n);
        else parent.items.add(n);
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          stack.push(n);
        }
      }
    }
    return root;
  }

  /** Drops Jackson's source descriptions: the error already names the file and line. */
  static String clean(String message) {
    if (message == null) return "malformed JSON";
    String m = message.replaceAll("\\s*\\(for (?:Array|Object|root value) starting at \\[Source:[^\\]]*\\]\\)", "")
        .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "")
        .replaceAll("\\s+", " ").trim();
    return m.isEmpty() ? "malformed JSON" : m;
  }

  private static int line(JacksonException e) {
    TokenStreamLocation loc = e.getLocation();
    return loc == null ? 0 : Math.max(0, loc.getLineNr());
  }
}
