import type { Bus, BusHandler } from './bus.js';

/**
 * The embedded deployment's bus: one process, so publishing is calling the handlers. Messages go
 * through JSON like they would over Redis, so code that works here does not lean on shared objects.
 */
export class InProcessBus implements Bus {
  private readonly channels = new Map<string, Set<BusHandler>>();

  constructor(private readonly onError: (err: unknown, channel: string) => void) {}

  async publish(channel: string, message: unknown): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers?.size) return;
    const copy = JSON.stringify(message);
    // Asynchronous like the network: a publisher never runs subscribers inside its own stack.
    queueMicrotask(() => {
      for (const handler of handlers) {
        try {
          handler(JSON.parse(copy));
        } catch (err) {
          this.onError(err, channel);
        }
      }
    });
  }

  subscribe(channel: string, handler: BusHandler): () => void {
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.channels.clear();
  }
}
