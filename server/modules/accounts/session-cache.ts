import type { Viewer } from '../../plugins/auth.js';

export interface CachedSession {
  viewer: Viewer;
  expiresAt: number;
  lastSeenAt: number;
  cachedAt: number;
}

/**
 * Recently resolved sessions, so a signed-in request does not cost a database round trip (the
 * lookup was most of a signed-in request's cost: bench/findings.md). Entries live `ttlMs` at most;
 * sign-out, revocation, a password change or a profile change evicts the person's entries at once
 * on this node. Another node of a cluster notices within `ttlMs` (see ADR 0002).
 */
export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 20_000,
  ) {}

  get(tokenHash: string, now: number): CachedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (now - entry.cachedAt > this.ttlMs || entry.expiresAt <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  /** Stores a resolved session and returns the stored entry. */
  set(tokenHash: string, entry: Omit<CachedSession, 'cachedAt'>, now: number): CachedSession {
    if (this.entries.size >= this.maxEntries && !this.entries.has(tokenHash)) {
      // Oldest first: Map keeps insertion order.
      this.entries.delete(this.entries.keys().next().value!);
    }
    const stored = { ...entry, cachedAt: now };
    this.entries.set(tokenHash, stored);
    return stored;
  }

  /** Forgets every cached session of this person (sign-out, revoke, password or profile change). */
  evictUser(userId: string): void {
    for (const [hash, entry] of this.entries) if (entry.viewer.userId === userId) this.entries.delete(hash);
  }
}
