import type { Redis } from 'ioredis';
import type { Bus } from './bus.js';
import { InProcessBus } from './in-process-bus.js';
import { RedisBus } from './redis-bus.js';

/** Redis pub/sub when the deployment has Redis (several app nodes), else in-process. */
export function createBus(redis: Redis | null, onError: (err: unknown, channel: string) => void): Bus {
  return redis ? new RedisBus(redis, onError) : new InProcessBus(onError);
}
