import os from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { Database } from './db/database.js';
import { postgresDialect, sqliteDialect } from './db/dialect.js';
import type { BlobStore } from './infra/blobs/blob-store.js';
import { DiskBlobStore } from './infra/blobs/disk-blob-store.js';
import type { Bus } from './infra/bus/bus.js';
import { createBus } from './infra/bus/create-bus.js';
import { DomainEvents } from './infra/events/domain-events.js';
import { JobQueue } from './infra/queue/job-queue.js';
import { createSearchIndex } from './infra/search/create-search-index.js';
import type { SearchIndex } from './infra/search/search-index.js';
import { PasswordHasher } from './modules/accounts/password.js';
import { SessionCache } from './modules/accounts/session-cache.js';
import { RuleBook } from './modules/moderation/rules.js';
import { LogVerificationSender, type VerificationSender } from './modules/accounts/verification-sender.js';
import { loadStickerCatalog, type StickerCatalog } from './modules/stickers/stickers.catalog.js';
import { Translator } from './modules/translation/translator.js';

export interface Clock {
  now(): number;
}

/**
 * The composition root: every dependency the app has, built once and passed explicitly.
 * No module reaches for a global.
 */
export interface AppContext {
  config: Config;
  log: Logger;
  database: Database;
  blobs: BlobStore;
  events: DomainEvents;
  /** Cross-node broadcast (chat fan-out to sockets): in-process, or Redis pub/sub with REDIS_URL. */
  bus: Bus;
  clock: Clock;
  verificationSender: VerificationSender;
  /** Translation providers, the offline gloss, language detection and learner aids (lazy-loaded). */
  translator: Translator;
  /** Shared state for a cluster (rate limits; later pub/sub); null in the embedded deployment. */
  redis: Redis | null;
  /** argon2id hashing, throttled so a sign-up storm leaves a core for everything else. */
  passwords: PasswordHasher;
  /** Recently resolved sign-in sessions (see SessionCache). */
  sessions: SessionCache;
  /** The built-in sticker pack and the operator's packs, read once at start. */
  stickers: StickerCatalog;
  /** Durable background jobs in the database (search indexing, later media and exports). */
  queue: JobQueue;
  /** The full-text engine that goes with the database (FTS5 | PostgreSQL full-text). */
  search: SearchIndex;
  /** moderation (issue 7): the community rules in force, the latest version in the database (ADR 0011). */
  rules: RuleBook;
  /** Closes everything the context opened, in reverse order. */
  close(): Promise<void>;
}

export interface ContextOverrides {
  log?: Logger;
  clock?: Clock;
  verificationSender?: VerificationSender;
  /** An already opened database (bench/trace.ts times every statement through its own driver). */
  database?: Database;
}

/** Builds the context from configuration; opens (but does not migrate) the database. */
export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const log =
    overrides.log ??
    pino({
      level: config.logLevel,
      // Secrets never reach the log, whatever a handler passes in.
      redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token', 'res.headers["set-cookie"]'],
    });
  const database =
    overrides.database ??
    new Database(
      config.databaseUrl
        ? await postgresDialect(config.databaseUrl, (err) => log.warn({ err: err.message }, 'postgres connection lost'), undefined, {
            namedStatements: config.databasePreparedStatements,
          })
        : sqliteDialect(path.join(config.dataDir, 'kuaan.db')),
    );
  database.reportHookErrorsTo((err) => log.error({ err }, 'after-commit hook failed'));

  // The S3 client, Redis and PostgreSQL's driver are imported only when configured: together they
  // were ~40 MB of the embedded server's resident memory (docs/operations.md, "Memory").
  const blobs: BlobStore =
    config.media.store === 's3'
      ? (await import('./infra/blobs/s3-blob-store.js')).S3BlobStore.fromConfig(config.media.s3)
      : new DiskBlobStore(path.join(config.dataDir, 'media'));

  // Short timeouts: a rate-limit check must fail fast rather than hang a request when Redis is away.
  const redis = config.redisUrl
    ? new (await import('ioredis')).Redis(config.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1, lazyConnect: false })
    : null;
  redis?.on('error', (err) => log.warn({ err: err.message }, 'redis error'));

  const events = new DomainEvents((err, event) => log.error({ err, event }, 'domain event handler failed'));
  // Chat: the bus gets its own Redis subscriber connection (see RedisBus).
  const bus = createBus(redis, (err, channel) => log.warn({ err, channel }, 'bus handler failed'));
  const clock = overrides.clock ?? { now: () => Date.now() };
  const queue = new JobQueue(database, {
    clock,
    workers: config.jobs.workers,
    pollMs: config.jobs.pollMs,
    onError: (err, job) => log.warn({ err, job }, 'job failed'),
  });

  return {
    config,
    log,
    database,
    blobs,
    events,
    bus,
    clock,
    verificationSender: overrides.verificationSender ?? new LogVerificationSender(log),
    translator: new Translator(config.translation),
    redis,
    // Hashing leaves a core for the event loop and one for each Discover thread (at least one hash).
    passwords: new PasswordHasher(Math.max(1, os.availableParallelism() - 1 - config.discoverThreads)),
    sessions: new SessionCache(),
    stickers: loadStickerCatalog(config.dataDir, log),
    queue,
    search: createSearchIndex(database.kind, { recentTier: config.search.recentTier, recentEnough: config.search.recentEnough }),
    // The rule files are read and applied when the server starts (moderationRoutes' onReady).
    rules: new RuleBook(database, config.moderation.rulesFile, { now: () => clock.now(), bus }),
    async close() {
      await queue.stop();
      await bus.close();
      await redis?.quit().catch(() => redis.disconnect());
      await database.destroy();
    },
  };
}
