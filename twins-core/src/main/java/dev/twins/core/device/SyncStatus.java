package dev.twins.core.device;

/** Whether a device has applied the latest desired value of a writable property. */
public enum SyncStatus {
  /** No desired value was ever set: the device's reported value is all there is. */
  NO_DESIRED_VALUE,
  /** The device has not yet answered the latest desired version, or answered that it is still working on it (202). */
  PENDING,
  /** The device answered the latest desired version with success (2xx other than 202). */
  IN_SYNC,
  /** The device answered the latest desired version with a failure (3xx, 4xx or 5xx). */
  FAILED
}
