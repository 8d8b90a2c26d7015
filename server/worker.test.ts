import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { SEARCH_JOBS } from './modules/search/search.jobs.js';
import { signUpUser } from './test/factories.js';
import { startTestApp, type TestApp, testDatabases } from './test/harness.js';
import { createTextNote } from './test/note-factory.js';

const BIN = path.resolve(import.meta.dirname, '../bin/kuaan.mjs');

for (const kind of testDatabases()) {
  describe(`kuaan worker (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      // A web node that only enqueues, as beside a worker process.
      t = await startTestApp(kind, { JOBS_WORKERS: '0' });
    });
    after(() => t.close());

    it('runs the queue in a process of its own: a note posted on the web node gets indexed, and SIGTERM stops it cleanly', async () => {
      const amy = await signUpUser(t);
      const note = await createTextNote(amy, { title: '工作进程 worker test', body: 'indexed by another process' });
      await t.ctx.events.settle();
      const db = t.ctx.database.db;
      const waiting = await db.selectFrom('jobs').select('id').where('type', '=', SEARCH_JOBS.note).where('payload', 'like', `%${note.id}%`).execute();
      assert.equal(waiting.length, 1, 'the web node enqueued and did not run it');

      const { config } = t.ctx;
      const child = spawn(process.execPath, [BIN, 'worker'], {
        env: {
          ...process.env,
          DATA_DIR: config.dataDir,
          ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
          LOG_LEVEL: 'silent',
          JOBS_WORKERS: '0',
          JOBS_POLL_MS: '20',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c) => {
        output += String(c);
      });
      child.stderr.on('data', (c) => {
        output += String(c);
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const deadline = Date.now() + 30_000;
        let doc: { ref_id: string } | undefined;
        while (!doc && Date.now() < deadline) {
          doc = await db.selectFrom('search_documents').select('ref_id').where('kind', '=', 'note').where('ref_id', '=', note.id).executeTakeFirst();
          if (!doc) await sleep(100);
        }
        assert.ok(doc, `the worker indexed the note; its output:\n${output}`);
        assert.match(output, /worker running 1 job loop/, 'JOBS_WORKERS=0 still gives the worker one loop');
      } finally {
        child.kill('SIGTERM');
      }
      assert.equal(await exited, 0, output);
      const left = await db.selectFrom('jobs').select('id').where('type', '=', SEARCH_JOBS.note).where('payload', 'like', `%${note.id}%`).execute();
      assert.equal(left.length, 0);
    });
  });
}
