/**
 * The device side of the twin graph: {@link dev.twins.core.device.Devices} keeps desired and
 * reported values of writable properties as IoT Plug and Play does (desired value and version; the
 * device's value with ack code, version and description; {@link dev.twins.core.device.SyncStatus}
 * says whether the device applied the latest desired value), and sends DTDL Commands to devices
 * through the {@link dev.twins.core.device.CommandHandler}s the embedding service registers,
 * validating requests and responses, timing out pending commands and keeping a bounded
 * per-twin {@link dev.twins.core.device.CommandRecord} log.
 */
package dev.twins.core.device;
