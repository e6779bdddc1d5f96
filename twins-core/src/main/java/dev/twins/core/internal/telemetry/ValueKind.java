package dev.twins.core.internal.telemetry;

import dev.twins.core.model.EnumSchema;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Schema;

/** How a telemetry's values are checked and held: as a double, an integral double, a boolean, or JSON. */
enum ValueKind {
  DOUBLE, INTEGRAL, BOOLEAN, JSON;

  static ValueKind of(Schema schema) {
    if (schema instanceof PrimitiveSchema p) {
      switch (p) {
        case DOUBLE:
        case FLOAT:
          return DOUBLE;
        case INTEGER:
        case LONG:
        case BYTE:
        case SHORT:
        case UNSIGNED_BYTE:
        case UNSIGNED_SHORT:
        case UNSIGNED_INTEGER:
        case UNSIGNED_LONG:
          return INTEGRAL;
        case BOOLEAN:
          return BOOLEAN;
        default:
          return JSON;
      }
    }
    return JSON;
  }

  /** @return the smallest value of an integral schema */
  static double min(Schema schema) {
    if (!(schema instanceof PrimitiveSchema p)) return Double.NEGATIVE_INFINITY;
    switch (p) {
      case INTEGER: return Integer.MIN_VALUE;
      case LONG: return -0x1p63;
      case BYTE: return Byte.MIN_VALUE;
      case SHORT: return Short.MIN_VALUE;
      case UNSIGNED_BYTE:
      case UNSIGNED_SHORT:
      case UNSIGNED_INTEGER:
      case UNSIGNED_LONG:
        return 0;
      case FLOAT: return -Float.MAX_VALUE;
      default: return Double.NEGATIVE_INFINITY;
    }
  }

  /** @return the largest value of an integral schema */
  static double max(Schema schema) {
    if (!(schema instanceof PrimitiveSchema p)) return Double.POSITIVE_INFINITY;
    switch (p) {
      case INTEGER: return Integer.MAX_VALUE;
      case LONG: return 0x1p63 - 1024;
      case BYTE: return Byte.MAX_VALUE;
      case SHORT: return Short.MAX_VALUE;
      case UNSIGNED_BYTE: return 255;
      case UNSIGNED_SHORT: return 65535;
      case UNSIGNED_INTEGER: return 4294967295.0;
      case UNSIGNED_LONG: return 0x1p64 - 2048;
      case FLOAT: return Float.MAX_VALUE;
      default: return Double.POSITIVE_INFINITY;
    }
  }

  static boolean isEnum(Schema schema) {
    return schema instanceof EnumSchema;
  }
}
