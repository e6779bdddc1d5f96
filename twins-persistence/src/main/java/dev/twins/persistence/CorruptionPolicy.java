package dev.twins.persistence;

/** What opening a store does when the journal is damaged before its tail. */
public enum CorruptionPolicy {
  /**
   * Refuse to open: throw a {@link StoreException} naming the file and byte offset, and leave every
   * file as it is (the default), so that the damage can be inspected or repaired.
   */
  FAIL,
  /**
   * Cut the journal at the damaged record: the records from there on (and later segments) are
   * deleted, and the store opens with the state before them. Reported in
   * {@link RecoveryReport#truncatedCorruption()}.
   */
  TRUNCATE
}
