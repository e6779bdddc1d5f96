/** Implementation of {@code dev.twins.core.device}: command dispatch and logs, desired-state writes. Not exported. */
package dev.twins.core.internal.device;
