package dev.twins.persistence.internal;

import dev.twins.core.telemetry.RecentMessageIds;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of a message ids record ({@link RecordTypes#MESSAGE_IDS}, version 1; see
 * docs/formats.md): the message ids one twin remembers for its telemetry duplicate window, so
 * that a message sent again after a reopen is still dropped as a duplicate.
 *
 * <pre>
 * twin id (string); newest source time (zigzag, epoch ms); id count (varint);
 * per id, oldest first: the id (string), its message's source time as a zigzag delta from the
 * previous id's (the first from 0)
 * </pre>
 */
final class MessageIdCodec {
  private MessageIdCodec() {}

  static void encode(RecentMessageIds ids, Bytes out) {
    out.string(ids.twinId());
    out.zigzag(ids.newestEpochMillis());
    out.varLong(ids.ids().size());
    long prev = 0;
    for (RecentMessageIds.Entry e : ids.ids()) {
      out.string(e.messageId());
      out.zigzag(e.epochMillis() - prev);
      prev = e.epochMillis();
    }
  }

  /**
   * Decodes a payload.
   *
   * @throws IllegalArgumentException if it is malformed
   */
  static RecentMessageIds decode(ByteBuffer payload) {
    Bytes.Reader r = new Bytes.Reader(payload);
    String twinId = r.string();
    long newest = r.zigzag();
    int n = r.varInt();
    if (n > r.remaining()) throw new IllegalArgumentException(n + " message ids past the end");
    List<RecentMessageIds.Entry> ids = new ArrayList<>(n);
    long prev = 0;
    for (int i = 0; i < n; i++) {
      String id = r.string();
      prev += r.zigzag();
      ids.add(new RecentMessageIds.Entry(id, prev));
    }
    if (r.hasMore()) throw new IllegalArgumentException("unexpected bytes after the message ids at " + r.position());
    return new RecentMessageIds(twinId, newest, ids);
  }
}
