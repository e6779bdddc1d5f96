/** Implementation of the durable stores: not exported. */
package dev.twins.persistence.internal;
