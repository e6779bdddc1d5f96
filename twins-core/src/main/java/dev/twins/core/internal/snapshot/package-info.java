/**
 * The compact state of twins and relationships for durable snapshots: read without copies and
 * built straight from decoded arrays. Exported only to {@code dev.twins.persistence}.
 */
package dev.twins.core.internal.snapshot;
