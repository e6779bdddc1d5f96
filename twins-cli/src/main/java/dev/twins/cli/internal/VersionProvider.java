package dev.twins.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The text of {@code twins --version}: the Twins version, from {@code version.properties}
 * (written by the Maven build), and the Java runtime.
 */
public final class VersionProvider implements IVersionProvider {
  /** Creates the provider. */
  public VersionProvider() {}

  /** @return the Twins version, e.g. {@code 0.1.0}, or {@code unknown} outside a Maven build */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String v = p.getProperty("version", "");
    if (v.isEmpty() || v.startsWith("${")) {
      v = VersionProvider.class.getPackage().getImplementationVersion();
    }
    return v == null || v.isEmpty() ? "unknown" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "twins " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
    };
  }
}
