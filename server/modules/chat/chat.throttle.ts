import type { Redis } from 'ioredis';
import { AppError } from '../../errors.js';

/**
 * Per-person send budget shared by HTTP and WebSocket sends (the HTTP rate-limit plugin cannot see
 * socket frames). Fixed windows: in memory on one node, in Redis when nodes must share the count.
 */
export class SendThrottle {
  private readonly local = new Map<string, { window: number; count: number }>();

  constructor(
    private readonly redis: Redis | null,
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one send; throws a 429 problem when the person is over budget. */
  async take(userId: string): Promise<void> {
    const now = this.now();
    const window = Math.floor(now / this.windowMs);
    let count: number;
    if (this.redis) {
      const key = `kuaan-chat-send:${userId}:${window}`;
      try {
        count = await this.redis.incr(key);
        if (count === 1) await this.redis.pexpire(key, this.windowMs * 2);
      } catch {
        // Redis away: fall back to this node's count rather than refusing every message.
        count = this.takeLocal(userId, window);
      }
    } else {
      count = this.takeLocal(userId, window);
    }
    if (count > this.max) {
      const seconds = Math.max(1, Math.ceil(((window + 1) * this.windowMs - now) / 1000));
      throw new AppError(429, 'rate_limited', { seconds });
    }
  }

  private takeLocal(userId: string, window: number): number {
    const entry = this.local.get(userId);
    if (entry && entry.window === window) return ++entry.count;
    // Old windows are dropped as people send again; sweep now and then so idle people do not pile up.
    if (this.local.size > 10_000) for (const [k, v] of this.local) if (v.window < window) this.local.delete(k);
    this.local.set(userId, { window, count: 1 });
    return 1;
  }
}
