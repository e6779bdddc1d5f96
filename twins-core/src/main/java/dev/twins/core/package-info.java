/**
 * Types shared by every part of Twins, such as the root exception {@link dev.twins.core.TwinsException}.
 */
package dev.twins.core;
