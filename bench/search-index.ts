/**
 * Generated data is written straight into the tables, so nothing has indexed its notes for search.
 * Before a run that measures search, the project's own `kuaan reindex` builds the index once (it is
 * kept with the data for later runs), and the time it took is logged.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import SqliteDatabase from '../server/db/sqlite-driver.js';
import pg from 'pg';
import type { Manifest } from './data/generate.js';

const ROOT = path.resolve(import.meta.dirname, '..');

async function indexedNotes(m: Manifest): Promise<number> {
  const q = "select count(*) as n from search_documents where kind = 'note'";
  if (m.databaseUrl) {
    const client = new pg.Client({ connectionString: m.databaseUrl });
    await client.connect();
    try {
      return Number((await client.query(q)).rows[0].n);
    } finally {
      await client.end();
    }
  }
  const db = new SqliteDatabase(path.join(m.dataDir, 'kuaan.db'), { readonly: true });
  try {
    return Number((db.prepare(q).get() as { n: number }).n);
  } finally {
    db.close();
  }
}

/** Runs `kuaan reindex` on the generated data unless its notes are already indexed; returns seconds spent. */
export async function ensureSearchIndex(m: Manifest, log: (line: string) => void): Promise<number> {
  if ((await indexedNotes(m)) > 0) return 0;
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: m.dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (m.databaseUrl) env.DATABASE_URL = m.databaseUrl;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kuaan.mjs'), 'reindex'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) log(`[reindex] ${line}`);
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kuaan reindex exited with ${code}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  log(`search index built by kuaan reindex in ${seconds.toFixed(1)} s`);
  return seconds;
}
