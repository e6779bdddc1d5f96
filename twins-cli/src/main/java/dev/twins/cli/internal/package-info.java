/**
 * The subcommands of {@code twins} and their support; not an API.
 */
package dev.twins.cli.internal;
