import type { ServerFrame } from '../../../contract/chat.js';
import type { AppContext } from '../../context.js';

/** The bus channel every node's WebSocket gateway listens on. */
export const CHAT_CHANNEL = 'chat';

/** A frame for the sockets of some people, wherever (on whichever node) they are connected. */
export interface Envelope {
  to: string[];
  frame: ServerFrame;
}

/** Publishes a frame to people's sockets on every node; fire-and-forget, the database is the record. */
export function deliver(ctx: AppContext, to: string[], frame: ServerFrame): void {
  if (!to.length) return;
  const envelope: Envelope = { to, frame };
  ctx.bus.publish(CHAT_CHANNEL, envelope).catch((err) => ctx.log.warn({ err }, 'chat delivery failed'));
}
