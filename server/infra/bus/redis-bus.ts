import type { Redis } from 'ioredis';
import type { Bus, BusHandler } from './bus.js';

const PREFIX = 'kuaan:bus:';

/**
 * The cluster bus: Redis pub/sub. A connection in subscriber mode can do nothing else, so the bus
 * keeps its own subscriber (a duplicate of the app's connection) and publishes on the shared one.
 */
export class RedisBus implements Bus {
  private readonly subscriber: Redis;
  private readonly channels = new Map<string, Set<BusHandler>>();
  private readonly subscribing = new Set<Promise<unknown>>();

  constructor(
    private readonly publisher: Redis,
    private readonly onError: (err: unknown, channel: string) => void,
  ) {
    this.subscriber = publisher.duplicate();
    this.subscriber.on('error', (err) => onError(err, '(subscriber)'));
    this.subscriber.on('message', (raw: string, payload: string) => {
      const channel = raw.slice(PREFIX.length);
      const handlers = this.channels.get(channel);
      if (!handlers) return;
      let message: unknown;
      try {
        message = JSON.parse(payload);
      } catch (err) {
        this.onError(err, channel);
        return;
      }
      for (const handler of handlers) {
        try {
          handler(message);
        } catch (err) {
          this.onError(err, channel);
        }
      }
    });
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.publisher.publish(PREFIX + channel, JSON.stringify(message));
  }

  subscribe(channel: string, handler: BusHandler): () => void {
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
      const pending = this.subscriber.subscribe(PREFIX + channel).catch((err) => this.onError(err, channel));
      this.subscribing.add(pending);
      void pending.finally(() => this.subscribing.delete(pending));
    }
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.channels.get(channel) === set) {
        this.channels.delete(channel);
        this.subscriber.unsubscribe(PREFIX + channel).catch((err) => this.onError(err, channel));
      }
    };
  }

  async ready(): Promise<void> {
    await Promise.all([...this.subscribing]);
  }

  async close(): Promise<void> {
    this.channels.clear();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}
