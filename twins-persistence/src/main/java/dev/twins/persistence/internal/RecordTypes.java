package dev.twins.persistence.internal;

/**
 * The record types of journal segments and snapshot files, each with the version this code writes
 * (see docs/formats.md). A reader refuses a type or version it does not know, naming the file and
 * offset.
 */
public final class RecordTypes {
  private RecordTypes() {}

  /** Models added to the store: a JSON array of DTDL interfaces (UTF-8). */
  public static final int MODELS = 1;
  /** A twin was created (binary change event). */
  public static final int TWIN_CREATED = 2;
  /** A twin was updated (binary change event). */
  public static final int TWIN_UPDATED = 3;
  /** A twin was deleted (binary change event). */
  public static final int TWIN_DELETED = 4;
  /** A relationship was created (binary change event). */
  public static final int RELATION_CREATED = 5;
  /** A relationship was updated (binary change event). */
  public static final int RELATION_UPDATED = 6;
  /** A relationship was deleted (binary change event). */
  public static final int RELATION_DELETED = 7;
  /** An accepted telemetry message (see {@code EventCodec.telemetry}). */
  public static final int TELEMETRY = 8;
  /** A change of the telemetry hub's rules, declaratively (see {@code RuleCodec}); in snapshots, one rule. */
  public static final int RULES = 9;
  /** Snapshot: what it covers (graph sequence, time). */
  public static final int SNAPSHOT_INFO = 16;
  /** Snapshot: one twin. */
  public static final int TWIN = 17;
  /** Snapshot: one relationship. */
  public static final int RELATION = 18;
  /** Snapshot: a telemetry series (or a part of a long one) as its compressed blocks (see {@code SeriesBlockCodec}). */
  public static final int SERIES_BLOCK = 19;
  /** Snapshot: every sample of one telemetry series (see {@code SeriesCodec}); read, no longer written. */
  public static final int SERIES_SAMPLES = 20;
  /** Snapshot: the newest reading of a telemetry that keeps no series (an encoded telemetry message). */
  public static final int LAST_READING = 21;
  /**
   * Snapshot: the journal's last lsn once the telemetry was read; the samples of telemetry records
   * up to it may already be in the snapshot's series.
   */
  public static final int TELEMETRY_CUT = 22;
  /** Snapshot: the message ids one twin remembers for its telemetry duplicate window (see {@code MessageIdCodec}). */
  public static final int MESSAGE_IDS = 23;
  /** Journal and snapshot: the settings of the store's property history (see {@code HistoryCodec}). */
  public static final int HISTORY_SETTINGS = 24;
  /** Snapshot: one property history (or a part of a long one) as its compressed blocks (see {@code HistoryCodec}). */
  public static final int HISTORY_BLOCKS = 25;
  /**
   * Snapshot: the names (model DTMIs, property names, metadata keys, relationship names, ETag
   * prefixes) that twin records of version 2 and relationship records of version 3 refer to by code.
   */
  public static final int NAMES = 30;
  /** Snapshot: the last record, with the counts of the others. */
  public static final int END = 31;

  /** Version 1 of a type: what this code writes for every type but snapshot relationships. */
  public static final int V1 = 1;
  /**
   * Version 2 of a type: snapshot relationships ({@link #RELATION}) whose twins are written as
   * their positions among the snapshot's twin records instead of their ids.
   */
  public static final int V2 = 2;
  /** Record type version 3. */
  public static final int V3 = 3;

  /**
   * Names a type for messages.
   *
   * @param type the type
   * @return its name
   */
  public static String name(int type) {
    switch (type) {
      case MODELS: return "models";
      case TWIN_CREATED: return "twin created";
      case TWIN_UPDATED: return "twin updated";
      case TWIN_DELETED: return "twin deleted";
      case RELATION_CREATED: return "relationship created";
      case RELATION_UPDATED: return "relationship updated";
      case RELATION_DELETED: return "relationship deleted";
      case TELEMETRY: return "telemetry";
      case RULES: return "rules";
      case SNAPSHOT_INFO: return "snapshot info";
      case TWIN: return "twin";
      case RELATION: return "relationship";
      case SERIES_BLOCK: return "series blocks";
      case SERIES_SAMPLES: return "series samples";
      case LAST_READING: return "last reading";
      case TELEMETRY_CUT: return "telemetry cut";
      case MESSAGE_IDS: return "message ids";
      case HISTORY_SETTINGS: return "history settings";
      case HISTORY_BLOCKS: return "history blocks";
      case NAMES: return "names";
      case END: return "end";
      default: return "unknown type " + type;
    }
  }
}
