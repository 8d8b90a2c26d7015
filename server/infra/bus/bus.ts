/**
 * The cross-node broadcast port. Domain events (server/infra/events) run side effects once, on the
 * node that committed; the bus instead reaches EVERY node, so a chat message written through one
 * app node reaches sockets held by all of them. Delivery is at-most-once and unordered across
 * channels: anything that must not be lost is in the database and is replayed by seq on resume.
 */
export type BusHandler = (message: unknown) => void;

export interface Bus {
  /** Sends a JSON-serializable message to every subscriber of channel, on every node. */
  publish(channel: string, message: unknown): Promise<void>;
  /** Listens on channel; returns a function that stops listening. */
  subscribe(channel: string, handler: BusHandler): () => void;
  /** Resolves once the bus can carry messages (the Redis subscriber is subscribed). */
  ready(): Promise<void>;
  close(): Promise<void>;
}
