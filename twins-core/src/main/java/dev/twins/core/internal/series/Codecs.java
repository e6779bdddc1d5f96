package dev.twins.core.internal.series;

/** The codec of each kind of series. */
final class Codecs {
  private Codecs() {}

  static BlockCodec doubles() {
    return new RawCodec(1);
  }

  static BlockCodec runs() {
    return new RawCodec(1);
  }

  static BlockCodec points() {
    return new RawCodec(2);
  }
}
