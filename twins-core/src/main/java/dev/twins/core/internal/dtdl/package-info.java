/**
 * The DTDL parser, not exported. {@code JsonText} reads each text into a tree of {@code Node}s
 * that remember line and JSON pointer; {@code DtdlParser} reads elements and checks every rule one
 * element's text can break, collecting errors; {@code ModelResolver} checks the rules that span
 * the model set (references, inheritance, components, schema nesting, extension cross-references)
 * and builds the immutable object model of {@code dev.twins.core.model}.
 */
package dev.twins.core.internal.dtdl;
