import path from 'node:path';
import { LIMITS } from '../contract/limits.js';
import { RECENT_TIER_ENOUGH, RECENT_TIER_SIZE } from './infra/search/search-index.js';

/** Typed configuration read once from the environment at start. */
export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite file is used. */
  databaseUrl: string | null;
  /** PostgreSQL: name statements so each connection plans them once (off behind PgBouncer in transaction mode; ADR 0017). */
  databasePreparedStatements: boolean;
  redisUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  cookieSecure: boolean;
  trustProxy: boolean;
  media: { store: 'disk' } | { store: 's3'; s3: S3Config };
  rateLimits: { signUpPerHour: number; signInPerMinute: number; writesPerMinute: number };
  /** How often buffered view counts are written to the database, in ms. */
  viewFlushMs: number;
  translation: TranslationConfig;
  /** The durable job queue's in-process workers (0: jobs are left to other processes). */
  jobs: { workers: number; pollMs: number };
  /** Threads that rank Discover pages, each with its own connection (0: on the event loop). */
  discoverThreads: number;
  /**
   * How often people changed since the last sweep are reindexed, in ms; and how many note documents the
   * search index's recent tier holds (0 turns it off; ADR 0006).
   */
  search: { userSyncMs: number; recentTier: number; recentEnough: number };
  // video notes (issue 9)
  video: VideoConfig;
  // moderation (issue 7)
  moderation: ModerationConfig;
  // chat (issue 8): messages per person per window; the WebSocket heartbeat interval in ms.
  chat: { sendsPerWindow: number; heartbeatMs: number };
}

// moderation (issue 7) ------------------------------------------------------------------------
/** Automated checks, their thresholds and the operator's files (see docs/operations.md). */
export interface ModerationConfig {
  /** Operator rules overlay (JSON); missing file = default rules only. */
  rulesFile: string;
  /** Extra Chinese words, one per line, added to the shipped list. */
  wordsFile: string;
  /** Request header carrying the viewer's region (set by the operator's proxy); null: regions unused. */
  regionHeader: string | null;
  /** Confidence (0–100) at or above which an automated finding labels, holds or rejects. */
  thresholds: { label: number; hold: number; reject: number };
  /** Automated checks after each post (off: only reports and moderators act; test harnesses use this). */
  automated: boolean;
  /** nsfwjs on photo note images, or off (tests that do not need it skip loading TensorFlow). */
  imageCheck: 'nsfwjs' | 'off';
  /** Accounts younger than `days` may post `postsPerHour` and `links` links per post before a hold. */
  newAccount: { days: number; postsPerHour: number; links: number };
  /** Link floods and mass mentions: more than this many per post. */
  spam: { maxLinks: number; maxMentions: number };
}

function moderationConfig(env: Env, dataDir: string): ModerationConfig {
  const thresholds = {
    label: int(env, 'MODERATION_LABEL_AT', 50, 0, 101),
    hold: int(env, 'MODERATION_HOLD_AT', 80, 0, 101),
    reject: int(env, 'MODERATION_REJECT_AT', 101, 0, 101),
  };
  if (!(thresholds.label <= thresholds.hold && thresholds.hold <= thresholds.reject)) {
    throw new ConfigError('MODERATION_HOLD_AT', 'must lie between MODERATION_LABEL_AT and MODERATION_REJECT_AT');
  }
  const header = env.MODERATION_REGION_HEADER?.trim().toLowerCase();
  return {
    rulesFile: env.MODERATION_RULES_FILE?.trim() || path.join(dataDir, 'moderation', 'rules.json'),
    wordsFile: env.MODERATION_WORDS_FILE?.trim() || path.join(dataDir, 'moderation', 'words-zh.txt'),
    regionHeader: header || null,
    thresholds,
    automated: bool(env, 'MODERATION_AUTOMATED', true),
    imageCheck: oneOf(env, 'MODERATION_IMAGE_CHECK', ['nsfwjs', 'off'] as const, 'nsfwjs'),
    newAccount: {
      days: int(env, 'MODERATION_NEW_ACCOUNT_DAYS', 3, 0, 365),
      postsPerHour: int(env, 'MODERATION_NEW_ACCOUNT_POSTS_PER_HOUR', 10, 1, 100_000),
      links: int(env, 'MODERATION_NEW_ACCOUNT_LINKS', 2, 0, 1000),
    },
    spam: {
      maxLinks: int(env, 'MODERATION_MAX_LINKS', 8, 1, 1000),
      maxMentions: int(env, 'MODERATION_MAX_MENTIONS', 10, 1, 1000),
    },
  };
}
// end moderation -----------------------------------------------------------------------------

// video notes (issue 9) ---------------------------------------------------------------------
/** The video pipeline: tools, product limits an operator may lower, and the fence around every ffmpeg run. */
export interface VideoConfig {
  ffmpegPath: string;
  ffprobePath: string;
  maxDurationSeconds: number;
  maxBytes: number;
  /** Address-space limit of each ffmpeg/ffprobe process (ulimit -v), in MiB. */
  memoryMb: number;
  /** Encoder threads per ffmpeg run. */
  threads: number;
  /** Scheduling niceness of ffmpeg (0–19): requests keep priority over transcodes. */
  nice: number;
  probeTimeoutMs: number;
  /** A transcode may take 60 s plus this many times the video's duration before it is killed. */
  timeoutFactor: number;
  /** First retry delay of a failed processing job (doubles each try). */
  retryBackoffMs: number;
}

function videoConfig(env: Env): VideoConfig {
  return {
    ffmpegPath: env.FFMPEG_PATH?.trim() || 'ffmpeg',
    ffprobePath: env.FFPROBE_PATH?.trim() || 'ffprobe',
    maxDurationSeconds: int(env, 'VIDEO_MAX_DURATION_SECONDS', LIMITS.video.maxDurationSeconds, 1, LIMITS.video.maxDurationSeconds),
    maxBytes: int(env, 'VIDEO_MAX_BYTES', LIMITS.video.maxBytes, 1024, LIMITS.video.maxBytes),
    memoryMb: int(env, 'VIDEO_FFMPEG_MEMORY_MB', 2048, 256, 65_536),
    threads: int(env, 'VIDEO_FFMPEG_THREADS', 2, 1, 64),
    nice: int(env, 'VIDEO_FFMPEG_NICE', 19, 0, 19),
    probeTimeoutMs: int(env, 'VIDEO_PROBE_TIMEOUT_MS', 30_000, 1000, 600_000),
    timeoutFactor: int(env, 'VIDEO_TIMEOUT_FACTOR', 8, 1, 1000),
    retryBackoffMs: int(env, 'VIDEO_RETRY_BACKOFF_MS', 30_000, 1, 3_600_000),
  };
}
// end video notes ----------------------------------------------------------------------------

export type TranslationProviderName = 'gloss' | 'deepl' | 'libretranslate' | 'openai';

/** The translation provider and its limits; the offline gloss is always there as the fallback. */
export interface TranslationConfig {
  provider: TranslationProviderName;
  /** Per provider request, in ms. */
  timeoutMs: number;
  /** Provider requests in flight at once, per node. */
  concurrency: number;
  /** Translation requests per person per minute. */
  perUserPerMinute: number;
  deepl: { apiKey: string; url: string } | null;
  libretranslate: { url: string; apiKey: string | null } | null;
  openai: { baseUrl: string; apiKey: string | null; model: string } | null;
}

export interface S3Config {
  bucket: string;
  region: string;
  endpoint: string | null;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number (got "${raw}")`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${value})`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${env[name]}")`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function translationConfig(env: Env): TranslationConfig {
  const provider = oneOf(env, 'TRANSLATION_PROVIDER', ['gloss', 'deepl', 'libretranslate', 'openai'] as const, 'gloss');
  const required = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new ConfigError(name, `is required when TRANSLATION_PROVIDER=${provider}`);
    return value;
  };
  const config: TranslationConfig = {
    provider,
    timeoutMs: int(env, 'TRANSLATION_TIMEOUT_MS', 8000, 100, 120_000),
    concurrency: int(env, 'TRANSLATION_CONCURRENCY', 4, 1, 256),
    perUserPerMinute: int(env, 'TRANSLATION_RATE_PER_MINUTE', 60, 1, 1_000_000),
    deepl: null,
    libretranslate: null,
    openai: null,
  };
  if (provider === 'deepl') {
    const apiKey = required('DEEPL_API_KEY');
    // DeepL Free keys end in ":fx" and live on their own host.
    const fallback = apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
    config.deepl = { apiKey, url: (url(env, 'DEEPL_API_URL', ['http:', 'https:']) ?? fallback).replace(/\/+$/, '') };
  } else if (provider === 'libretranslate') {
    const base = url(env, 'LIBRETRANSLATE_URL', ['http:', 'https:']);
    if (!base) throw new ConfigError('LIBRETRANSLATE_URL', 'is required when TRANSLATION_PROVIDER=libretranslate');
    config.libretranslate = { url: base.replace(/\/+$/, ''), apiKey: env.LIBRETRANSLATE_API_KEY?.trim() || null };
  } else if (provider === 'openai') {
    const baseUrl = (url(env, 'OPENAI_BASE_URL', ['http:', 'https:']) ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
    const apiKey = env.OPENAI_API_KEY?.trim() || null;
    // Local servers (llama.cpp, Ollama, vLLM) often need no key; OpenAI itself always does.
    if (!apiKey && new URL(baseUrl).hostname === 'api.openai.com') required('OPENAI_API_KEY');
    config.openai = { baseUrl, apiKey, model: required('OPENAI_MODEL') };
  }
  return config;
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const store = oneOf(env, 'MEDIA_STORE', ['disk', 's3'] as const, 'disk');
  let media: Config['media'] = { store: 'disk' };
  if (store === 's3') {
    const bucket = env.S3_BUCKET?.trim();
    if (!bucket) throw new ConfigError('S3_BUCKET', 'is required when MEDIA_STORE=s3');
    media = {
      store: 's3',
      s3: {
        bucket,
        region: env.S3_REGION?.trim() || 'us-east-1',
        endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
        accessKeyId: env.S3_ACCESS_KEY_ID?.trim() || null,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY?.trim() || null,
        forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', true),
      },
    };
  }
  return {
    port,
    host,
    publicUrl: publicUrl.replace(/\/$/, ''),
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    databaseUrl,
    databasePreparedStatements: bool(env, 'DATABASE_PREPARED_STATEMENTS', true),
    redisUrl,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    cookieSecure: bool(env, 'COOKIE_SECURE', publicUrl.startsWith('https:')),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    media,
    rateLimits: {
      signUpPerHour: int(env, 'RATE_LIMIT_SIGNUP_PER_HOUR', 20, 1, 1_000_000),
      signInPerMinute: int(env, 'RATE_LIMIT_SIGNIN_PER_MINUTE', 10, 1, 1_000_000),
      writesPerMinute: int(env, 'RATE_LIMIT_WRITES_PER_MINUTE', 300, 1, 10_000_000),
    },
    viewFlushMs: int(env, 'VIEW_FLUSH_MS', 5000, 10, 3_600_000),
    translation: translationConfig(env),
    jobs: { workers: int(env, 'JOBS_WORKERS', 1, 0, 64), pollMs: int(env, 'JOBS_POLL_MS', 250, 10, 60_000) },
    // Off by default: on two cores, two threads doubled Discover's throughput at size M but, in a
    // sign-up storm, competed with password hashing for the one core left (bench/discover.md, "threads").
    discoverThreads: int(env, 'DISCOVER_THREADS', 0, 0, 16),
    search: {
      userSyncMs: int(env, 'SEARCH_USER_SYNC_MS', 5000, 100, 3_600_000),
      recentTier: int(env, 'SEARCH_RECENT_TIER', RECENT_TIER_SIZE, 0, 10_000_000),
      recentEnough: int(env, 'SEARCH_RECENT_ENOUGH', RECENT_TIER_ENOUGH, 1, 10_000_000),
    },
    // video notes (issue 9)
    video: videoConfig(env),
    // moderation (issue 7)
    moderation: moderationConfig(env, path.resolve(env.DATA_DIR?.trim() || 'data')),
    // chat (issue 8)
    chat: {
      sendsPerWindow: int(env, 'CHAT_SENDS_PER_WINDOW', LIMITS.chat.sendsPerWindow, 1, 1_000_000),
      heartbeatMs: int(env, 'CHAT_HEARTBEAT_MS', 30_000, 50, 600_000),
    },
  };
}
