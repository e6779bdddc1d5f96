package dev.twins.core.device;

import java.util.concurrent.CompletionStage;

/**
 * Carries a command to a device and brings its reply back: the embedding service's device
 * connector (an MQTT client, an IoT Hub direct-method call, a simulator). Register one per model and
 * command with {@link Devices#handle} or one per twin with {@link Devices#connect}.
 *
 * <p>The handler is called in the invoking thread and must not block: it starts the work and
 * returns a stage that completes with the device's reply. A stage that completes exceptionally,
 * or a handler that throws, is recorded as status 500; a reply after the command's timeout is
 * recorded as late.
 */
@FunctionalInterface
public interface CommandHandler {
  /**
   * Sends a command to the device.
   *
   * @param call the twin, command and validated request
   * @return a stage that completes with the device's reply
   */
  CompletionStage<CommandReply> handle(CommandCall call);
}
