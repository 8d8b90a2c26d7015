import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

// uuid's own v7() draws 16 fresh bytes from crypto.getRandomValues for every id: ~5 µs each in a
// loaded server, and a text note makes four or five ids (bench/write-path.md). Drawing the random
// bytes 4 KiB at a time, as Node's randomUUID() does, costs a fraction of that. uuid then only
// formats; the monotonic state it keeps for v7() without options is kept here instead.
const pool = new Uint8Array(4096);
let used = pool.length;
let lastMs = Number.NEGATIVE_INFINITY;
let seq = 0;

/** A new time-sortable id (UUIDv7): ids sort in creation order, so they double as cursor tie-breakers. */
export function newId(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.subarray(used, used + 16);
  used += 16;
  const now = Date.now();
  if (now > lastMs) {
    // A new millisecond starts its 31-bit counter at a random value (RFC 9562 §6.2, method 1), as uuid does.
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    lastMs = now;
  } else {
    // Same millisecond (or the clock stepped back): count on, and borrow the next millisecond on overflow.
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  return v7({ random, msecs: lastMs, seq });
}
