/** Durable twin stores. */
package dev.twins.persistence;
