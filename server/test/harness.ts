import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { type AppContext, createContext } from '../context.js';
import { migrateToLatest } from '../db/migrations/index.js';
import type { KuaanApp } from '../plugins/types.js';

export type DbKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI always sets it). */
export function testDatabases(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestApp {
  kind: DbKind;
  app: KuaanApp;
  ctx: AppContext;
  /** Verification codes the app sent, newest last. */
  sentCodes: Array<{ channel: string; target: string; code: string }>;
  close(): Promise<void>;
}

/** An empty PostgreSQL database of its own, dropped by the returned function. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `kuaan_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A whole app on a fresh, migrated database of the given kind, with its own data folder.
 * Rate limits are high unless a test sets them: tests exercise them on purpose, not by accident.
 */
export async function startTestApp(kind: DbKind, env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-test-'));
  const pgDb = kind === 'postgres' ? await freshPostgresDatabase() : null;
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    RATE_LIMIT_SIGNUP_PER_HOUR: '100000',
    RATE_LIMIT_SIGNIN_PER_MINUTE: '100000',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    // moderation (issue 7): automated checks (and TensorFlow) run only in tests that ask for them, so
    // other suites' repeated test posts are never held as duplicates behind their backs.
    MODERATION_AUTOMATED: 'off',
    MODERATION_IMAGE_CHECK: 'off',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    ...env,
  });
  const sentCodes: TestApp['sentCodes'] = [];
  const ctx = await createContext(config, {
    verificationSender: {
      async send(m) {
        sentCodes.push(m);
      },
    },
  });
  await migrateToLatest(ctx.database);
  const app = await buildApp(ctx);
  await app.ready();
  return {
    kind,
    app,
    ctx,
    sentCodes,
    async close() {
      await app.close();
      await ctx.close();
      await pgDb?.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
