import { EventEmitter } from 'node:events';

/** What happened, published after commit. Subscribers do side effects (notifications, later search, translation). */
export interface DomainEventMap {
  'user.followed': { followerId: string; followeeId: string };
  /** A person signed up or changed their handle, name or bio (search reindexes them). */
  'user.updated': { userId: string };
  'note.created': { noteId: string; authorId: string; mentionedUserIds: string[] };
  'note.updated': { noteId: string; authorId: string; newlyMentionedUserIds: string[] };
  'note.deleted': { noteId: string; authorId: string };
  'note.liked': { noteId: string; authorId: string; userId: string };
  'note.collected': { noteId: string; authorId: string; userId: string };
  'comment.created': {
    commentId: string;
    noteId: string;
    noteAuthorId: string;
    authorId: string;
    parentAuthorId: string | null;
    replyToUserId: string | null;
    mentionedUserIds: string[];
  };
  'comment.liked': { commentId: string; noteId: string; commentAuthorId: string; userId: string };
  // moderation (issue 7): a decision was appended to the moderation log (the affected person gets a notice).
  'moderation.decided': { eventId: string; subjectUserId: string; action: string };
}

export type DomainEventName = keyof DomainEventMap;
type Handler<K extends DomainEventName> = (payload: DomainEventMap[K]) => void | Promise<void>;

/**
 * In-process domain events. Side effects run on the node that committed the write, so in a cluster
 * each event is handled once; cross-node broadcast (WebSocket fan-out) is a separate bus.
 */
export class DomainEvents {
  private readonly emitter = new EventEmitter();
  /** Handlers still running, so shutdown (and tests) can wait for side effects to land. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly onError: (err: unknown, event: string) => void) {
    this.emitter.setMaxListeners(100);
  }

  on<K extends DomainEventName>(event: K, handler: Handler<K>): void {
    this.emitter.on(event, (payload: DomainEventMap[K]) => {
      try {
        const result = handler(payload);
        if (result instanceof Promise) {
          const tracked = result.catch((err) => this.onError(err, event));
          this.pending.add(tracked);
          void tracked.finally(() => this.pending.delete(tracked));
        }
      } catch (err) {
        this.onError(err, event);
      }
    });
  }

  emit<K extends DomainEventName>(event: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(event, payload);
  }

  /** Resolves once every handler started so far (and any they started in turn) has finished. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
