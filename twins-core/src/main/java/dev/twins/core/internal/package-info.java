/**
 * Implementation of twins-core, not exported: the DTDL vocabulary of extensions and units,
 * instance validation of JSON values, and reading model files. The DTDL parser itself is in
 * {@code dev.twins.core.internal.dtdl}.
 */
package dev.twins.core.internal;
